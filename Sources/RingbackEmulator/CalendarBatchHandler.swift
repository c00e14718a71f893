import Foundation
import RingbackJSON

/// POST /batch/calendar/v3: each part is run on its own (not atomically), counted under its own method, and may fail
/// on its own with a quota or availability error.
extension EmulatorState {
    mutating func serveBatch(_ request: HTTPRequestData, now: Date) -> HTTPResponseData {
        guard let boundary = BatchMultipart.boundary(fromContentType: request.header("Content-Type")),
            let parts = BatchMultipart.parse(request.body, boundary: boundary)
        else {
            return GoogleError.calendar(400, reason: "badRequest", "Invalid multipart request.")
        }
        guard !parts.isEmpty else { return GoogleError.calendar(400, reason: "badRequest", "Batch request is empty.") }
        guard parts.count <= 1000 else {
            return GoogleError.calendar(400, reason: "badRequest", "A batch request cannot contain more than 1000 requests.")
        }
        var responses: [(contentID: String?, response: HTTPResponseData)] = []
        for part in parts {
            var inner = part.request
            for header in request.headers where inner.header(header.name) == nil {
                let name = header.name.lowercased()
                if name == "content-type" || name == "content-length" || name == "expect" { continue }
                inner.headers.append(header)
            }
            let route = APIRoute.classify(method: inner.method, rawPath: inner.rawPath)
            guard case .calendar = route else {
                responses.append((part.contentID, GoogleError.calendar(404, reason: "notFound", "Not Found")))
                continue
            }
            if let name = route.methodName { count(name) }
            if let fault = choosePartFault() {
                responses.append((part.contentID, fault))
                continue
            }
            responses.append((part.contentID, serve(inner, route: route, now: now)))
        }
        let outer = "batch_" + randomID(length: 22, alphabet: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")
        return HTTPResponseData(
            status: 200, headers: [("Content-Type", "multipart/mixed; boundary=\(outer)")],
            body: BatchMultipart.render(responses, boundary: outer))
    }
}
