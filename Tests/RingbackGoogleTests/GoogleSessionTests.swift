import Foundation
import RingbackHTTP
import RingbackJSON
import Testing

@testable import RingbackGoogle

/// Authorised requests: bearer token, retries, one token renewal on 401, and Google's errors with advice.
@Suite struct GoogleSessionTests {
    typealias Fake = FakeGoogleTransport
    static let url = URL(string: "https://sheets.googleapis.com/v4/spreadsheets/1AbC")!

    static func failure(_ session: GoogleSession, operation: String = "sheets get 1AbC") -> GoogleAPIError? {
        do {
            _ = try session.json(method: "GET", url: url, body: nil, operation: operation)
            return nil
        } catch {
            return error
        }
    }

    @Test func requestsCarryTheBearerTokenAndJSONBody() throws {
        let fake = Fake([Fake.json(200, ["replies": [[:]]])])
        let reply = try fake.session().json(method: "POST", url: Self.url, body: ["requests": []], operation: "sheets batchUpdate 1AbC")
        #expect(reply == ["replies": [[:]]])
        let sent = try #require(fake.apiRequests.first)
        #expect(sent.method == "POST" && sent.headers["Authorization"] == "Bearer ya29.access-1")
        #expect(sent.headers["Content-Type"] == "application/json; charset=UTF-8" && sent.bodyText == #"{"requests":[]}"#)
    }

    @Test func anEmptyAnswerIsNullAndANonJSONOneIsABadResponse() throws {
        let fake = Fake([Fake.raw(204, ""), Fake.raw(200, "<html>")])
        #expect(try fake.session().json(method: "DELETE", url: Self.url, body: nil, operation: "x") == .null)
        #expect(Self.failure(fake.session())?.kind == .badResponse)
    }

    @Test func a401RenewsTheTokenOnceAndResends() throws {
        let fake = Fake([Fake.raw(401, GoogleErrorBodies.authError), Fake.json(200, ["ok": true])])
        #expect(try fake.session().json(method: "GET", url: Self.url, body: nil, operation: "x") == ["ok": true])
        #expect(fake.apiRequests.map { $0.headers["Authorization"] } == ["Bearer ya29.access-1", "Bearer ya29.access-2"])
        #expect(fake.tokenRequests.count == 2)
    }

    @Test func aSecond401Fails() throws {
        let fake = Fake([Fake.raw(401, GoogleErrorBodies.authError), Fake.raw(401, GoogleErrorBodies.authError)])
        let error = try #require(Self.failure(fake.session()))
        #expect(error.status == 401 && error.reason == "authError" && error.attempts == 2)
        #expect(fake.apiRequests.count == 2)
        #expect(!error.description.contains("ya29"))
    }

    @Test func a429WithoutRetryAfterA503AndADroppedConnectionAreRetried() throws {
        let fake = Fake([Fake.raw(429, GoogleErrorBodies.sheetsReadQuota), Fake.raw(503, "unavailable"), Fake.dropped, Fake.json(200, [:])])
        _ = try fake.session().json(method: "GET", url: Self.url, body: nil, operation: "x")
        #expect(fake.apiRequests.count == 4)
        #expect(fake.waits.withLock { $0 } == [1, 2, 4])
    }

    @Test func retryAfterIsHonoured() throws {
        let fake = Fake([Fake.raw(503, "", headers: ["Retry-After": "11"]), Fake.json(200, [:])])
        _ = try fake.session().json(method: "GET", url: Self.url, body: nil, operation: "x")
        #expect(fake.waits.withLock { $0 } == [11])
    }

    @Test func calendarRateLimit403sAreRetriedButDailyQuotaAndPermissionAreNot() throws {
        let limited = Fake([
            Fake.raw(403, GoogleErrorBodies.calendarRateLimit), Fake.raw(403, GoogleErrorBodies.calendarUserRateLimit),
            Fake.json(200, [:]),
        ])
        _ = try limited.session().json(method: "GET", url: Self.url, body: nil, operation: "calendar get")
        #expect(limited.apiRequests.count == 3)

        let quota = Fake([Fake.raw(403, GoogleErrorBodies.calendarQuotaExceeded), Fake.json(200, [:])])
        let error = try #require(Self.failure(quota.session(), operation: "calendar batch of 3 calls"))
        #expect(quota.apiRequests.count == 1)
        #expect(error.reason == "quotaExceeded" && error.hint?.contains("quota for this project was used up") == true)
    }

    @Test func aPermissionDeniedHintNamesTheServiceAccount() throws {
        let fake = Fake([Fake.raw(403, GoogleErrorBodies.sheetsPermissionDenied)])
        let error = try #require(Self.failure(fake.session(), operation: "sheets values:batchGet 1jIKzPs8"))
        #expect(error.kind == .http && error.status == 403 && error.statusText == "PERMISSION_DENIED")
        #expect(error.message == "The caller does not have permission")
        #expect(error.hint == "Share the spreadsheet with \(TestKey.email) as an editor")
        #expect(
            error.description == "sheets values:batchGet 1jIKzPs8: HTTP 403 PERMISSION_DENIED: The caller does not have permission. "
                + "Share the spreadsheet with \(TestKey.email) as an editor")

        let calendar = Fake([Fake.raw(403, GoogleErrorBodies.calendarForbidden)])
        let forbidden = try #require(Self.failure(calendar.session(), operation: "calendar get event x"))
        #expect(forbidden.reason == "forbidden" && forbidden.hint == "Share the calendar with \(TestKey.email) as an editor")
    }

    @Test func realErrorBodiesGiveStatusWordReasonAndHint() throws {
        let quota = Fake(Array(repeating: Fake.raw(429, GoogleErrorBodies.sheetsReadQuota), count: 4))
        let exhausted = try #require(Self.failure(quota.session()))
        #expect(exhausted.status == 429 && exhausted.statusText == "RESOURCE_EXHAUSTED" && exhausted.reason == "RATE_LIMIT_EXCEEDED")
        #expect(exhausted.attempts == 4 && exhausted.message.hasPrefix("Quota exceeded for quota metric 'Read requests'"))
        #expect(exhausted.hint == "Google's quota for this project was used up; the next run picks up where this one stopped")

        let invalid = try #require(Self.failure(Fake([Fake.raw(400, GoogleErrorBodies.sheetsInvalidArgument)]).session()))
        #expect(invalid.statusText == "INVALID_ARGUMENT" && invalid.reason == nil && invalid.hint == nil)
        #expect(invalid.message.hasPrefix("Invalid value at 'data.values'"))

        let missing = try #require(Self.failure(Fake([Fake.raw(404, GoogleErrorBodies.sheetsNotFound)]).session()))
        #expect(missing.statusText == "NOT_FOUND" && missing.message == "Requested entity was not found.")
        #expect(missing.hint == "Check the spreadsheet or calendar id in the config, and that it is shared with \(TestKey.email)")

        let duplicate = try #require(Self.failure(Fake([Fake.raw(409, GoogleErrorBodies.calendarDuplicate)]).session()))
        #expect(duplicate.statusText == nil && duplicate.reason == "duplicate" && duplicate.message == "The requested identifier already exists.")
    }

    @Test func theRealSharedBodiesParse() throws {
        // ../shared sits beside the repository, in CI as on a developer's machine.
        let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/google")
        let path = shared.appendingPathComponent("cassettes/real-429-bodies.json").path
        let data = try #require(FileManager.default.contents(atPath: path), "recorded 429 bodies at \(path)")
        let entries = try #require(JSONValue.parse([UInt8](data)).array)
        let bodies = entries.compactMap { $0["body"] }
        #expect(bodies.count >= 2)
        for body in bodies {
            let parsed = GoogleErrorBody(body)
            #expect(parsed.statusText == "RESOURCE_EXHAUSTED" && parsed.reason == "RATE_LIMIT_EXCEEDED")
        }
        let documented = shared.appendingPathComponent("calendar/error-bodies.documented.json").path
        let calendarData = try #require(FileManager.default.contents(atPath: documented), "documented bodies at \(documented)")
        let calendar = try JSONValue.parse([UInt8](calendarData))
        #expect(calendar["409_duplicate"].map(GoogleErrorBody.init)?.reason == "duplicate")
        #expect(calendar["403_userRateLimitExceeded"].map(GoogleErrorBody.init)?.reason == "userRateLimitExceeded")
    }

    @Test func aNonJSONErrorAnswerIsDescribedNotQuoted() throws {
        let fake = Fake([Fake.raw(502, "<html>Bad Gateway</html>", headers: ["Content-Type": "text/html"])])
        let error = try #require(Self.failure(fake.session(maxAttempts: 1)))
        #expect(error.status == 502 && error.message == "the answer is not a Google error (24 bytes of text/html)")
    }

    @Test func aTransportFailureIsReportedWithoutSecrets() throws {
        let fake = Fake(Array(repeating: Fake.dropped, count: 4))
        let error = try #require(Self.failure(fake.session()))
        #expect(error.kind == .transport && error.attempts == 4 && error.status == nil)
        #expect(error.message == "no response after 4 attempts: the connection was dropped")
        #expect(!error.description.contains("ya29") && !error.description.contains("Bearer"))
    }
}
