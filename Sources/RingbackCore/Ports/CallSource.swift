import Foundation

/// Where calls come from: a set of export files or a phone system's API. Each run asks every source for
/// what is new; what it returns is recorded in the run's one state commit, or not at all.
public protocol CallSource: Sendable {
    /// The source's name in the config; the state keys its files and watermark by it.
    var name: String { get }
    /// Reads what is new since the state last saw this source. A record that cannot be read is a reject,
    /// never a thrown error; a source that stops part-way says so in `failure`.
    func pull(_ state: any SourceStateReading, now: Date) throws -> SourcePull
}

/// What a source may ask of the state store.
public protocol SourceStateReading: Sendable {
    func processedFile(source: String, path: String) throws -> ProcessedFile?
    func watermark(source: String) throws -> Date?
    /// When the newest call the ledger holds from this source started.
    func latestCall(source: String) throws -> Date?
}

/// A source that could not be read to its end: its calls are not recorded and its watermark stays, so the
/// next run reads them again. The description says which source, where and why.
public protocol SourceFailure: Error, Sendable, CustomStringConvertible {
    var source: String { get }
}

/// What one source brought this run.
public struct SourcePull: Sendable {
    /// The source's name.
    public var source: String
    public var calls: [Call] = []
    public var rejects: [RecordReject] = []
    public var processedFiles: [ProcessedFile] = []
    public var records = 0
    public var filesRead = 0
    public var filesSkipped = 0
    /// The source's new watermark, when it read to the end and the watermark moved.
    public var watermark: Date?
    public var failure: (any SourceFailure)?
    /// The source brought nothing it should have (its calls, if any, are still recorded).
    public var silence: SourceSilence?
    /// What the run log should say about the read that is neither a reject nor a failure
    /// (a mapping that finds almost no caller's number).
    public var warnings: [String] = []

    public init(source: String) {
        self.source = source
    }
}
