import RingbackJSON

/// Google's error bodies: the modern `{code, message, status}` shape of Sheets and the legacy `errors[]` shape of Calendar.
enum GoogleError {
    static func sheets(_ code: Int, _ status: String, _ message: String, details: [JSONValue]? = nil) -> HTTPResponseData {
        var error: [String: JSONValue] = ["code": .number(Double(code)), "message": .string(message), "status": .string(status)]
        if let details { error["details"] = .array(details) }
        return .json(code, ["error": .object(error)])
    }

    static func invalidArgument(_ message: String) -> HTTPResponseData { sheets(400, "INVALID_ARGUMENT", message) }

    static func badRequestField(_ field: String, _ description: String) -> HTTPResponseData {
        sheets(
            400, "INVALID_ARGUMENT", description,
            details: [
                [
                    "@type": "type.googleapis.com/google.rpc.BadRequest",
                    "fieldViolations": [["field": .string(field), "description": .string(description)]],
                ]
            ])
    }

    static let notFound = sheets(404, "NOT_FOUND", "Requested entity was not found.")
    static let permissionDenied = sheets(403, "PERMISSION_DENIED", "The caller does not have permission")

    /// Why a request was not authenticated; Google words each case differently.
    enum CredentialProblem {
        case missing, expired, invalid
    }

    static func unauthenticated(_ problem: CredentialProblem, legacy: Bool, service: String) -> HTTPResponseData {
        let lead = problem == .missing ? "Request is missing required authentication credential." : "Request had invalid authentication credentials."
        let message =
            lead
            + " Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project."
        var error: [String: JSONValue] = ["code": 401, "message": .string(message), "status": "UNAUTHENTICATED"]
        if legacy {
            error["errors"] =
                problem == .missing
                ? [["message": "Login Required.", "domain": "global", "reason": "required", "location": "Authorization", "locationType": "header"]]
                : [
                    [
                        "message": "Invalid Credentials", "domain": "global", "reason": "authError", "location": "Authorization",
                        "locationType": "header",
                    ]
                ]
        } else {
            let reason: JSONValue =
                switch problem {
                case .missing: "CREDENTIALS_MISSING"
                case .expired: "ACCESS_TOKEN_EXPIRED"
                case .invalid: "ACCESS_TOKEN_TYPE_UNSUPPORTED"
                }
            error["details"] = [
                [
                    "@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": reason, "domain": "googleapis.com",
                    "metadata": ["service": .string(service)],
                ]
            ]
        }
        return .json(401, ["error": .object(error)])
    }

    static func insufficientScopes(service: String) -> HTTPResponseData {
        sheets(
            403, "PERMISSION_DENIED", "Request had insufficient authentication scopes.",
            details: [
                [
                    "@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "ACCESS_TOKEN_SCOPE_INSUFFICIENT",
                    "domain": "googleapis.com", "metadata": ["service": .string(service)],
                ]
            ])
    }

    static func calendar(
        _ code: Int, domain: String = "global", reason: String, _ message: String,
        location: (type: String, name: String)? = nil
    ) -> HTTPResponseData {
        var item: [String: JSONValue] = ["domain": .string(domain), "reason": .string(reason), "message": .string(message)]
        if let location {
            item["locationType"] = .string(location.type)
            item["location"] = .string(location.name)
        }
        return .json(code, ["error": ["errors": [.object(item)], "code": .number(Double(code)), "message": .string(message)]])
    }

    static func sheetsRateLimited() -> HTTPResponseData {
        sheets(
            429, "RESOURCE_EXHAUSTED",
            "Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute per user' of service 'sheets.googleapis.com' for consumer 'project_number:100000000001'.",
            details: [
                [
                    "@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "RATE_LIMIT_EXCEEDED", "domain": "googleapis.com",
                    "metadata": [
                        "consumer": "projects/100000000001", "service": "sheets.googleapis.com",
                        "quota_unit": "1/min/{project}/{user}", "quota_limit": "WriteRequestsPerMinutePerUser",
                        "quota_location": "global", "quota_metric": "sheets.googleapis.com/write_requests",
                        "quota_limit_value": "60",
                    ],
                ],
                [
                    "@type": "type.googleapis.com/google.rpc.Help",
                    "links": [["description": "Request a higher quota limit.", "url": "https://cloud.google.com/docs/quotas/help/request_increase"]],
                ],
            ])
    }

    static func sheetsUnavailable() -> HTTPResponseData {
        sheets(503, "UNAVAILABLE", "The service is currently unavailable.")
    }

    static func calendarRateLimited() -> HTTPResponseData {
        calendar(429, domain: "usageLimits", reason: "rateLimitExceeded", "Rate Limit Exceeded")
    }

    static func calendarUnavailable() -> HTTPResponseData {
        calendar(503, reason: "backendError", "The service is currently unavailable.")
    }
}
