import Foundation
import Logging
import MCP
import TeachBack

/// MCP over stdin/stdout, one JSON-RPC message per line. The SDK's stdio transport polls a
/// non-blocking stdin, sleeping 10 ms whenever it is empty, which puts 10 ms under every tool
/// call; this one blocks a thread of its own in `read`, so a request is taken the moment it comes.
package actor LineTransport: Transport {
    package nonisolated let logger = Logger(label: "teachback.mcp.stdio", factory: { _ in SwiftLogNoOpLogHandler() })
    private let input: Int32
    private let output: Int32
    private let stream: AsyncThrowingStream<Data, any Error>
    private let continuation: AsyncThrowingStream<Data, any Error>.Continuation
    private var started = false
    /// Ids of requests read and not yet answered: at end of input, `drain` waits for them, so a
    /// client that sends its last request and closes stdin still gets every answer.
    private let unanswered = Protected(Set<String>())

    package init(input: Int32 = 0, output: Int32 = 1) {
        self.input = input
        self.output = output
        (stream, continuation) = AsyncThrowingStream.makeStream()
    }

    package func connect() async throws {
        guard !started else { return }
        started = true
        let (fd, continuation, unanswered) = (input, continuation, unanswered)
        let reader = Thread {
            var pending: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 64 << 10)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                pending += buffer[..<count]
                while let newline = pending.firstIndex(of: 10) {
                    let line = pending[..<newline]
                    if !line.isEmpty {
                        if let id = Self.requestID(Data(line), isRequest: true) { unanswered.withLock { _ = $0.insert(id) } }
                        continuation.yield(Data(line))
                    }
                    pending.removeSubrange(...newline)
                }
            }
            continuation.finish()
        }
        reader.name = "teachback-mcp-stdin"
        reader.start()
    }

    package func disconnect() async { continuation.finish() }

    package func send(_ data: Data) async throws {
        let failure = (data + [10]).withUnsafeBytes { writeAll(output, $0) }
        if let id = Self.requestID(data, isRequest: false) { unanswered.withLock { _ = $0.remove(id) } }
        if failure != 0 { throw POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO) }
    }

    /// Waits (up to `limit`) until every request read has been answered.
    package func drain(limit: Duration = .seconds(60)) async {
        let deadline = ContinuousClock.now + limit
        while !unanswered.withLock({ $0.isEmpty }), ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(5))
        }
    }

    /// A request's id (a message with `method` and `id`), or a response's (`id` without `method`).
    private static func requestID(_ data: Data, isRequest: Bool) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let id = object["id"],
              (object["method"] != nil) == isRequest else { return nil }
        return "\(id)"
    }

    package nonisolated func receive() -> AsyncThrowingStream<Data, any Error> { stream }
}
