import Foundation
import RingbackCore

/// One record of an export after field parsing: a call, or one leg of a call that has several.
/// Kept small: a million of them are held while the legs of each call are grouped.
public struct CallLeg: Sendable {
    public var file: String
    /// The line of a CSV record, the index of a JSON record in its array, or the 1-based position of an XML record.
    var recordNumber: Int32
    /// The JSON key path of the records' array, or `(XPath)` of XML records; nil for CSV.
    var recordsPath: String?
    public var id: String
    public var parent: String
    public var group: String
    public var start: Date
    public var from: Party
    public var to: Party
    public var direction: CallDirection
    public var durationSeconds: Int
    public var callerName: String
    /// Transcript, recording link, tracking source and event time, which most exports never fill in.
    var extras: Extras?
    /// Bit i is set when this leg satisfies outcome rule i (the voicemail rules, then the answered rules).
    public var ruleMatches: UInt64

    /// The less common parts of a leg, boxed so that legs without them stay small.
    final class Extras: Sendable {
        let transcript: String
        let recording: String
        let trackingSource: String
        /// When the event this record reports happened (webhook exports: one record per event).
        let eventTime: Date?

        init(transcript: String, recording: String, trackingSource: String, eventTime: Date? = nil) {
            self.transcript = transcript
            self.recording = recording
            self.trackingSource = trackingSource
            self.eventTime = eventTime
        }
    }

    /// Where the record is: a line number, `calls[3]` for JSON, `(/cdr)[1]` for XML and HTML.
    public var location: String {
        recordsPath.map { "\($0)[\(recordNumber)]" } ?? String(recordNumber)
    }

    public var transcript: String { extras?.transcript ?? "" }
    public var recording: String { extras?.recording ?? "" }
    public var trackingSource: String { extras?.trackingSource ?? "" }
    var eventTime: Date? { extras?.eventTime }
}
