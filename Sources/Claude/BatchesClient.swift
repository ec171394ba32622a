import Foundation
import TeachBack

/// The Message Batches API over the curl engine, every call under the Messages client's retry
/// policy: create (the body uploaded from a file), retrieve, list, cancel, and the results JSONL
/// read line by line from `results_url` with the API headers.
package final class BatchesClient: Sendable {
    package let config: ClaudeConfig
    private let engine: CurlEngine
    /// Uploads of up to 256 MB and long result downloads need more than an interactive call's
    /// total time; a stalled transfer is still noticed after `config.timeouts.stall`.
    private var timeouts: Timeouts { Timeouts(connect: config.timeouts.connect, stall: config.timeouts.stall, total: 3600) }
    /// A batch object or a page of them is small.
    private static let maxObjectBytes = 4 << 20

    package init(config: ClaudeConfig, engine: CurlEngine = .shared) {
        self.config = config
        self.engine = engine
    }

    package var batchesURL: String { config.messagesURL + "/batches" }

    /// Creates a batch from a file holding `{"requests": [...]}`. Only failures the API answered
    /// (429, 5xx) are retried here: a create whose answer never came may have made the batch,
    /// so the caller looks for it (`list`) before sending it again.
    package func create(bodyFile: String, onRetry: @escaping @Sendable (RetryNotice) -> Void = { _ in }) async throws -> MessageBatch {
        try await call(HTTPRequest(url: batchesURL, headers: config.apiHeaders + [("content-type", "application/json")],
                                   bodyFile: bodyFile, timeouts: timeouts),
                       onRetry: onRetry, shouldRetry: { [retry = config.retry] in $0.status != nil && retry.shouldRetry($0) })
    }

    package func retrieve(_ id: String, onRetry: @escaping @Sendable (RetryNotice) -> Void = { _ in }) async throws -> MessageBatch {
        try await call(HTTPRequest(url: batchesURL + "/" + id, method: "GET", headers: config.apiHeaders, timeouts: timeouts),
                       onRetry: onRetry)
    }

    package func cancel(_ id: String, onRetry: @escaping @Sendable (RetryNotice) -> Void = { _ in }) async throws -> MessageBatch {
        try await call(HTTPRequest(url: batchesURL + "/" + id + "/cancel", headers: config.apiHeaders, timeouts: timeouts),
                       onRetry: onRetry)
    }

    /// One page, newest first; pass the previous page's `lastID` as `afterID` for the next.
    package func list(limit: Int = 100, afterID: String? = nil,
                      onRetry: @escaping @Sendable (RetryNotice) -> Void = { _ in }) async throws -> MessageBatchPage {
        let query = "?limit=\(limit)" + (afterID.map { "&after_id=" + $0 } ?? "")
        return try await call(HTTPRequest(url: batchesURL + query, method: "GET", headers: config.apiHeaders, timeouts: timeouts),
                              onRetry: onRetry)
    }

    /// An ended batch's results, calling `onLine` with each non-blank line. The body is first
    /// saved to a private temporary file, so the download never waits on (nor piles up in
    /// memory behind) what `onLine` does; a download that fails part way starts again.
    package func results(_ batch: MessageBatch, onRetry: @escaping @Sendable (RetryNotice) -> Void = { _ in },
                         onLine: ([UInt8]) throws -> Void) async throws {
        guard let url = batch.resultsURL else {
            throw APIError(type: "invalid_request", message: "batch \(batch.id) has no results yet")
        }
        let path = NSTemporaryDirectory() + "teachback-results-\(UUID().uuidString).jsonl"
        defer { unlink(path) }
        let request = HTTPRequest(url: url, method: "GET", headers: config.apiHeaders, timeouts: timeouts)
        try await config.withRetries(onRetry: onRetry, shouldRetry: config.retry.shouldRetry) {
            try await download(request, to: path)
        }
        guard let file = fopen(path, "r") else { throw APIError(type: "io_error", message: "cannot read \(path)") }
        defer { fclose(file) }
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(line) }
        while true {
            let length = getline(&line, &capacity, file)
            guard length >= 0, let line else { break }
            let bytes = UnsafeRawBufferPointer(start: line, count: length)
            let trimmed = bytes.last == 0x0A ? Array(bytes.dropLast()) : Array(bytes)
            if !trimmed.isEmpty { try onLine(trimmed) }
        }
    }

    /// One attempt at the results body into `path` (mode 0600, replaced on each attempt).
    private func download(_ request: HTTPRequest, to path: String) async throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw APIError(type: "io_error", message: "cannot write \(path)") }
        defer { close(fd) }
        var iterator = engine.start(request).makeAsyncIterator()
        do {
            guard case .head(let head)? = try await iterator.next() else {
                throw APIError(type: "invalid_response", message: "no response")
            }
            guard (200..<300).contains(head.status) else {
                let body = try await CurlEngine.readBody(&iterator, limit: Self.maxObjectBytes)
                throw APIError.from(status: head.status, headers: head.headers, body: body)
            }
            while let event = try await iterator.next() {
                guard case .body(let bytes) = event else { continue }
                guard bytes.withUnsafeBytes({ writeAll(fd, $0) }) == 0 else {
                    throw APIError(type: "io_error", message: "cannot write \(path): \(String(cString: strerror(errno)))")
                }
            }
        } catch let error as TransportError {
            throw APIError(transport: error, requestID: nil)
        }
        try Task.checkCancellation()
    }

    /// One JSON call with retries.
    private func call<T: Decodable>(_ request: HTTPRequest, onRetry: @Sendable (RetryNotice) -> Void,
                                    shouldRetry: ((APIError) -> Bool)? = nil) async throws -> T {
        try await config.withRetries(onRetry: onRetry, shouldRetry: shouldRetry ?? config.retry.shouldRetry) {
            let (head, body) = try await engine.response(request, limit: Self.maxObjectBytes)
            guard (200..<300).contains(head.status) else { throw APIError.from(status: head.status, headers: head.headers, body: body) }
            do {
                return try JSONDecoder().decode(T.self, from: Data(body))
            } catch {
                throw APIError(status: head.status, type: "invalid_response", message: "the reply was not a Message Batches response",
                               requestID: head.headers["request-id"])
            }
        }
    }
}
