import FakeClaude
import Foundation
import Testing

@Suite("HTTP and recording")
struct ProtocolTests {
    @Test func unknownPathsGet404WithAnErrorBody() async throws {
        try await withServer { server, port in
            let (head, bytes, _) = try RawHTTPClient(port: port).exchange(path: "/v1/complete", body: "{}")
            #expect(head.status == 404)
            #expect(head.headers["request-id"] == "req_fake_1")
            let envelope = jsonObject(bytes)
            #expect((envelope?["error"] as? [String: Any])?["type"] as? String == "not_found_error")
            #expect(envelope?["request_id"] as? String == "req_fake_1")
            #expect(server.requests.first?.kind == .other)
        }
    }

    @Test func aBasePathPrefixIsAccepted() async throws {
        try await withServer { _, port in
            let (head, _, _) = try RawHTTPClient(port: port).exchange(path: "/proxy/anthropic/v1/messages?beta=true",
                                                                      body: messagesBody(stream: false))
            #expect(head.status == 200)
        }
    }

    @Test func requestsAreRecordedWithTheirDecodedFields() async throws {
        try await withServer { server, port in
            let client = try RawHTTPClient(port: port)
            _ = try client.exchange(body: messagesBody(stream: true, text: "Stacks grow", temperature: 0.7),
                                    headers: ["X-Custom": "A"])
            _ = try client.exchange(body: messagesBody(stream: false))
            let requests = try #require(await server.waitForRequests(count: 2))
            let first = requests[0]
            #expect(first.number == 1 && first.requestID == "req_fake_1")
            #expect(first.kind == .question && first.stream)
            #expect(first.method == "POST" && first.path == "/v1/messages")
            #expect(first.headers["x-custom"] == "A")
            #expect(first.headers["x-api-key"] == "test-key")
            #expect(first.model == "claude-test")
            #expect(first.system == "You are a student.")
            #expect(first.hasTemperature && first.temperature == 0.7)
            #expect(first.maxTokens == 300)
            #expect(first.firstUserText == "Stacks grow")
            #expect(first.bodyText.contains("Stacks grow"))
            #expect(requests[1].kind == .analysis && !requests[1].hasTemperature)
            #expect(requests[0].arrival <= requests[1].arrival)
            #expect(requests[0].connectionID == requests[1].connectionID)
        }
    }

    @Test func invalidBodiesGet400AndConsumeNoFault() async throws {
        try await withServer { server, port in
            server.enqueue(.overloaded, for: .analysis)
            let client = try RawHTTPClient(port: port)
            let (head, bytes, _) = try client.exchange(body: #"{"model":"m","messages":[]}"#)
            #expect(head.status == 400)
            let error = jsonObject(bytes)?["error"] as? [String: Any]
            #expect(error?["type"] as? String == "invalid_request_error")
            #expect(server.pendingFaults(for: .analysis).count == 1)
            let notJSON = try client.exchange(body: "hello")
            #expect(notJSON.head.status == 400)
        }
    }

    @Test func expect100ContinueGetsAnInterimResponse() async throws {
        try await withServer { _, port in
            let client = try RawHTTPClient(port: port)
            let body = messagesBody(stream: false)
            try client.send("POST /v1/messages HTTP/1.1\r\nhost: x\r\ncontent-length: \(body.utf8.count)\r\nexpect: 100-continue\r\n\r\n")
            let interim = try client.readHead()
            #expect(interim.status == 100)
            try client.send(body)
            let head = try client.readHead()
            #expect(head.status == 200)
            #expect(try client.readBody(head).complete)
        }
    }

    @Test func chunkedRequestBodiesAreDecoded() async throws {
        try await withServer { server, port in
            let client = try RawHTTPClient(port: port)
            let body = Array(messagesBody(stream: false).utf8)
            let (a, b) = (body[..<10], body[10...])
            var text = "POST /v1/messages HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\n\r\n"
            text += String(a.count, radix: 16) + "\r\n" + String(decoding: a, as: UTF8.self) + "\r\n"
            text += String(b.count, radix: 16) + "\r\n" + String(decoding: b, as: UTF8.self) + "\r\n0\r\n\r\n"
            try client.send(text)
            let head = try client.readHead()
            #expect(head.status == 200)
            #expect(server.requests.first?.body == body)
        }
    }

    @Test func connectionCloseIsHonoured() async throws {
        try await withServer { server, port in
            let client = try RawHTTPClient(port: port)
            let (head, _, _) = try client.exchange(body: messagesBody(stream: true), headers: ["Connection": "close"])
            #expect(head.headers["connection"] == "close")
            #expect(throws: RawHTTPClient.Failure.self) { try client.readHead() }
            #expect(server.clientCloses.isEmpty)
        }
    }

    @Test func modelsAreListed() async throws {
        try await withServer { _, port in
            let (head, bytes, _) = try RawHTTPClient(port: port).exchange(method: "GET", path: "/v1/models", body: "")
            #expect(head.status == 200)
            #expect((jsonObject(bytes)?["data"] as? [[String: Any]])?.isEmpty == false)
        }
    }
}

@Suite("configuration")
struct ConfigurationTests {
    @Test func generatedTokensFormOneQuestion() {
        #expect(Scenario.generatedTokens(0).isEmpty)
        #expect(Scenario.generatedTokens(1) == ["Why?"])
        let long = Scenario.generatedTokens(50)
        #expect(long.count == 50)
        #expect(long.last?.hasSuffix("?") == true)
        #expect(!long.joined().dropLast().contains("?"))
    }

    @Test func aStoppedServerCanStartAgain() async throws {
        let server = FakeClaudeServer()
        _ = try server.start()
        server.stop()
        let port = try server.start()
        defer { server.stop() }
        #expect(server.baseURL == "http://127.0.0.1:\(port)")
        let (head, _, _) = try RawHTTPClient(port: port).exchange(body: messagesBody(stream: false))
        #expect(head.status == 200)
    }

    @Test func aBusyPortIsReported() async throws {
        try await withServer { _, port in
            #expect(throws: FakeClaudeError.self) { try FakeClaudeServer().start(port: port) }
        }
    }
}
