/// A safety issue the office must hear about at once (gas smell, carbon monoxide, sparking…), with the
/// words callers use for it. Its name is what the Next Action tells the on-call owner, in plain words.
public struct SafetyIssue: Sendable, Hashable {
    public var name: String
    public var keywords: [String]

    public init(name: String, keywords: [String]) {
        self.name = name
        self.keywords = keywords
    }
}
