import Foundation
import Testing
@testable import Claude
import FakeClaude
import TeachBack

/// Streams against a real server: text as it arrives, faults before and after the first token,
/// cancellation that closes the connection, and many streams through one thread.
@Suite(.serialized) struct StreamingTests {
    func stream(_ f: FakeServerFixture, _ seen: Seen) async -> Result<MessagesClient.StreamedReply, APIError> {
        do {
            return .success(try await f.client.stream(FakeServerFixture.question, onText: seen.append, onRetry: seen.notice))
        } catch let error as APIError {
            return .failure(error)
        } catch {
            return .failure(APIError(type: "unexpected", message: "\(error)"))
        }
    }

    @Test func aStreamDeliversItsTextAndUsage() async throws {
        try await FakeServerFixture.with() { f in
            let seen = Seen()
            let reply = try await stream(f, seen).get()
            #expect(reply.text == "Why does the base case matter?")
            #expect(seen.text == reply.text)
            #expect(reply.usage.outputTokens == 6)
            #expect(reply.usage.inputTokens > 0)
            #expect(reply.stopReason == "end_turn")
            let request = try #require(f.server.requests(of: .question).first)
            #expect(request.headers["x-api-key"] == FakeServerFixture.apiKey)
            #expect(request.headers["anthropic-version"] == "2023-06-01")
            #expect(request.stream == true)
            #expect(!request.hasTemperature, "temperature is sent only when set")
        }
    }

    @Test func failuresBeforeTheFirstTokenAreRetriedButNotAfter() async throws {
        try await FakeServerFixture.with() { f in
            f.server.enqueue(.errorEventMidStream(afterTokens: 0, type: "overloaded_error"), for: .question)
            let early = Seen()
            #expect((try? await stream(f, early).get())?.text == "Why does the base case matter?")
            #expect(f.server.requests(of: .question).count == 2)
            #expect(early.notices.count == 1)

            for fault in [Fault.errorEventMidStream(afterTokens: 2, type: "overloaded_error"), .cutBeforeStop(afterTokens: 2),
                          .endBeforeStop(afterTokens: 6)] {
                f.server.clearRecording()
                f.server.enqueue(fault, for: .question)
                let late = Seen()
                guard case .failure(let error) = await stream(f, late) else { Issue.record("\(fault) should fail"); continue }
                #expect(f.server.requests(of: .question).count == 1, "\(fault): no retry once text was shown")
                #expect(!late.text.isEmpty)
                #expect(["overloaded_error", "stream_error", "connection_error"].contains(error.type), "\(error)")
            }
        }
    }

    @Test func cancellingAStreamClosesTheConnectionWithinAHundredMilliseconds() async throws {
        try await FakeServerFixture.with(FakeClaudeConfig(question: Scenario(tokenInterval: 2, tokens: ["Why ", "is ", "it ", "so?"]))) { f in
            let seen = Seen()
            let task = Task { try await f.client.stream(FakeServerFixture.question, onText: seen.append) }
            let deadline = ContinuousClock.now + .seconds(5)
            while seen.text.isEmpty, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(2)) }
            let cancelledAt = ContinuousClock.now
            task.cancel()
            let close = try #require(await f.server.waitForClientClose(timeout: .seconds(3)))
            #expect(close.noticedAt - cancelledAt < .milliseconds(100), "the server saw the close after \(close.noticedAt - cancelledAt)")
            #expect(close.tokensSent < 4)
            await #expect(throws: CancellationError.self) { try await task.value }
        }
    }

    @Test func twoHundredConcurrentStreamsShareOneTransferThread() async throws {
        try await FakeServerFixture.with(FakeClaudeConfig(question: Scenario(latency: 0.2, tokenInterval: 0.01))) { f in
            let peak = PeakThreads()
            // Threads other tests of this process left behind (dispatch workers, database pools) are
            // not this test's: count what the streams add.
            let before = PeakThreads()
            before.sample()
            let sampler = Task { while !Task.isCancelled { peak.sample(); try? await Task.sleep(for: .milliseconds(10)) } }
            let texts = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<200 {
                    group.addTask { try await f.client.stream(FakeServerFixture.question, onText: { _ in }).text }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            sampler.cancel()
            #expect(texts.count == 200)
            #expect(texts.allSatisfy { $0 == "Why does the base case matter?" })
            #expect(f.server.requests(of: .question).count == 200)
            #expect(peak.value - before.value < 40, "client-side threads grew from \(before.value) to \(peak.value): no thread per request")
        }
    }
}

/// The most threads this process had at once, not counting fake-claude's own.
final class PeakThreads: @unchecked Sendable {
    private let lock = NSLock()
    private var peak = 0
    var value: Int { lock.withLock { peak } }

    func sample() {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
        let ours = tasks.filter { task in
            let name = (try? String(contentsOfFile: "/proc/self/task/\(task)/comm", encoding: .utf8)) ?? ""
            return !name.hasPrefix("fake-claude")
        }.count
        lock.withLock { peak = max(peak, ours) }
    }
}
