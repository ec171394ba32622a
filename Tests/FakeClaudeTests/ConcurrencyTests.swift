import FakeClaude
import Foundation
import TeachBack
import Testing

@Suite("many connections")
struct ConcurrencyTests {
    /// Runs `count` streaming requests at once, each on its own thread and connection.
    private func runStreams(_ count: Int, port: UInt16) -> (completed: Int, failures: [String]) {
        let results = Protected<(Int, [String])>((0, []))   // a lock ThreadSanitizer can see
        let group = DispatchGroup()
        for index in 0..<count {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                do {
                    let client = try RawHTTPClient(port: port, receiveTimeout: 30)
                    let (head, bytes, complete) = try client.exchange(body: messagesBody(stream: true, text: "client \(index)"))
                    let ok = head.status == 200 && complete && parseEvents(bytes).last?.name == "message_stop"
                    results.withLock { ok ? ($0.0 += 1) : $0.1.append("client \(index): incomplete") }
                } catch {
                    results.withLock { $0.1.append("client \(index): \(error)") }
                }
            }
            thread.stackSize = 256 * 1024
            thread.start()
        }
        _ = group.wait(timeout: .now() + 60)
        return results.withLock { ($0.0, $0.1) }
    }

    @Test func aHundredConcurrentStreamsAllComplete() async throws {
        let question = Scenario(firstTokenDelay: 0.05, tokenInterval: 0.02)
        try await withServer(FakeClaudeConfig(question: question)) { server, port in
            let (completed, failures) = runStreams(100, port: port)
            #expect(failures.isEmpty, "\(failures.prefix(5))")
            #expect(completed == 100)
            #expect(server.requests(of: .question).count == 100)
            #expect(server.clientCloses.isEmpty)
        }
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["FAKE_CLAUDE_1000"] != nil))
    func aThousandConcurrentStreamsAllComplete() async throws {
        let question = Scenario(firstTokenDelay: 0.2, tokenInterval: 0.05)
        try await withServer(FakeClaudeConfig(question: question)) { _, port in
            let (completed, failures) = runStreams(1000, port: port)
            #expect(failures.isEmpty, "\(failures.prefix(5))")
            #expect(completed == 1000)
        }
    }

    @Test func serverThreadsAreNamedAndStopEndsThem() async throws {
        let server = FakeClaudeServer(config: FakeClaudeConfig(question: Scenario(tokenInterval: 5)))
        let port = try server.start()
        let client = try RawHTTPClient(port: port)
        try client.sendRequest(body: messagesBody(stream: true))
        _ = try client.readHead()
        #expect(kernelThreadNames().contains("fake-claude-con"))
        #expect(kernelThreadNames().contains("fake-claude-acc"))
        #expect(server.openConnections == 1)

        let start = ContinuousClock.now
        server.stop()
        #expect(seconds(since: start) < 1)
        #expect(server.runningThreads == 0)
        #expect(server.clientCloses.isEmpty)
        #expect(server.port == nil)
        #expect(throws: (any Error).self) { try RawHTTPClient(port: port) }
    }
}
