/// The business's own lists a caller is looked up in, keyed by E.164 number.
public struct ContactLists: Sendable {
    /// A known customer or an active job's contact.
    public struct Entry: Sendable, Hashable {
        public var name: String
        public var address: String
        public var zip: String
        /// Job ID for active jobs; empty for customers.
        public var reference: String
        /// Lead tech or project owner for active jobs; empty when the routing table decides.
        public var owner: String

        public init(name: String = "", address: String = "", zip: String = "", reference: String = "", owner: String = "") {
            self.name = name
            self.address = address
            self.zip = zip
            self.reference = reference
            self.owner = owner
        }
    }

    public var customers: [String: Entry]
    public var activeJobs: [String: Entry]
    public var vendors: [String: Entry]
    public var spam: Set<String>
    /// Numbers with SMS consent on record; the entry's `reference` holds the list's note (when and how given).
    public var smsConsent: [String: Entry] = [:]

    public init(customers: [String: Entry] = [:], activeJobs: [String: Entry] = [:], vendors: [String: Entry] = [:], spam: Set<String> = []) {
        self.customers = customers
        self.activeJobs = activeJobs
        self.vendors = vendors
        self.spam = spam
    }
}
