import Foundation

/// The Messages API over the curl engine: one request, or one stream, with the official SDKs'
/// retry policy. Errors are `APIError` (with the API key scrubbed from every message) or
/// `CancellationError` when the caller's task was cancelled.
package final class MessagesClient: Sendable {
    package let config: ClaudeConfig
    private let engine: CurlEngine
    /// Largest non-streaming body read; an analysis is a few hundred bytes.
    static let maxBodyBytes = 4 << 20

    package init(config: ClaudeConfig, engine: CurlEngine = .shared) {
        self.config = config
        self.engine = engine
    }

    /// A complete streamed reply.
    package struct StreamedReply: Sendable {
        package var text: String
        package var usage: Usage
        package var stopReason: String?
    }

    package func send(_ request: MessageRequest, onRetry: @escaping @Sendable (RetryNotice) -> Void = { _ in }) async throws -> MessageResponse {
        try await config.withRetries(onRetry: onRetry, shouldRetry: config.retry.shouldRetry) { try await self.sendOnce(request) }
    }

    /// Streams a reply, calling `onText` with each fragment. A stream that fails before its first
    /// fragment is retried; once text was shown, the failure is final (the caller falls back).
    package func stream(_ request: MessageRequest, onText: @escaping @Sendable (String) -> Void,
                        onRetry: @escaping @Sendable (RetryNotice) -> Void = { _ in }) async throws -> StreamedReply {
        var streaming = request
        streaming.stream = true
        let shown = TextShown()
        return try await config.withRetries(onRetry: onRetry, shouldRetry: { [retry = config.retry] in retry.shouldRetryStream($0, textShown: shown.value) }) {
            try await self.streamOnce(streaming) { text in
                shown.value = true
                onText(text)
            }
        }
    }

    // MARK: Attempts

    private func sendOnce(_ request: MessageRequest) async throws -> MessageResponse {
        let (head, body) = try await engine.response(try httpRequest(request, streaming: false), limit: Self.maxBodyBytes)
        let requestID = head.headers["request-id"]
        guard (200..<300).contains(head.status) else { throw APIError.from(status: head.status, headers: head.headers, body: body) }
        do {
            return try JSONDecoder().decode(MessageResponse.self, from: Data(body))
        } catch {
            throw APIError(status: head.status, type: "invalid_response", message: "the reply was not a Messages API response",
                           requestID: requestID)
        }
    }

    private func streamOnce(_ request: MessageRequest, onText: @escaping @Sendable (String) -> Void) async throws -> StreamedReply {
        let events = engine.start(try httpRequest(request, streaming: true))
        var reply = StreamedReply(text: "", usage: Usage(), stopReason: nil)
        var decoder = SSEDecoder()
        var requestID: String?
        var stopped = false
        var iterator = events.makeAsyncIterator()
        do {
            while let event = try await iterator.next() {
                switch event {
                case .head(let head):
                    requestID = head.headers["request-id"]
                    guard head.status == 200 else {
                        let rest = try await CurlEngine.readBody(&iterator, limit: Self.maxBodyBytes)
                        throw APIError.from(status: head.status, headers: head.headers, body: rest)
                    }
                case .body(let bytes):
                    for sse in decoder.feed(bytes) {
                        switch try StreamEvent(sse, requestID: requestID) {
                        case .messageStart(let input): reply.usage.inputTokens = input
                        case .textDelta(let text):
                            reply.text += text
                            onText(text)
                        case .messageDelta(let stop, let output):
                            reply.stopReason = stop ?? reply.stopReason
                            if let output { reply.usage.outputTokens = output }
                        case .messageStop: stopped = true
                        case .error(let error): throw error
                        case .ping, .other: break
                        }
                    }
                }
            }
        } catch let error as TransportError {
            throw APIError(transport: error, requestID: requestID)
        }
        try Task.checkCancellation()
        guard stopped else {
            throw APIError(type: "stream_error", message: "the stream ended before message_stop", requestID: requestID)
        }
        return reply
    }

    // MARK: -

    /// The exact bytes a request is sent as (`:prompt` shows them); `stream` is set by `stream(_:)`.
    /// Keys are sorted: the same request is the same bytes every time.
    package func body(_ request: MessageRequest) throws -> [UInt8] {
        var body = request
        if body.model.isEmpty { body.model = config.model }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return Array(try encoder.encode(body))
    }

    private func httpRequest(_ request: MessageRequest, streaming: Bool) throws -> HTTPRequest {
        let json = try body(request)
        var headers = config.apiHeaders + [("content-type", "application/json")]
        if streaming { headers.append(("accept", "text/event-stream")) }
        return HTTPRequest(url: config.messagesURL, headers: headers, body: json, timeouts: config.timeouts)
    }
}

/// Whether a stream has shown text yet; written by the stream's consumer only.
private final class TextShown: @unchecked Sendable {
    var value = false
}

extension APIError {
    init(transport: TransportError, requestID: String?) {
        self.init(type: transport.isTimeout ? "timeout" : "connection_error", message: transport.message, requestID: requestID)
    }

    /// The same error with every occurrence of the key replaced: a hostile or broken server
    /// echoing the request must not put the key on screen or in a saved turn.
    func redacting(_ key: String) -> APIError {
        guard !key.isEmpty, message.contains(key) else { return self }
        var copy = self
        copy.message = message.replacingOccurrences(of: key, with: "[api key]")
        return copy
    }
}
