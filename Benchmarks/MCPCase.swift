import Foundation

/// Case 9: `teachback mcp --offline` over stdio, as an MCP client drives it: the round trip of
/// one `teach` tool call (request line written → response line read), local heuristics and the
/// persona's scripted question, the turn saved to SQLite.
enum MCPCase {
    static let calls = 200, warmUp = 10
    static let targetMs = 10.0

    static func run(_ layout: Layout) throws -> CaseResult {
        var result = CaseResult(9, "MCP tool call")
        let home = try Layout.temporaryDirectory("mcp")
        defer { try? FileManager.default.removeItem(atPath: home) }
        let server = Process()
        server.executableURL = URL(fileURLWithPath: layout.teachback)
        server.arguments = ["mcp", "--offline"]
        server.environment = layout.teachbackEnvironment(home: home)
        let input = Pipe(), output = Pipe()
        server.standardInput = input
        server.standardOutput = output
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { try? input.fileHandleForWriting.close(); server.waitUntilExit() }
        var reader = LineReader(output.fileHandleForReading)
        var nextID = 0
        /// Sends one request and waits for its response line.
        func request(_ method: String, _ params: String) throws -> String {
            nextID += 1
            input.fileHandleForWriting.write(Data(#"{"jsonrpc":"2.0","id":\#(nextID),"method":"\#(method)","params":\#(params)}"#.utf8 + [10]))
            guard let line = reader.next() else { throw BenchmarkError("teachback mcp closed its output") }
            guard line.contains(#""id":\#(nextID)"#), !line.contains(#""isError":true"#) else { throw BenchmarkError("unexpected reply: \(line.prefix(200))") }
            return line
        }
        _ = try request("initialize", #"{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}"#)
        input.fileHandleForWriting.write(Data(#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#.utf8 + [10]))
        let created = try request("tools/call", #"{"name":"create_teaching_session","arguments":{"user_id":"bench","topic":"recursion","mode":"socratic"}}"#)
        guard let range = created.range(of: #""session_id":"([0-9a-f-]+)""#, options: .regularExpression) else {
            throw BenchmarkError("no session id in \(created.prefix(200))")
        }
        let sessionID = created[range].dropFirst(#""session_id":""#.count).dropLast()
        var times: [Double] = []
        for call in 0..<(warmUp + calls) {
            let explanation = Prose.explanation(turn: call).replacingOccurrences(of: "\"", with: "'")
            let started = ContinuousClock.now
            _ = try request("tools/call", #"{"name":"teach","arguments":{"session_id":"\#(sessionID)","explanation":"\#(explanation)"}}"#)
            if call >= warmUp { times.append((ContinuousClock.now - started).ms) }
        }
        let median = Stats.median(times)
        result.row("`teach` tool call round trip over stdio, offline, median (p95), \(calls) calls",
                   "\(Format.ms(median)) (\(Format.ms(Stats.percentile(times, 95))))", target: "≤ 10 ms", Verdict(median <= targetMs))
        result.metrics = ["median_ms": median, "p95_ms": Stats.percentile(times, 95)]
        result.notes.append("one session; each call runs the built-in heuristics, the persona's fallback and one SQLite transaction")
        return result
    }
}

/// Lines from a pipe, read in blocks.
private struct LineReader {
    let handle: FileHandle
    var buffer: [UInt8] = []
    init(_ handle: FileHandle) { self.handle = handle }

    mutating func next() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 10) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return line
            }
            let data = handle.availableData
            if data.isEmpty { return nil }
            buffer += data
        }
    }
}
