import FakeClaude
import Foundation
import Testing

@Suite("analysis replies")
struct AnalysisTests {
    @Test func analysisReplyIsAMessageWithTheAnalysisText() async throws {
        try await withServer { server, port in
            let body = messagesBody(stream: false)
            let (head, bytes, complete) = try RawHTTPClient(port: port).exchange(body: body)
            #expect(head.status == 200 && complete)
            #expect(head.headers["content-type"] == "application/json")
            #expect(head.headers["request-id"] == "req_fake_1")
            let message = try #require(jsonObject(bytes))
            #expect(message["id"] as? String == "msg_fake_1")
            #expect(message["type"] as? String == "message")
            #expect(message["role"] as? String == "assistant")
            #expect(message["model"] as? String == "claude-test")
            #expect(message["stop_reason"] as? String == "end_turn")
            let usage = try #require(message["usage"] as? [String: Any])
            #expect(usage["input_tokens"] as? Int == body.utf8.count / 4)
            #expect((usage["output_tokens"] as? Int ?? 0) > 0)
            let content = try #require(message["content"] as? [[String: Any]])
            #expect(content.first?["type"] as? String == "text")
            let text = try #require(content.first?["text"] as? String)
            #expect(text == Scenario.defaultAnalysisText)
            let analysis = try #require(jsonObject(text))
            #expect(analysis["confidence_score"] as? Double == 0.8)
            #expect(analysis["knowledge_gaps"] as? [String] == ["base case"])
            #expect(server.requests.first?.kind == .analysis)
        }
    }

    @Test func analysisTextAndLatencyAreConfigurable() async throws {
        try await withServer { server, port in
            server.updateConfig {
                $0.analysis.latency = 0.3
                $0.analysis.analysisText = #"{"clarity_score": 0.1}"#
            }
            let start = ContinuousClock.now
            let (_, bytes, _) = try RawHTTPClient(port: port).exchange(body: messagesBody(stream: false))
            let elapsed = seconds(since: start)
            #expect(elapsed >= 0.3 && elapsed < 2)
            let content = jsonObject(bytes)?["content"] as? [[String: Any]]
            #expect(content?.first?["text"] as? String == #"{"clarity_score": 0.1}"#)
        }
    }

    @Test func malformedAnalysisIsA200WithThatText() async throws {
        try await withServer { server, port in
            server.enqueue(.malformedAnalysis(text: "I think it is pretty clear!"), for: .analysis)
            let (head, bytes, _) = try RawHTTPClient(port: port).exchange(body: messagesBody(stream: false))
            #expect(head.status == 200)
            let content = jsonObject(bytes)?["content"] as? [[String: Any]]
            #expect(content?.first?["text"] as? String == "I think it is pretty clear!")
        }
    }

    @Test func hugeAndNonUTF8Bodies() async throws {
        try await withServer { server, port in
            server.enqueue(.hugeBody(bytes: 10_000_000), for: .analysis)
            server.enqueue(.nonUTF8Body, for: .analysis)
            server.enqueue(.hugeBody(bytes: 1_000_000), for: .question)
            server.enqueue(.nonUTF8Body, for: .question)
            let client = try RawHTTPClient(port: port)

            let huge = try client.exchange(body: messagesBody(stream: false))
            #expect(huge.complete && huge.body.count >= 10_000_000)
            #expect(jsonObject(huge.body) != nil)

            let invalid = try client.exchange(body: messagesBody(stream: false))
            #expect(invalid.head.status == 200)
            #expect(String(validating: invalid.body, as: UTF8.self) == nil)

            let hugeStream = try client.exchange(body: messagesBody(stream: true))
            #expect(hugeStream.body.count >= 1_000_000)
            #expect(parseEvents(hugeStream.body).last?.name == "message_stop")

            let invalidStream = try client.exchange(body: messagesBody(stream: true))
            #expect(String(validating: invalidStream.body, as: UTF8.self) == nil)
            #expect(invalidStream.body.count > 0)
        }
    }
}
