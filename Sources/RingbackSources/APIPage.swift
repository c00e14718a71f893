/// One page of records as the API returned it, handed to the mapping as it is.
struct APIPage: Sendable {
    /// 1-based, in the order the pages were read.
    var number: Int
    var bytes: [UInt8]
    /// The page's URL with credentials replaced by their variables' names: the "file" of its records and rejects.
    var displayURL: String
}
