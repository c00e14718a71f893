/// The six caller types of the follow-up workflow; each has its own next action and owner.
public enum CallerType: String, Codable, Sendable, Hashable, CaseIterable {
    case newLead = "New lead"
    case existingCustomer = "Existing customer"
    case activeJobProblem = "Active job problem"
    case emergency = "Emergency request"
    case vendorSpamWrongNumber = "Vendor, spam, or wrong number"
    case complexQuote = "Complex quote"
}
