/// What a caller-ID field turned out to be, so lead building can ring back real numbers, skip
/// withheld callers, keep internal extensions apart and explain every reject.
public enum PhoneNumberResult: Hashable, Sendable {
    /// A diallable number in E.164 form (`+15125550100`), with any extension kept separately.
    case number(e164: String, extension: String?)
    /// The caller withheld or the network did not deliver the number.
    case anonymous
    /// A 2–6 digit internal extension or short code, digits only.
    case shortCode(String)
    /// A SIP or client URI (`sip:…`, `client:…`), kept verbatim.
    case sip(String)
    /// Text that cannot be turned into a number; `reason` says why in words for the rejects report.
    case unusable(raw: String, reason: String)
}
