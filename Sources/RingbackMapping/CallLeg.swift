import Foundation
import RingbackCore

/// One record of an export after field parsing: a call, or one leg of a call that has several.
public struct CallLeg: Sendable {
    public var location: String
    public var file: String
    public var id: String
    public var parent: String
    public var group: String
    public var start: Date
    public var from: Party
    public var to: Party
    public var direction: CallDirection
    public var durationSeconds: Int
    public var callerName: String
    public var transcript: String
    public var recording: String
    public var trackingSource: String
    /// Values of the fields the outcome rules test, in `MappingEngine.outcomeFields` order.
    public var ruleValues: [String]
}
