/// Advice for the person setting Ringback up, keyed on Google's status and reason: what to share with
/// whom, which id to check, or that the quota ran out and the next run catches up.
enum GoogleErrorHints {
    /// Whether an answer concerns the request as a whole or one part of a Calendar batch. A missing event in
    /// a batch part is an ordinary outcome, not a wrong calendar id.
    enum Context: Sendable {
        case request
        case batchPart
    }

    static let quotaReasons: Set<String> = [
        "rateLimitExceeded", "userRateLimitExceeded", "RATE_LIMIT_EXCEEDED", "quotaExceeded",
        "dailyLimitExceeded", "RESOURCE_EXHAUSTED",
    ]
    static let permissionReasons: Set<String> = [
        "forbidden", "insufficientPermissions", "requiredAccessLevel",
        "forbiddenForServiceAccounts", "PERMISSION_DENIED",
    ]

    static func hint(
        status: Int, statusText: String?, reason: String?, operation: String, account: String,
        context: Context
    ) -> String? {
        let target = operation.hasPrefix("calendar") ? "calendar" : operation.hasPrefix("sheets") ? "spreadsheet" : "spreadsheet (or calendar)"
        if status == 429 || statusText == "RESOURCE_EXHAUSTED" || reason.map(quotaReasons.contains) == true {
            return "Google's quota for this project was used up; the next run picks up where this one stopped"
        }
        if status == 403 && (statusText == "PERMISSION_DENIED" || reason.map(permissionReasons.contains) == true) {
            return "Share the \(target) with \(account) as an editor"
        }
        if status == 401 {
            return "Google did not accept the credentials of \(account); check the key file or refresh token in the config"
        }
        if status == 404 && context == .request {
            return "Check the spreadsheet or calendar id in the config, and that it is shared with \(account)"
        }
        return nil
    }
}
