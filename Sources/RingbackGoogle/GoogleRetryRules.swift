/// Which Google answers are worth sending again: 429, the brief 5xx, and Calendar's 403 rate limits.
/// Daily quotas (`quotaExceeded`) and permission problems are not.
enum GoogleRetryRules {
    static let retryableStatuses: Set<Int> = [408, 429, 500, 502, 503, 504]
    static let rateLimitReasons: Set<String> = ["rateLimitExceeded", "userRateLimitExceeded", "RATE_LIMIT_EXCEEDED"]

    static func isRetryable(status: Int, reason: String?) -> Bool {
        if retryableStatuses.contains(status) { return true }
        return status == 403 && reason.map(rateLimitReasons.contains) == true
    }

    static func isRetryable(status: Int, body: [UInt8]) -> Bool {
        if retryableStatuses.contains(status) { return true }
        return status == 403 && isRetryable(status: status, reason: GoogleErrorBody(bytes: body).reason)
    }
}
