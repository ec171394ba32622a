import FakeClaude
import Foundation
import Testing

/// `teachback mcp` driven by the official Python MCP client (PyPI `mcp`, installed by `make test`
/// into `.build/mcp-venv`): a three-turn session over stdio, every result checked against the
/// tool's declared output schema by the client's side (`jsonschema`).
@Suite(.serialized) struct MCPClientTests {
    static let python = Binary.root.appendingPathComponent(".build/mcp-venv/bin/python").path
    static let script = Binary.root.appendingPathComponent("Tests/EndToEndTests/MCP/teach_session.py").path
    static let clientInstalled = FileManager.default.isExecutableFile(atPath: python)

    /// What the script saw, decoded.
    struct Seen: Decodable {
        struct Turn: Decodable {
            var number: Int
            var question: String
            var saved: Bool
            var backend: [String: String]
        }
        struct Summary: Decodable {
            var total_turns: Int
            var user_id: String?
        }
        struct BadCall: Decodable {
            var is_error: Bool
            var text: String
        }
        var server: String
        var tools: [String]
        var session_id: String
        var turns: [Turn]
        var summary: Summary
        var bad_call: BadCall
        var resource: String
    }

    static func runClient(home: String, flags: [String], extra: [String: String] = [:]) throws -> Seen {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, Binary.path] + flags
        process.environment = Binary.environment(home: home, extra: extra)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errText = Locked(Data())
        let reader = Thread { errText.set(err.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !reader.isFinished { usleep(1000) }
        guard process.terminationStatus == 0 else {
            throw FixtureFailure("client exited \(process.terminationStatus): \(String(decoding: errText.get(), as: UTF8.self))")
        }
        return try JSONDecoder().decode(Seen.self, from: data)
    }

    @Test(.enabled(if: clientInstalled, "needs PyPI's mcp in .build/mcp-venv: `make test` installs it"))
    func aThreeTurnSessionOfflineThroughTheReferenceClient() throws {
        let home = try Binary.sandbox()
        let seen = try Self.runClient(home: home, flags: ["--offline"])
        #expect(seen.server == "teachback")
        #expect(seen.tools.count == 9)
        #expect(seen.turns.map(\.number) == [1, 2, 3])
        #expect(seen.turns.allSatisfy { $0.saved && $0.backend["question"] == "fallback" })
        #expect(seen.summary.total_turns == 3)
        #expect(seen.summary.user_id == "e2e")
        #expect(seen.bad_call.is_error)
        #expect(seen.bad_call.text == "teach: missing argument 'explanation'")
        #expect(seen.resource.hasPrefix("# recursion"))
        // An ordinary session: the command line sees it.
        let listed = try Binary.run(["sessions"], home: home)
        #expect(listed.stdout.contains("\(seen.session_id)"))
        #expect(listed.stdout.contains("3 turns  anxious · recursion"))
    }

    @Test(.enabled(if: clientInstalled, "needs PyPI's mcp in .build/mcp-venv: `make test` installs it"))
    func withClaudeEachTurnsTwoCallsRunConcurrently() throws {
        let latency = 1.0
        try FakeClaudeServer.running(FakeClaudeConfig(analysis: Scenario(latency: latency), question: Scenario(latency: latency))) { server in
            let home = try Binary.sandbox()
            let seen = try Self.runClient(home: home, flags: [], extra: ["ANTHROPIC_API_KEY": "tb-test-key-mcp-0123456789",
                                                                         "ANTHROPIC_BASE_URL": server.baseURL ?? ""])
            #expect(seen.turns.allSatisfy { $0.backend == ["analysis": "claude", "question": "claude"] })
            let analyses = server.requests(of: .analysis), questions = server.requests(of: .question)
            #expect(analyses.count == 3)
            #expect(questions.count == 3)
            // Each turn's two requests arrive together; one after the other they would be `latency` apart.
            for (analysis, question) in zip(analyses, questions) {
                let apart = analysis.arrival < question.arrival ? question.arrival - analysis.arrival : analysis.arrival - question.arrival
                #expect(apart < .seconds(latency / 2), "\(apart)")
            }
        }
    }
}

struct FixtureFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// `teachback mcp` fed raw protocol lines: what no well-behaved client sends.
@Suite(.serialized) struct MCPRawInputTests {
    static let initialize = #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}"#
        + "\n" + #"{"jsonrpc":"2.0","method":"notifications/initialized"}"# + "\n"

    static func call(_ id: Int, _ name: String, _ arguments: String) -> String {
        #"{"jsonrpc":"2.0","id":\#(id),"method":"tools/call","params":{"name":"\#(name)","arguments":\#(arguments)}}"# + "\n"
    }

    @Test func invalidUTF8AndGarbageGetErrorsAndTheServerGoesOn() throws {
        let home = try Binary.sandbox()
        let run = try Running(["mcp", "--offline"], home: home)
        run.type(Self.initialize)
        run.type("this is not JSON\n")
        var bytes = Array(Self.call(2, "rescore_text", #"{"topic":"x","explanation":"caf\#u{FFFF}"}"#).utf8)
        bytes.replaceSubrange(bytes.firstRange(of: Array("\u{FFFF}".utf8))!, with: [0xFF, 0xFE])
        run.typeBytes(bytes)
        run.type(Self.call(3, "list_modes", "{}"))
        #expect(run.waitForOutput(#""id":3"#), "still serving: \(run.output)")
        #expect(run.output.components(separatedBy: #""code":-32700"#).count == 3, "a parse error each for the garbage and the invalid UTF-8: \(run.output)")
        run.closeInput()
        let result = run.finish()
        #expect(result.status == 0)
    }

    @Test func requestsSentJustBeforeEndOfInputAreAllAnswered() throws {
        let home = try Binary.sandbox()
        let input = Self.initialize + Self.call(2, "list_modes", "{}")
            + Self.call(3, "create_teaching_session", #"{"user_id":"u","topic":"tides","mode":"socratic"}"#)
            + Self.call(4, "rescore_text", #"{"topic":"tides","explanation":"The moon pulls the sea."}"#)
        let result = try Binary.run(["mcp", "--offline"], input: input, home: home)
        #expect(result.status == 0)
        for id in 1...4 { #expect(result.stdout.contains(#""id":\#(id),"#), "answer \(id) of \(result.stdout)") }
    }

    @Test func aClientThatDisconnectsMidCallLosesNoTurn() async throws {
        try await FakeClaudeServer.running(FakeClaudeConfig(analysis: Scenario(latency: 1), question: Scenario(latency: 1))) { server in
            let home = try Binary.sandbox()
            let run = try Running(["mcp"], home: home, extra: ["ANTHROPIC_API_KEY": "tb-test-key-mcp-0123456789",
                                                               "ANTHROPIC_BASE_URL": server.baseURL ?? ""])
            run.type(Self.initialize + Self.call(2, "create_teaching_session", #"{"user_id":"u","topic":"recursion","mode":"socratic"}"#))
            #expect(run.waitForOutput(#""id":2"#))
            let id = try #require(run.output.range(of: #"[0-9a-f]{8}-[0-9a-f-]{27}"#, options: .regularExpression).map { String(run.output[$0]) })
            run.type(Self.call(3, "teach", #"{"session_id":"\#(id)","explanation":"It calls itself until the base case."}"#))
            #expect(await server.waitForRequests(count: 2) != nil)
            run.closeInput()   // gone while Claude is still answering
            let result = run.finish()
            #expect(result.status == 0, "\(result.stderr)")
            let listed = try Binary.run(["sessions"], home: home)
            #expect(listed.stdout.contains("\(id)  "), "\(listed.stdout)")
            #expect(listed.stdout.contains("1 turns  socratic · recursion") || listed.stdout.contains("1 turn  socratic · recursion"))
        }
    }
}
