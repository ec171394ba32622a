import Foundation

/// A failed Messages API call: an HTTP error status, an `error` event inside a stream, or a
/// transport failure. It carries what the retry policy needs and what a user should see.
package struct APIError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The HTTP status; nil for transport failures and for `error` events inside a stream.
    package var status: Int?
    /// The body's `error.type`, or a transport kind: "connection_error", "timeout",
    /// "stream_error" (the stream broke or ended early), "invalid_response".
    package var type: String
    /// One line, already sanitised and bounded.
    package var message: String
    package var requestID: String?
    /// Seconds the server asked us to wait (`retry-after-ms` / `retry-after`), unfiltered.
    package var retryAfter: Double?
    /// The `x-should-retry` header, which overrides the status-based decision when present.
    package var shouldRetryHeader: Bool?
    /// A 429 caused by the organisation's spend limit: waiting does not help.
    package var isSpendLimit: Bool

    package init(
        status: Int? = nil, type: String, message: String, requestID: String? = nil,
        retryAfter: Double? = nil, shouldRetryHeader: Bool? = nil, isSpendLimit: Bool = false
    ) {
        self.status = status
        self.type = APIError.oneLine(type, limit: 64)
        self.message = APIError.oneLine(message, limit: APIError.messageLimit)
        self.requestID = requestID.map { APIError.oneLine($0, limit: 100) }
        self.retryAfter = retryAfter
        self.shouldRetryHeader = shouldRetryHeader
        self.isSpendLimit = isSpendLimit
    }

    /// For example "overloaded (529 overloaded_error): Overloaded · request req_123".
    /// Built only from the parsed body and the request id, so no header can leak into logs.
    package var description: String {
        var text = summary
        let code = [status.map(String.init), type.isEmpty ? nil : type].compactMap { $0 }
        if !code.isEmpty { text += " (\(code.joined(separator: " ")))" }
        if !message.isEmpty { text += ": \(message)" }
        if let requestID, !requestID.isEmpty { text += " · request \(requestID)" }
        return text
    }

    /// A few words a user understands without knowing the API's error names.
    private var summary: String {
        if isSpendLimit { return "spend limit reached" }
        switch type {
        case "invalid_request_error": return "invalid request"
        case "authentication_error": return "authentication failed"
        case "billing_error": return "billing problem"
        case "permission_error": return "permission denied"
        case "not_found_error": return "not found"
        case "conflict_error": return "conflict"
        case "request_too_large": return "request too large"
        case "rate_limit_error": return "rate limited"
        case "api_error": return "API error"
        case "timeout_error", "timeout": return "timed out"
        case "overloaded_error": return "overloaded"
        case "connection_error": return "connection failed"
        case "stream_error": return "stream failed"
        case "invalid_response": return "invalid response"
        case "http_error": return "HTTP error"
        case "": return "error"
        default:
            // An error type this code does not know yet: "quota_exceeded_error" → "quota exceeded".
            let stem = type.hasSuffix("_error") ? String(type.dropLast("_error".count)) : type
            return stem.replacingOccurrences(of: "_", with: " ")
        }
    }

    // MARK: Parsing

    /// The documented status ↔ `error.type` pairs (reference: Errors).
    static let documentedTypes: [Int: String] = [
        400: "invalid_request_error", 401: "authentication_error", 402: "billing_error",
        403: "permission_error", 404: "not_found_error", 409: "conflict_error",
        413: "request_too_large", 429: "rate_limit_error", 500: "api_error",
        504: "timeout_error", 529: "overloaded_error",
    ]

    /// Longest message kept from a JSON error body.
    static let messageLimit = 300
    /// Longest excerpt kept from a body that is not a JSON error.
    static let rawExcerptLimit = 200
    /// Bodies larger than this are not parsed as JSON; a real error body is tiny.
    static let jsonParseLimit = 1 << 20

    /// Builds the error for an HTTP response with a non-2xx status.
    /// `headers` must have lower-cased names; `now` anchors an HTTP-date `retry-after`.
    package static func from(
        status: Int, headers: [String: String], body: [UInt8], now: Date = Date()
    ) -> APIError {
        let envelope = body.count <= jsonParseLimit ? ErrorEnvelope.decode(body) : nil
        let statusType = documentedTypes[status] ?? (status >= 500 ? "api_error" : "http_error")
        let shouldRetry: Bool? = switch headers["x-should-retry"]?.trimmingCharacters(in: .whitespaces).lowercased() {
        case "true": true
        case "false": false
        default: nil
        }
        return APIError(
            status: status,
            type: envelope?.error.type ?? statusType,
            message: envelope.map { $0.error.message ?? "" } ?? rawExcerpt(body),
            requestID: headers["request-id"] ?? envelope?.requestID,
            retryAfter: RetryPolicy.retryAfter(headers: headers, now: now),
            shouldRetryHeader: shouldRetry,
            isSpendLimit: status == 429 && envelope?.error.details?.errorCode == "enforced_spend_limit_reached"
        )
    }

    /// Builds the error for an `error` event that arrived inside a stream (after HTTP 200).
    package static func fromStreamEvent(data: String, requestID: String?) -> APIError {
        let bytes = Array(data.utf8)
        let envelope = bytes.count <= jsonParseLimit ? ErrorEnvelope.decode(bytes) : nil
        return APIError(
            type: envelope?.error.type ?? "api_error",
            message: envelope.map { $0.error.message ?? "" } ?? rawExcerpt(bytes),
            requestID: requestID ?? envelope?.requestID
        )
    }

    /// The start of a body that is not a JSON error (an HTML page from a proxy, say).
    private static func rawExcerpt(_ body: [UInt8]) -> String {
        // Four bytes per character at most, so this prefix holds the whole excerpt.
        let prefix = body.prefix(rawExcerptLimit * 4)
        return oneLine(String(decoding: prefix, as: UTF8.self), limit: rawExcerptLimit)
    }

    /// Server text made safe for one terminal line: control and format characters (escape
    /// sequences, bidi overrides) dropped, white space runs made one space, at most `limit`
    /// scalars followed by "…" when cut.
    static func oneLine(_ text: String, limit: Int) -> String {
        var result = ""
        var pendingSpace = false
        var count = 0
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format {
                continue
            }
            let needed = pendingSpace ? 2 : 1
            if count + needed > limit {
                result += "…"
                break
            }
            if pendingSpace {
                result += " "
                pendingSpace = false
            }
            result.unicodeScalars.append(scalar)
            count += needed
        }
        return result
    }
}

/// `{"type":"error","error":{"type":…,"message":…,"details":{"error_code":…}},"request_id":…}`
private struct ErrorEnvelope: Decodable {
    struct Body: Decodable {
        var type: String?
        var message: String?
        var details: Details?
    }

    struct Details: Decodable {
        var errorCode: String?
        enum CodingKeys: String, CodingKey { case errorCode = "error_code" }
    }

    var error: Body
    var requestID: String?

    enum CodingKeys: String, CodingKey {
        case error
        case requestID = "request_id"
    }

    static func decode(_ bytes: [UInt8]) -> ErrorEnvelope? {
        try? JSONDecoder().decode(ErrorEnvelope.self, from: Data(bytes))
    }
}
