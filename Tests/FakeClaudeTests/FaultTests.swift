import FakeClaude
import Foundation
import Testing

@Suite("faults")
struct FaultTests {
    @Test func aQueued529ThenSuccessOnOneConnection() async throws {
        try await withServer { server, port in
            server.enqueue(.apiError(529, retryAfterMs: 20), for: .analysis)
            let client = try RawHTTPClient(port: port)

            let failed = try client.exchange(body: messagesBody(stream: false))
            #expect(failed.head.status == 529)
            #expect(failed.head.headers["retry-after-ms"] == "20")
            #expect(failed.head.headers["request-id"] == "req_fake_1")
            let envelope = try #require(jsonObject(failed.body))
            #expect(envelope["type"] as? String == "error")
            #expect((envelope["error"] as? [String: Any])?["type"] as? String == "overloaded_error")
            #expect(envelope["request_id"] as? String == "req_fake_1")

            let succeeded = try client.exchange(body: messagesBody(stream: false))
            #expect(succeeded.head.status == 200)
            #expect(server.acceptedConnections == 1)
            #expect(server.pendingFaults(for: .analysis).isEmpty)
            #expect(server.requests.map(\.fault) == [.apiError(529, retryAfterMs: 20), nil])
        }
    }

    @Test(arguments: [400, 401, 402, 403, 404, 409, 413, 429, 500, 504, 529])
    func everyReferenceStatusHasItsErrorType(status: Int) async throws {
        try await withServer { server, port in
            server.enqueue(.apiError(status, retryAfter: 1.5, shouldRetry: false), for: .question)
            let (head, bytes, _) = try RawHTTPClient(port: port).exchange(body: messagesBody(stream: true))
            #expect(head.status == status)
            #expect(head.headers["retry-after"] == "1.5")
            #expect(head.headers["x-should-retry"] == "false")
            let error = jsonObject(bytes)?["error"] as? [String: Any]
            #expect(error?["type"] as? String == AnthropicError.types[status])
            #expect((error?["message"] as? String)?.isEmpty == false)
        }
    }

    @Test func spendLimit429CarriesItsErrorCode() async throws {
        try await withServer { server, port in
            server.enqueue(.spendLimit(), for: .analysis)
            let (head, bytes, _) = try RawHTTPClient(port: port).exchange(body: messagesBody(stream: false))
            #expect(head.status == 429)
            #expect(head.headers["retry-after"] == nil)
            let envelope = try #require(jsonObject(bytes))
            let error = envelope["error"] as? [String: Any]
            #expect(error?["type"] as? String == "rate_limit_error")
            #expect((error?["details"] as? [String: Any])?["error_code"] as? String == "enforced_spend_limit_reached")
            #expect(envelope["request_id"] as? String == head.headers["request-id"])
        }
    }

    @Test func closeAfterRequestAnswersNothing() async throws {
        try await withServer { server, port in
            server.enqueue(.closeAfterRequest, for: .analysis)
            let client = try RawHTTPClient(port: port)
            try client.sendRequest(body: messagesBody(stream: false))
            #expect(throws: RawHTTPClient.Failure.self) { try client.readHead() }
            #expect(server.requests.count == 1)
            #expect(server.clientCloses.isEmpty)
        }
    }

    @Test func slowDripSendsTheWholeResponseInPieces() async throws {
        try await withServer { server, port in
            server.enqueue(.slowDrip(bytesPerChunk: 64, interval: 0.01), for: .question)
            let start = ContinuousClock.now
            let (head, bytes, complete) = try RawHTTPClient(port: port).exchange(body: messagesBody(stream: true))
            #expect(head.status == 200 && complete)
            #expect(parseEvents(bytes).last?.name == "message_stop")
            #expect(seconds(since: start) > 0.1)
        }
    }

    @Test func stallsDelayTheReply() async throws {
        try await withServer { server, port in
            server.enqueue(.stallAfterHeaders(seconds: 0.3), for: .question)
            server.enqueue(.stallMidStream(afterTokens: 2, seconds: 0.3), for: .question)
            let client = try RawHTTPClient(port: port)
            for _ in 0..<2 {
                let start = ContinuousClock.now
                try client.sendRequest(body: messagesBody(stream: true))
                _ = try client.readHead()
                var events: [TestEvent] = []
                while let chunk = try client.readChunk(), !chunk.isEmpty { events += parseEvents(chunk) }
                #expect(events.last?.name == "message_stop")
                #expect(seconds(since: start) >= 0.3)
            }
        }
    }

    @Test func failRateInjectsRetryableFailures() async throws {
        try await withServer(FakeClaudeConfig(failRate: 1, seed: 7)) { server, port in
            let client = try RawHTTPClient(port: port)
            for _ in 0..<5 {
                let (head, _, _) = try client.exchange(body: messagesBody(stream: false))
                #expect([429, 500, 529].contains(head.status))
            }
            #expect(server.requests.allSatisfy { $0.fault != nil })
        }
    }
}
