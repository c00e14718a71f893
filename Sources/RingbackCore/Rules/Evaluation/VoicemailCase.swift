import Foundation

/// One labelled voicemail of the corpus: the text and what a dispatcher says it is.
public struct VoicemailCase: Codable, Sendable, Hashable {
    public var id: String
    public var text: String
    public var callerType: String
    public var trade: String
    public var urgency: String
    public var zip: String
    public var name: String

    enum CodingKeys: String, CodingKey {
        case id, text, trade, urgency, zip, name
        case callerType = "caller_type"
    }

    /// The corpus file: one JSON object per line, blank lines ignored.
    public static func parse(jsonLines: String) throws -> [VoicemailCase] {
        let decoder = JSONDecoder()
        return try jsonLines.split(whereSeparator: \.isNewline).filter { !$0.allSatisfy(\.isWhitespace) }.map { line in
            try decoder.decode(VoicemailCase.self, from: Data(line.utf8))
        }
    }
}
