/// One request as the server saw it, for assertions. The body is kept raw; the fields a
/// test usually checks are decoded once, so the record stays `Sendable` (no `[String: Any]`).
public struct RecordedRequest: Sendable {
    /// 1, 2, 3… in arrival order; the `request-id` header is `req_fake_<number>`.
    public let number: Int
    public let kind: RequestKind
    public let method: String
    /// The request target without its query string.
    public let path: String
    /// Header names lower-cased; repeated headers joined with ", ".
    public let headers: [String: String]
    public let body: [UInt8]
    /// When the request was completely read.
    public let arrival: ContinuousClock.Instant
    /// Which TCP connection carried it (1, 2, 3… in accept order), to check keep-alive reuse.
    public let connectionID: Int
    /// The fault this request consumed (queued or drawn by `failRate`), if any.
    public let fault: Fault?
    /// The decoded body (all nil/false/0 when the body is not a JSON object).
    public let summary: MessagesRequestSummary

    public var requestID: String { "req_fake_\(number)" }
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
    public var model: String? { summary.model }
    public var system: String? { summary.system }
    public var stream: Bool { summary.stream }
    public var hasTemperature: Bool { summary.temperature != nil }
    public var temperature: Double? { summary.temperature }
    public var maxTokens: Int? { summary.maxTokens }
    public var firstUserText: String? { summary.firstUserText }
}

/// A connection the client closed before the server finished writing its response.
public struct ClientClose: Sendable {
    public let requestNumber: Int
    public let kind: RequestKind
    public let connectionID: Int
    /// When the server noticed (poll saw the hang-up / EOF, or a write failed).
    public let noticedAt: ContinuousClock.Instant
    /// Whether the response head had gone out.
    public let headersSent: Bool
    /// Text deltas already written (streams).
    public let tokensSent: Int
}
