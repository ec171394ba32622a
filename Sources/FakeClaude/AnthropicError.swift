import TeachBack
/// The Messages API error envelope, so a client parses the fake's errors exactly as real ones:
/// `{"type":"error","error":{"type":…,"message":…},"request_id":…}`.
package enum AnthropicError {
    /// The reference's status → `error.type` table.
    package static let types: [Int: String] = [
        400: "invalid_request_error", 401: "authentication_error", 402: "billing_error",
        403: "permission_error", 404: "not_found_error", 409: "conflict_error",
        413: "request_too_large", 429: "rate_limit_error", 500: "api_error",
        504: "timeout_error", 529: "overloaded_error",
    ]

    static let messages: [Int: String] = [
        400: "Invalid request.", 401: "invalid x-api-key", 402: "Your credit balance is too low.",
        403: "Your API key does not have permission to use the specified resource.",
        404: "The requested resource could not be found.", 409: "Conflict.",
        413: "Request exceeds the maximum allowed number of bytes.",
        429: "Number of request tokens has exceeded your per-minute rate limit.",
        500: "Internal server error.", 504: "Request timed out.", 529: "Overloaded",
    ]

    /// Written into a fault's body where the request's id belongs; replaced when served.
    package static let requestIDPlaceholder = "{{request_id}}"

    /// The `error.type` for `status`: the table's, else `api_error` (5xx) or `invalid_request_error`.
    package static func type(forStatus status: Int) -> String {
        types[status] ?? (status >= 500 ? "api_error" : "invalid_request_error")
    }

    /// The HTTP status that belongs to an `error.type` (529 when unknown), for analysis faults.
    package static func status(forType type: String) -> Int {
        types.filter { $0.value == type }.map(\.key).min() ?? 529
    }

    /// The envelope for `status` (`type` defaults to the status's); `detailsJSON`
    /// (a JSON object's text) becomes `error.details`.
    package static func body(
        status: Int, type: String? = nil, message: String? = nil, requestID: String, detailsJSON: String? = nil
    ) -> String {
        let message = message ?? messages[status] ?? "HTTP \(status)"
        let details = detailsJSON.map { #","details":"# + $0 } ?? ""
        return #"{"type":"error","error":{"type":"# + JSONString.quoted(type ?? Self.type(forStatus: status))
            + #","message":"# + JSONString.quoted(message) + details
            + #"},"request_id":"# + JSONString.quoted(requestID) + "}"
    }
}
