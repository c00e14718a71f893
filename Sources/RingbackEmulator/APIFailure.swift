/// A Sheets or Calendar failure carried up to the handler that turns it into a response.
struct APIFailure: Error {
    var response: HTTPResponseData
    init(_ response: HTTPResponseData) { self.response = response }
    static func invalid(_ message: String) -> APIFailure { APIFailure(GoogleError.invalidArgument(message)) }
}
