/// The business's lists a caller is looked up in.
public enum ListKind: String, CaseIterable, Sendable, Hashable {
    case customers
    case activeJobs = "active_jobs"
    case vendors
    case spam
    /// Numbers that gave SMS permission: their suggested message is worded as a text.
    case smsConsent = "sms_consent"
}

extension ContactLists {
    /// The lists with one of them replaced.
    public func replacing(_ kind: ListKind, with entries: [String: Entry]) -> ContactLists {
        var lists = self
        switch kind {
        case .customers: lists.customers = entries
        case .activeJobs: lists.activeJobs = entries
        case .vendors: lists.vendors = entries
        case .spam: lists.spam = Set(entries.keys)
        case .smsConsent: lists.smsConsent = entries
        }
        return lists
    }
}
