/// The business's scripts by situation, each worded twice: as a text, and as what to say on a callback
/// (for callers with no SMS consent on record). Defaults are the seed's templates.
public struct MessageScripts: Sendable {
    public struct Script: Sendable, Hashable {
        public var text: MessageTemplate
        public var call: MessageTemplate
        public init(text: MessageTemplate, call: MessageTemplate) {
            self.text = text
            self.call = call
        }
    }

    public var scripts: [ScriptSituation: Script]

    public init(scripts: [ScriptSituation: Script]) {
        self.scripts = scripts
    }

    public func script(_ situation: ScriptSituation) -> Script { scripts[situation] ?? Self.standard.scripts[situation]! }

    /// The seed's wording, shortened where it opens a conversation; `call` is the callback's version.
    public static let defaultWording: [ScriptSituation: (text: String, call: String)] = [
        .immediateText: (
            "Hi {name}, this is {company}. Sorry we missed your call. What service do you need help with, and what is the service address or ZIP?",
            "Hi {name}, this is {company} returning your call. What do you need help with, and what is the service address or ZIP?"
        ),
        .callbackOpening: (
            "Hi {name}, this is {company} returning your call. I can help get the right next step started. What is going on at the property?",
            "Hi {name}, this is {company} returning your call. I can help get the right next step started. What is going on at the property?"
        ),
        .urgentTriage: (
            "Thanks, {name}. This is {company}: I am marking this urgent and sending it to our on-call team. Please share the service address and the safest callback number.",
            "Hi {name}, this is {company} returning your call. I am marking this urgent for our on-call team. What is the service address, and the safest number to reach you?"
        ),
        .routineBooking: (
            "Hi {name}, this is {company}. We can help with that. I have {window1} or {window2} available. Which works better?",
            "Hi {name}, this is {company} returning your call. We can help with that. I have {window1} or {window2} available. Which works better?"
        ),
        .estimateDetails: (
            "Hi {name}, this is {company}. To prepare the right callback, please send a short description, the property address, and any photos that show the issue.",
            "Hi {name}, this is {company} returning your call. To prepare the estimate, can you describe the project and the property address? Photos help if you can email them."
        ),
        .noAnswer: (
            "We tried returning your call from {company}. Reply here with the service address and best time to reach you, or call us back when convenient.",
            "Hi {name}, this is {company} returning your call. Please call us back with the service address and the best time to reach you."
        ),
        .existingCustomer: (
            "Hi {name}, this is {company}. Thanks for reaching out again. What job address or project should we attach this to?",
            "Hi {name}, this is {company} returning your call. Thanks for reaching out again. What job address or project should we attach this to?"
        ),
        .notAFit: (
            "Thanks for checking with {company}. This request is outside what we handle, so we will close this out on our side.",
            "Thanks for checking with {company}. This request is outside what we handle, so we will close this out on our side."
        ),
    ]

    public static let standard: MessageScripts = {
        var scripts: [ScriptSituation: Script] = [:]
        for (situation, wording) in defaultWording {
            let allow = situation.mayNameWindows
            scripts[situation] = Script(
                text: try! MessageTemplate(wording.text, allowWindows: allow), call: try! MessageTemplate(wording.call, allowWindows: allow))
        }
        return MessageScripts(scripts: scripts)
    }()
}
