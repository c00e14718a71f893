import RingbackCore
import RingbackYAML

/// Reads the `scripts:` section: a wording per situation, either one text for both channels or
/// `text:` and `call:` (said on the callback when no SMS consent is on record); one left out, or `~`,
/// keeps the built-in wording (`call:` left out follows `text:`). Every placeholder is
/// checked here, so `ringback validate` names a script with a typo before any message is suggested.
enum ScriptsLoader {
    static func load(_ node: YAMLValue?) throws -> MessageScripts {
        var scripts = MessageScripts.standard.scripts
        guard let node else { return MessageScripts(scripts: scripts) }
        try node.allowOnly(Set(ScriptSituation.allCases.map(\.rawValue)))
        for (key, value) in try node.entries() where !value.isNull {
            let situation = ScriptSituation(rawValue: key)!
            let standard = MessageScripts.standard.script(situation)
            if value.isMapping {
                try value.allowOnly(["text", "call"])
                let text = try value.optional("text").map { try template($0, situation: situation) }
                let call = try value.optional("call").map { try template($0, situation: situation) }
                scripts[situation] = .init(text: text ?? standard.text, call: call ?? text ?? standard.call)
            } else {
                let both = try template(value, situation: situation)
                scripts[situation] = .init(text: both, call: both)
            }
        }
        return MessageScripts(scripts: scripts)
    }

    /// The error is on the script's own line and key (`scripts.no_answer.text`).
    private static func template(_ node: YAMLValue, situation: ScriptSituation) throws -> MessageTemplate {
        let text = try node.text(expected: "the wording of the \(situation.rawValue) script")
        do {
            return try MessageTemplate(text, allowWindows: situation.mayNameWindows)
        } catch {
            throw node.error("\(error)")
        }
    }
}
