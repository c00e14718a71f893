/// Several labelled sets side by side, one row each (`make eval` over every file in eval/): the
/// corpus the rules were written against next to the sets written later to measure them.
public struct CorpusTable: Sendable {
    public var sets: [(name: String, evaluation: CorpusEvaluation)]

    public init(sets: [(name: String, evaluation: CorpusEvaluation)]) {
        self.sets = sets
    }

    public var report: String {
        let width = max(12, (sets.map(\.name.count).max() ?? 0) + 2)
        let columns = ["cases"] + CorpusEvaluation.fields + ["emergencies", "false emerg."]
        var lines = [pad("set", width) + columns.map { pad($0, 13) }.joined()]
        for (name, evaluation) in sets {
            let count = evaluation.outcomes.count
            let fields = CorpusEvaluation.fields.map { CorpusEvaluation.percent(evaluation.correct($0), count) }
            let emergencies = "\(evaluation.emergenciesRecalled)/\(evaluation.emergencies)"
            let falseAlarms = "\(evaluation.falseEmergencies)/\(count - evaluation.emergencies)"
            lines.append(pad(name, width) + ([String(count)] + fields + [emergencies, falseAlarms]).map { pad($0, 13) }.joined())
        }
        return lines.joined(separator: "\n")
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.padding(toLength: max(width, text.count + 1), withPad: " ", startingAt: 0)
    }
}
