import Testing

@testable import RingbackHTTP

@Suite struct RetryPolicyTests {
    @Test func backoffDoublesUpToTheCapWithHalfOfItRandom() {
        let policy = RetryPolicy(baseDelay: 1, maxDelay: 8)
        #expect(policy.backoff(afterAttempt: 1, unit: 0) == 0.5)
        #expect(policy.backoff(afterAttempt: 1, unit: 1) == 1)
        #expect(policy.backoff(afterAttempt: 2, unit: 1) == 2)
        #expect(policy.backoff(afterAttempt: 3, unit: 0.5) == 3)
        #expect(policy.backoff(afterAttempt: 10, unit: 1) == 8)
        #expect(policy.backoff(afterAttempt: 10, unit: 0) == 4)
    }

    @Test func tooManyRequestsAndServerFailuresAreRetriedClientErrorsAreNot() {
        let policy = RetryPolicy.standard
        #expect([408, 429, 500, 502, 503, 504].allSatisfy(policy.isRetryable(status:)))
        #expect(![400, 401, 403, 404, 501].contains(where: policy.isRetryable(status:)))
    }
}
