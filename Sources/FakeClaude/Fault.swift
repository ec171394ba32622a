/// One misbehaviour, consumed by exactly one request of the kind it was queued for, so
/// "fail twice, then succeed" is two `enqueue` calls.
///
/// "Tokens" are text deltas; for an analysis reply (one JSON body) the mid-body faults
/// act at half the body instead.
package enum Fault: Sendable, Equatable {
    /// An HTTP error. `body` nil means the reference's error JSON for the status; in a given
    /// body `{{request_id}}` is replaced by the request's id. `headers` are added as given.
    case status(Int, body: String?, headers: [String: String])
    /// A 200 stream that sends an `error` event of `type` after that many text deltas, then ends.
    /// (Analysis: answers the HTTP status that belongs to `type`.)
    case errorEventMidStream(afterTokens: Int, type: String)
    /// Closes the connection after that many deltas, before `message_stop` (past the last
    /// token: after `message_delta`). The chunked body is left unterminated.
    case cutBeforeStop(afterTokens: Int)
    /// Like `cutBeforeStop`, but the body ends cleanly (final chunk) without `message_stop`;
    /// the connection stays usable. (Analysis: same as `cutBeforeStop`.)
    case endBeforeStop(afterTokens: Int)
    /// Sends the headers, then nothing for `seconds`, then the normal reply.
    case stallAfterHeaders(seconds: Double)
    /// Stops for `seconds` after that many deltas, then carries on.
    case stallMidStream(afterTokens: Int, seconds: Double)
    /// A 200 whose analysis text is `text` (for a stream: `text` as the only token).
    case malformedAnalysis(text: String)
    /// The whole response (head and body) sent `bytesPerChunk` bytes at a time, `interval` apart.
    case slowDrip(bytesPerChunk: Int, interval: Double)
    /// Reads the request, then closes the connection without a byte of response.
    case closeAfterRequest
    /// A valid 200 whose body is at least `bytes` long (padded analysis text, or 16 KiB deltas).
    case hugeBody(bytes: Int)
    /// A 200 whose JSON (analysis body, or the first delta's data) holds the bytes FF FE.
    case nonUTF8Body

    /// The reference's error for `status`, with the retry headers a test wants to exercise.
    /// `retryAfter` is seconds (fractions allowed); pass an HTTP date through `headers`.
    package static func apiError(
        _ status: Int,
        message: String? = nil,
        retryAfter: Double? = nil,
        retryAfterMs: Int? = nil,
        shouldRetry: Bool? = nil,
        headers: [String: String] = [:]
    ) -> Fault {
        var all = headers
        if let retryAfter {
            all["retry-after"] = retryAfter == retryAfter.rounded() && abs(retryAfter) < 1e15
                ? String(Int(retryAfter)) : String(retryAfter)
        }
        if let retryAfterMs { all["retry-after-ms"] = String(retryAfterMs) }
        if let shouldRetry { all["x-should-retry"] = shouldRetry ? "true" : "false" }
        let body = message.map {
            AnthropicError.body(status: status, message: $0, requestID: AnthropicError.requestIDPlaceholder)
        }
        return .status(status, body: body, headers: all)
    }

    /// 529 overloaded_error.
    package static var overloaded: Fault { apiError(529) }
    /// 500 api_error.
    package static var serverError: Fault { apiError(500) }
    /// 429 rate_limit_error, optionally with `retry-after-ms`.
    package static func rateLimited(retryAfterMs: Int? = nil) -> Fault {
        apiError(429, retryAfterMs: retryAfterMs)
    }

    /// The spend-limit 429 (`error.details.error_code = "enforced_spend_limit_reached"`,
    /// no `retry-after`), which clients must not retry.
    package static func spendLimit(
        message: String = "You have reached your specified workspace API usage limits."
    ) -> Fault {
        let body = AnthropicError.body(
            status: 429, message: message, requestID: AnthropicError.requestIDPlaceholder,
            detailsJSON: #"{"error_code":"enforced_spend_limit_reached"}"#)
        return .status(429, body: body, headers: [:])
    }
}
