/// The seed's script scenarios: which one a lead gets follows its status and caller type.
/// The raw value is the key under `scripts:` in the config.
public enum ScriptSituation: String, CaseIterable, Sendable, Hashable {
    case immediateText = "immediate_text"
    case callbackOpening = "callback_opening"
    case urgentTriage = "urgent_triage"
    case routineBooking = "routine_booking"
    case estimateDetails = "estimate_details"
    case noAnswer = "no_answer"
    case existingCustomer = "existing_customer"
    case notAFit = "not_a_fit"

    /// Only this script may name offered windows: it is chosen only when the crew has them.
    public var mayNameWindows: Bool { self == .routineBooking }
}
