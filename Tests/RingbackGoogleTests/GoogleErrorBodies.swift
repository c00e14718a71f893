/// Error bodies as Google sends them, copied from recorded traffic and Google's documentation
/// (gspread cassettes, GitHub issues quoting real 429s, the Calendar errors guide).
enum GoogleErrorBodies {
    /// gspread ClientTest.test_access_private_spreadsheet (recorded).
    static let sheetsPermissionDenied = """
        {
          "error": {
            "code": 403,
            "message": "The caller does not have permission",
            "status": "PERMISSION_DENIED"
          }
        }

        """

    /// gspread WorksheetTest.test_add_validation (recorded).
    static let sheetsInvalidArgument = #"""
        {
          "error": {
            "code": 400,
            "message": "Invalid value at 'data.values' (type.googleapis.com/google.protobuf.ListValue), \"X\"",
            "status": "INVALID_ARGUMENT",
            "details": [
              {
                "@type": "type.googleapis.com/google.rpc.BadRequest",
                "fieldViolations": [
                  {
                    "field": "data.values",
                    "description": "Invalid value at 'data.values' (type.googleapis.com/google.protobuf.ListValue), \"X\""
                  }
                ]
              }
            ]
          }
        }
        """#

    /// n8n issue 16750 (a real Sheets 429).
    static let sheetsReadQuota = """
        {"error":{"code":429,"message":"Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user' of service 'sheets.googleapis.com' for consumer 'project_number:498586711441'.","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"RATE_LIMIT_EXCEEDED","domain":"googleapis.com","metadata":{"consumer":"projects/498586711441","service":"sheets.googleapis.com","quota_unit":"1/min/{project}/{user}","quota_limit":"ReadRequestsPerMinutePerUser","quota_location":"global","quota_metric":"sheets.googleapis.com/read_requests","quota_limit_value":"60"}},{"@type":"type.googleapis.com/google.rpc.Help","links":[{"description":"Request a higher quota limit.","url":"https://cloud.google.com/docs/quotas/help/request_increase"}]}]}}
        """

    static let sheetsNotFound = """
        {"error":{"code":404,"message":"Requested entity was not found.","status":"NOT_FOUND"}}
        """

    /// Calendar errors guide (documented shapes, legacy `errors[]`).
    static let calendarRateLimit = """
        {"error":{"errors":[{"domain":"usageLimits","reason":"rateLimitExceeded","message":"Rate Limit Exceeded"}],"code":403,"message":"Rate Limit Exceeded"}}
        """
    static let calendarUserRateLimit = """
        {"error":{"errors":[{"domain":"usageLimits","reason":"userRateLimitExceeded","message":"User Rate Limit Exceeded"}],"code":403,"message":"User Rate Limit Exceeded"}}
        """
    static let calendarQuotaExceeded = """
        {"error":{"errors":[{"domain":"usageLimits","reason":"quotaExceeded","message":"Calendar usage limits exceeded."}],"code":403,"message":"Calendar usage limits exceeded."}}
        """
    static let calendarDuplicate = """
        {"error":{"errors":[{"domain":"global","reason":"duplicate","message":"The requested identifier already exists."}],"code":409,"message":"The requested identifier already exists."}}
        """
    static let calendarDeleted = """
        {"error":{"errors":[{"domain":"global","reason":"deleted","message":"Resource has been deleted"}],"code":410,"message":"Resource has been deleted"}}
        """
    static let calendarNotFound = """
        {"error":{"errors":[{"domain":"global","reason":"notFound","message":"Not Found"}],"code":404,"message":"Not Found"}}
        """
    static let calendarForbidden = """
        {"error":{"errors":[{"domain":"global","reason":"forbidden","message":"Forbidden"}],"code":403,"message":"Forbidden"}}
        """
    static let calendarBackendError = """
        {"error":{"errors":[{"domain":"global","reason":"backendError","message":"Backend Error"}],"code":503,"message":"Backend Error"}}
        """
    static let authError = """
        {"error":{"errors":[{"domain":"global","reason":"authError","message":"Invalid Credentials","locationType":"header","location":"Authorization"}],"code":401,"message":"Invalid Credentials"}}
        """
}
