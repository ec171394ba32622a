import FakeClaude
import Foundation
import Testing

@Suite("question streams")
struct StreamTests {
    @Test func streamHasTheReferenceEventsInOrder() async throws {
        try await withServer { server, port in
            let client = try RawHTTPClient(port: port)
            let body = messagesBody(stream: true)
            let (head, bytes, complete) = try client.exchange(body: body)
            #expect(head.status == 200)
            #expect(complete)
            #expect(head.headers["content-type"]?.hasPrefix("text/event-stream") == true)
            #expect(head.headers["transfer-encoding"] == "chunked")
            #expect(head.headers["request-id"] == "req_fake_1")

            let events = parseEvents(bytes)
            let tokens = Scenario.defaultTokens
            #expect(events.map(\.name) == ["message_start", "content_block_start"]
                + Array(repeating: "content_block_delta", count: tokens.count)
                + ["content_block_stop", "message_delta", "message_stop"])
            for event in events {
                let object = try #require(jsonObject(event.data), "\(event.name) data is JSON")
                #expect(object["type"] as? String == event.name)
            }
            let text = events.filter { $0.name == "content_block_delta" }.compactMap {
                ((jsonObject($0.data)?["delta"] as? [String: Any])?["text"]) as? String
            }.joined()
            #expect(text == tokens.joined())

            let start = try #require(jsonObject(events[0].data)?["message"] as? [String: Any])
            #expect((start["usage"] as? [String: Any])?["input_tokens"] as? Int == body.utf8.count / 4)
            #expect(start["model"] as? String == "claude-test")
            let delta = try #require(jsonObject(events[events.count - 2].data))
            #expect((delta["delta"] as? [String: Any])?["stop_reason"] as? String == "end_turn")
            #expect((delta["usage"] as? [String: Any])?["output_tokens"] as? Int == tokens.count)
            #expect(events[2].data == #"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Why "}}"#)
            #expect(server.requests.first?.kind == .question)
        }
    }

    @Test func latencyFirstTokenDelayAndIntervalAreHonoured() async throws {
        let question = Scenario(latency: 0.2, firstTokenDelay: 0.1, tokenInterval: 0.05)
        try await withServer(FakeClaudeConfig(question: question)) { _, port in
            let client = try RawHTTPClient(port: port)
            let start = ContinuousClock.now
            try client.sendRequest(body: messagesBody(stream: true))
            _ = try client.readHead()
            let headAfter = seconds(since: start)
            var firstDeltaAfter: Double?
            while let chunk = try client.readChunk(), !chunk.isEmpty {
                if firstDeltaAfter == nil, parseEvents(chunk).first?.name == "content_block_delta" {
                    firstDeltaAfter = seconds(since: start)
                }
            }
            let total = seconds(since: start)
            #expect(headAfter >= 0.2 && headAfter < 1.5)
            #expect((firstDeltaAfter ?? 0) >= 0.3 && (firstDeltaAfter ?? 9) < 1.6)
            #expect(total >= 0.55 && total < 2.5)
        }
    }

    @Test func aClientClosingMidStreamIsNoticedWithin100ms() async throws {
        // Long pauses, so the stream is still running however late this test gets scheduled.
        let question = Scenario(tokenInterval: 3)
        try await withServer(FakeClaudeConfig(question: question)) { server, port in
            let client = try RawHTTPClient(port: port)
            try client.sendRequest(body: messagesBody(stream: true))
            _ = try client.readHead()
            while let chunk = try client.readChunk(), parseEvents(chunk).first?.name != "content_block_delta" {}
            client.close()
            let closedAt = ContinuousClock.now
            let close = try #require(await server.waitForClientClose(timeout: .seconds(2)))
            #expect(secondsBetween(closedAt, close.noticedAt) < 0.1)
            #expect(close.headersSent)
            #expect(close.tokensSent == 1)
            #expect(close.kind == .question)
            #expect(close.requestNumber == 1)
        }
    }

    @Test func aClientClosingDuringLatencyIsNoticed() async throws {
        try await withServer(FakeClaudeConfig(analysis: Scenario(latency: 10))) { server, port in
            let client = try RawHTTPClient(port: port)
            try client.sendRequest(body: messagesBody(stream: false))
            _ = await server.waitForRequests(count: 1)
            client.close()
            let closedAt = ContinuousClock.now
            let close = try #require(await server.waitForClientClose(timeout: .seconds(2)))
            #expect(secondsBetween(closedAt, close.noticedAt) < 0.1)
            #expect(!close.headersSent)
        }
    }

    @Test func cutBeforeStopLeavesOutMessageStopAndCloses() async throws {
        try await withServer { server, port in
            server.enqueue(.cutBeforeStop(afterTokens: 2), for: .question)
            let client = try RawHTTPClient(port: port)
            let (head, bytes, complete) = try client.exchange(body: messagesBody(stream: true))
            #expect(head.status == 200)
            #expect(!complete)
            let names = parseEvents(bytes).map(\.name)
            #expect(names == ["message_start", "content_block_start", "content_block_delta", "content_block_delta"])
            #expect(server.clientCloses.isEmpty)

            server.enqueue(.cutBeforeStop(afterTokens: 99), for: .question)
            let second = try RawHTTPClient(port: port)
            let (_, all, _) = try second.exchange(body: messagesBody(stream: true))
            #expect(parseEvents(all).map(\.name).suffix(2) == ["content_block_stop", "message_delta"])
        }
    }

    @Test func endBeforeStopEndsTheBodyAndKeepsTheConnection() async throws {
        try await withServer { server, port in
            server.enqueue(.endBeforeStop(afterTokens: 1), for: .question)
            let client = try RawHTTPClient(port: port)
            let first = try client.exchange(body: messagesBody(stream: true))
            #expect(first.complete)
            #expect(!parseEvents(first.body).map(\.name).contains("message_stop"))
            let second = try client.exchange(body: messagesBody(stream: true))
            #expect(parseEvents(second.body).last?.name == "message_stop")
            #expect(server.acceptedConnections == 1)
        }
    }

    @Test func anErrorEventCanArriveAfterTokens() async throws {
        try await withServer { server, port in
            server.enqueue(.errorEventMidStream(afterTokens: 3, type: "overloaded_error"), for: .question)
            let client = try RawHTTPClient(port: port)
            let (head, bytes, complete) = try client.exchange(body: messagesBody(stream: true))
            #expect(head.status == 200 && complete)
            let events = parseEvents(bytes)
            #expect(events.filter { $0.name == "content_block_delta" }.count == 3)
            #expect(events.last?.name == "error")
            let error = jsonObject(events.last?.data ?? "")?["error"] as? [String: Any]
            #expect(error?["type"] as? String == "overloaded_error")
        }
    }

    @Test func pingIsSentWhenAskedFor() async throws {
        try await withServer(FakeClaudeConfig(pingAfterBlockStart: true)) { _, port in
            let (_, bytes, _) = try RawHTTPClient(port: port).exchange(body: messagesBody(stream: true))
            #expect(parseEvents(bytes).map(\.name).prefix(3) == ["message_start", "content_block_start", "ping"])
        }
    }
}
