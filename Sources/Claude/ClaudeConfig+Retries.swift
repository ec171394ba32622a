extension ClaudeConfig {
    /// Runs `attempt` until it succeeds, the retry policy says stop, or the task is cancelled
    /// (which also ends a retry wait at once). Every error leaves with the API key scrubbed.
    /// Shared by the Messages and the Message Batches clients.
    func withRetries<T>(onRetry: @Sendable (RetryNotice) -> Void, shouldRetry: (APIError) -> Bool,
                        _ attempt: () async throws -> T) async throws -> T {
        var retries = 0
        while true {
            do {
                return try await attempt()
            } catch let error as APIError {
                let error = error.redacting(apiKey)
                guard retries < retry.maxRetries, shouldRetry(error), !Task.isCancelled else { throw error }
                let delay = retry.delay(forRetry: retries, error: error, random: Double.random(in: 0..<1))
                retries += 1
                onRetry(RetryNotice(retry: retries, of: retry.maxRetries, delay: delay, reason: error.description))
                try await Task.sleep(for: .seconds(delay))
            }
        }
    }

    /// The headers every API call carries (the key only ever goes here).
    var apiHeaders: [(String, String)] {
        [("x-api-key", apiKey), ("anthropic-version", ClaudeConfig.apiVersion)]
    }
}

extension CurlEngine {
    /// A whole response: its head and its body, refusing a body over `limit` bytes.
    func response(_ request: HTTPRequest, limit: Int) async throws -> (HTTPResponseHead, [UInt8]) {
        var iterator = start(request).makeAsyncIterator()
        do {
            guard case .head(let head)? = try await iterator.next() else {
                throw APIError(type: "invalid_response", message: "no response")
            }
            return (head, try await Self.readBody(&iterator, limit: limit))
        } catch let error as TransportError {
            throw APIError(transport: error, requestID: nil)
        }
    }

    /// The rest of a response's body, at most `limit` bytes.
    static func readBody(_ iterator: inout AsyncThrowingStream<HTTPEvent, any Error>.Iterator, limit: Int) async throws -> [UInt8] {
        var body: [UInt8] = []
        while let event = try await iterator.next() {
            guard case .body(let bytes) = event else { continue }
            body += bytes
            if body.count > limit {
                throw APIError(type: "invalid_response", message: "the reply was larger than \(limit >> 20) MiB")
            }
        }
        try Task.checkCancellation()
        return body
    }
}
