/// One request as the server saw it, for assertions. The body is kept raw; the fields a
/// test usually checks are decoded once, so the record stays `Sendable` (no `[String: Any]`).
package struct RecordedRequest: Sendable {
    /// 1, 2, 3… in arrival order; the `request-id` header is `req_fake_<number>`.
    package let number: Int
    package let kind: RequestKind
    package let method: String
    /// The request target without its query string.
    package let path: String
    /// Header names lower-cased; repeated headers joined with ", ".
    package let headers: [String: String]
    package let body: [UInt8]
    /// When the request was completely read.
    package let arrival: ContinuousClock.Instant
    /// Which TCP connection carried it (1, 2, 3… in accept order), to check keep-alive reuse.
    package let connectionID: Int
    /// The fault this request consumed (queued or drawn by `failRate`), if any.
    package let fault: Fault?
    /// The decoded body (all nil/false/0 when the body is not a JSON object).
    package let summary: MessagesRequestSummary

    package var requestID: String { "req_fake_\(number)" }
    package var bodyText: String { String(decoding: body, as: UTF8.self) }
    package var model: String? { summary.model }
    package var system: String? { summary.system }
    package var stream: Bool { summary.stream }
    package var hasTemperature: Bool { summary.temperature != nil }
    package var temperature: Double? { summary.temperature }
    package var maxTokens: Int? { summary.maxTokens }
    package var firstUserText: String? { summary.firstUserText }
}

/// A connection the client closed before the server finished writing its response.
package struct ClientClose: Sendable {
    package let requestNumber: Int
    package let kind: RequestKind
    package let connectionID: Int
    /// When the server noticed (poll saw the hang-up / EOF, or a write failed).
    package let noticedAt: ContinuousClock.Instant
    /// Whether the response head had gone out.
    package let headersSent: Bool
    /// Text deltas already written (streams).
    package let tokensSent: Int
}
