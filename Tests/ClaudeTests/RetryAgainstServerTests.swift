import Foundation
import Testing
@testable import Claude
import FakeClaude
import TeachBack

/// The retry policy against a real server: attempts, delays, and what is never retried.
@Suite(.serialized) struct RetryAgainstServerTests {
    func send(_ fixture: FakeServerFixture, _ seen: Seen = Seen()) async -> Result<MessageResponse, APIError> {
        do {
            return .success(try await fixture.client.send(FakeServerFixture.question, onRetry: seen.notice))
        } catch let error as APIError {
            return .failure(error)
        } catch {
            return .failure(APIError(type: "unexpected", message: "\(error)"))
        }
    }

    @Test func overloadedTwiceThenSuccessTakesThreeAttemptsWithNotices() async throws {
        try await FakeServerFixture.with() { f in
            f.server.enqueue(.overloaded, .apiError(529, retryAfterMs: 30), for: .analysis)
            let seen = Seen()
            let result = await send(f, seen)
            #expect((try? result.get()) != nil)
            #expect(f.server.requests(of: .analysis).count == 3)
            #expect(seen.notices.map(\.retry) == [1, 2])
            #expect(seen.notices.allSatisfy { $0.of == 2 && $0.reason.contains("529") })
        }
    }

    @Test(arguments: [400, 401, 403, 404, 413])
    func clientErrorsAreNeverRetried(status: Int) async throws {
        try await FakeServerFixture.with() { f in
            f.server.enqueue(.apiError(status), for: .analysis)
            guard case .failure(let error) = await send(f) else { Issue.record("expected a failure"); return }
            #expect(error.status == status)
            #expect(f.server.requests(of: .analysis).count == 1)
        }
    }

    @Test(arguments: [408, 409, 429, 500, 502, 503, 504, 529])
    func retryableStatusesAreRetriedUpToTheLimit(status: Int) async throws {
        try await FakeServerFixture.with() { f in
            f.server.enqueue(Array(repeating: Fault.apiError(status, retryAfterMs: 10), count: 3), for: .analysis)
            guard case .failure(let error) = await send(f) else { Issue.record("expected a failure"); return }
            #expect(error.status == status)
            #expect(f.server.requests(of: .analysis).count == 3, "one attempt and two retries")
            #expect(error.requestID?.hasPrefix("req_fake_") == true)
        }
    }

    @Test func retryAfterMsAndRetryAfterSecondsAreHonoured() async throws {
        try await FakeServerFixture.with() { f in
            f.server.enqueue(.apiError(429, retryAfterMs: 250), .apiError(503, retryAfter: 0.3), for: .analysis)
            let seen = Seen()
            _ = await send(f, seen)
            let arrivals = f.server.requests(of: .analysis).map(\.arrival)
            #expect(arrivals.count == 3)
            #expect(arrivals[1] - arrivals[0] >= .milliseconds(250))
            #expect(arrivals[2] - arrivals[1] >= .milliseconds(300))
            #expect(seen.notices.map(\.delay) == [0.25, 0.3])
        }
    }

    @Test func theSpendLimitAndXShouldRetryDecide() async throws {
        try await FakeServerFixture.with() { f in
            f.server.enqueue(.spendLimit(), for: .analysis)
            guard case .failure(let spend) = await send(f) else { Issue.record("expected a failure"); return }
            #expect(spend.isSpendLimit)
            #expect(f.server.requests(of: .analysis).count == 1)

            f.server.clearRecording()
            f.server.enqueue(.apiError(500, shouldRetry: false), for: .analysis)
            _ = await send(f)
            #expect(f.server.requests(of: .analysis).count == 1, "x-should-retry: false wins over 500")

            f.server.clearRecording()
            f.server.enqueue(.apiError(400, retryAfterMs: 10, shouldRetry: true), for: .analysis)
            #expect((try? await send(f).get()) != nil, "x-should-retry: true retries even a 400")
            #expect(f.server.requests(of: .analysis).count == 2)
        }
    }

    @Test func transportFailuresAreRetriedAndNamed() async throws {
        try await FakeServerFixture.with(timeouts: Timeouts(connect: 2, stall: 1, total: 20), maxRetries: 1) { f in
            f.server.enqueue(.closeAfterRequest, for: .analysis)
            #expect((try? await send(f).get()) != nil, "a closed connection is retried")
            #expect(f.server.requests(of: .analysis).count == 2)

            f.server.clearRecording()
            f.server.enqueue(.stallAfterHeaders(seconds: 4), .stallAfterHeaders(seconds: 4), for: .analysis)
            guard case .failure(let stall) = await send(f) else { Issue.record("expected a failure"); return }
            #expect(stall.type == "timeout")
            #expect(f.server.requests(of: .analysis).count == 2)

            let refused = MessagesClient(config: ClaudeConfig(apiKey: "k", baseURL: "http://127.0.0.1:9", retry: RetryPolicy(maxRetries: 0)))
            await #expect(throws: APIError.self) { try await refused.send(FakeServerFixture.question) }
            // A base URL that cannot name a host; a real DNS lookup would leave this machine.
            let badHost = MessagesClient(config: ClaudeConfig(apiKey: "k", baseURL: "http://bad host name", retry: RetryPolicy(maxRetries: 0)))
            do {
                _ = try await badHost.send(FakeServerFixture.question)
                Issue.record("a base URL without a host must fail")
            } catch let error as APIError {
                #expect(error.type == "connection_error")
                #expect(error.status == nil)
            }
        }
    }

    @Test func garbageBodiesFailCleanly() async throws {
        try await FakeServerFixture.with() { f in
            f.server.enqueue(.hugeBody(bytes: 10 << 20), for: .analysis)
            guard case .failure(let huge) = await send(f) else { Issue.record("expected a failure"); return }
            #expect(huge.type == "invalid_response")
            #expect(f.server.requests(of: .analysis).count == 1)

            f.server.enqueue(.malformedAnalysis(text: "I'd rather not say."), for: .analysis)
            await #expect(throws: APIError.self) {
                _ = try await f.backend.analyze(topic: "t", explanation: "e", history: [], progress: BackendProgress())
            }
            f.server.enqueue(.nonUTF8Body, for: .analysis)
            await #expect(throws: APIError.self) {
                _ = try await f.backend.analyze(topic: "t", explanation: "e", history: [], progress: BackendProgress())
            }
        }
    }
}
