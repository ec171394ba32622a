import Foundation
import Testing
@testable import Research
import TeachBack

func temporaryFile(_ text: String, ext: String = "jsonl") throws -> String {
    try temporaryFile(Data(text.utf8), ext: ext)
}

func temporaryFile(_ data: Data, ext: String = "jsonl") throws -> String {
    let path = NSTemporaryDirectory() + "tb-research-\(UUID().uuidString).\(ext)"
    try data.write(to: URL(fileURLWithPath: path))
    return path
}

@Suite struct BatchAnalyticsTests {
    func run(_ paths: [String], jobs: Int = 2, blockSize: Int = BatchAnalytics.blockSize) async
        -> (lines: [String], errors: [String], summary: BatchAnalytics.Summary) {
        var lines: [String] = [], errors: [String] = []
        let summary = await BatchAnalytics.run(files: paths, jobs: jobs, blockSize: blockSize,
                                               output: { lines += Self.lines($0) }, report: { errors.append($0) })
        return (lines, errors, summary)
    }

    /// Output bytes as lines; every line must end in a newline.
    static func lines(_ bytes: [UInt8]) -> [String] {
        #expect(bytes.last == 0x0A)
        return bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map { String(decoding: $0, as: UTF8.self) }
    }

    static func session(_ n: Int) -> String {
        #"{"topic": "t\#(n)", "conversation_history": [{"role": "user", "content": "a \"quoted\" [bracket] {brace}"}], "analyses": [{"clarity_score": \#(Double(n % 100) / 100), "confidence_score": 0.5}]}"#
    }

    @Test func outputKeepsInputOrderAcrossChunksAndWorkersAndNamesEachRecord() async throws {
        // Small blocks: lines are cut across blocks, and the long one makes a block grow.
        let count = 2_017
        let records = (0..<count).map { n in
            n == 1_000 ? Self.session(n).replacingOccurrences(of: "{brace}", with: String(repeating: "x", count: 10_000)) : Self.session(n)
        }
        let path = try temporaryFile(records.joined(separator: "\n") + "\n")
        let result = await run([path], jobs: 2, blockSize: 4_096)
        #expect(result.summary == .init(sessions: count, failures: 0))
        #expect(result.lines.count == count)
        for (n, line) in result.lines.enumerated() {
            let clarity = AnalyticsJSON.number(Double(n % 100) / 100)
            #expect(line.hasPrefix("{\"id\":\"\(path):\(n + 1)\",\"line\":\(n + 1),\"learning_curve\":[\(clarity)]"), "line \(n)")
        }
    }

    @Test func idComesFromIdThenSessionIdThenFileAndLine() async throws {
        let path = try temporaryFile("""
        {"id": "a", "session_id": "ignored", "analyses": []}
        {"session_id": "b", "analyses": []}
        {"analyses": []}
        """)
        let lines = await run([path]).lines
        #expect(lines.map { $0.components(separatedBy: ",\"learning_curve\"")[0] }
                == [#"{"id":"a","line":1"#, #"{"id":"b","line":2"#, "{\"id\":\"\(path):3\",\"line\":3"])
    }

    /// Every kind of bad record is reported with its file:line and skipped; the good ones around
    /// them keep their own ids and lines, so nothing shifts.
    @Test func badRecordsAreReportedWithTheirLineAndSkippedNeverRescaled() async throws {
        var data = Data()
        let records: [String] = [
            #"{"id": "ok1", "analyses": [{"clarity_score": 0.5, "confidence_score": 0.5}]}"#,
            #"{"analyses": [1, 2]}"#,
            "",
            "not json at all",
            #"{"id": "ok2", "analyses": [{"clarity_score": 0.25, "confidence_score": 1}]}"#,
            #"{"analyses": {}}"#,
            "[]",
            #"{"analyses": [{"clarity_score": 85, "confidence_score": 0.5}]}"#,
            #"{"analyses": [{"clarity_score": 1e999, "confidence_score": 0.5}]}"#,
            #"{"analyses": [{"clarity_score": NaN, "confidence_score": 0.5}]}"#,
            #"{"analyses": [{"clarity_score": "0.5", "confidence_score": 0.5}]}"#,
            #"{"analyses": [{"confidence_score": 0.5}]}"#,
            #"{"analyses": [{"clarity_score": 0.5, "confidence_score": 0.5, "knowledge_gaps": "base case"}]}"#,
            #"{"id": 7, "analyses": []}"#,
            #"{"id": "ok3", "analyses": [{"clarity_score": -0.0, "confidence_score": 0.5}]}"#,
        ]
        for record in records { data.append(Data((record + "\n").utf8)) }
        data.append(Data(#"{"analyses": [{"clarity_score": 0.5, "confidence_score": 0.5, "knowledge_gaps": [""#.utf8))
        data.append(contentsOf: [0xC3, 0x28])   // not UTF-8
        data.append(Data("\"]}]}\n".utf8))
        let path = try temporaryFile(data)
        let result = await run([path])
        #expect(result.lines.count == 3)
        #expect(result.lines[0].hasPrefix(#"{"id":"ok1","line":1,"#))
        #expect(result.lines[1].hasPrefix(#"{"id":"ok2","line":5,"#))
        #expect(result.lines[2].hasPrefix(#"{"id":"ok3","line":15,"#))
        #expect(result.summary.failures == 12)
        #expect(result.errors == [
            "\(path):2: analyses item 1 is not an object",
            "\(path):4: not a JSON object (a session dict) at byte 1",
            "\(path):6: 'analyses' is not a list",
            "\(path):7: not a JSON object (a session dict) at byte 1",
            "\(path):8: analyses item 1: 'clarity_score' is 85.0, outside [0, 1] (skipped, not rescaled)",
            "\(path):9: analyses item 1: 'clarity_score' is inf, outside [0, 1] (skipped, not rescaled)",
            "\(path):10: expected a value at byte 33",
            "\(path):11: analyses item 1: 'clarity_score' is not a number",
            "\(path):12: analyses item 1: 'clarity_score' is missing",
            "\(path):13: analyses item 1: 'knowledge_gaps' is not a list",
            "\(path):14: 'id' is not a string",
            "\(path):16: not UTF-8 at byte 83",
        ])
    }

    @Test func aJSONArrayOfSessionDictsReadsTheSameApartFromLines() async throws {
        let array = try temporaryFile("[\n" + (0..<5).map(Self.session).joined(separator: ",\n") + "\n]", ext: "json")
        let lines = try temporaryFile((0..<5).map(Self.session).joined(separator: "\n"))
        func body(_ line: String) -> Substring { line[line.range(of: "\"learning_curve\"")!.lowerBound...] }
        #expect(await run([array]).lines.map(body) == run([lines]).lines.map(body))
        #expect(await run([array]).lines.count == 5)
        #expect(await run([array]).lines[4].hasPrefix("{\"id\":\"\(array):6\",\"line\":6,"))
    }

    @Test func theOriginalsFixtureGivesItsPersistentGap() async throws {
        let path = try temporaryFile(#"{"topic": "recursion", "analyses": [{"confidence_score": 0.6, "clarity_score": 0.5, "knowledge_gaps": ["Base case explanation"]}, {"confidence_score": 0.7, "clarity_score": 0.75, "knowledge_gaps": ["Base case explanation"]}]}"#)
        let line = try #require(await run([path]).lines.first)
        #expect(line.contains(#""persistent_gaps":["Base case explanation"]"#))
        #expect(line.contains(#""average_clarity":0.62"#), "0.625 rounds to even, as Python's round does")
    }

    @Test func numbersParseCorrectlyRoundedAndStringsUnescape() throws {
        let text = #"{"analyses": [{"clarity_score": 0.9477089424570057, "confidence_score": 0.5, "knowledge_gaps": ["caf\u00e9 \ud83d\ude00", "tab\there"]}]}"#
        let analyses = try SessionRecord(InputRecord(bytes: Array(text.utf8), file: "f", line: 1)).analyses
        #expect(analyses[0].clarityScore == 0.9477089424570057)
        #expect(analyses[0].knowledgeGaps == ["café 😀", "tab\there"])
        #expect(JSONString.quoted("a\"b\\c\n\u{01}é\u{08}") == #""a\"b\\c\n\u0001é\b""#)
        #expect(AnalyticsJSON.number(1) == "1.0")
        #expect(AnalyticsJSON.number(0.1) == "0.1")
        #expect(AnalyticsJSON.number(5e-05) == "5e-05")
    }
}

@Suite struct ReaderEdgeCaseTests {
    @Test func anUnpairedSurrogateDecodesAsAReplacementCharacter() throws {
        let text = #"{"analyses":[{"clarity_score": 0.5, "confidence_score": 0.5, "knowledge_gaps":["\ud83d\u0041"]}]}"#
        let analyses = try SessionRecord(InputRecord(bytes: Array(text.utf8), file: "f", line: 1)).analyses
        #expect(analyses[0].knowledgeGaps == ["\u{FFFD}"])
    }

    @Test func prettyPrintedArraysReportTheLineARecordStartsOn() async throws {
        let path = try temporaryFile("[\n  {\n    \"analyses\": []\n  },\n  {\n    \"analyses\": {\"x\": \"}\"}\n  }\n]\n", ext: "json")
        var errors: [String] = []
        var lines: [String] = []
        _ = await BatchAnalytics.run(files: [path], jobs: 1, output: { lines += BatchAnalyticsTests.lines($0) }, report: { errors.append($0) })
        #expect(lines.count == 1)
        #expect(errors == ["\(path):5: 'analyses' is not a list"])
        var directory: [String] = []
        _ = await BatchAnalytics.run(files: [NSTemporaryDirectory()], jobs: 1, output: { _ in }, report: { directory.append($0) })
        #expect(directory.count == 1, "a directory is reported, not read as empty")
    }

    @Test func utf8ValidationFollowsTheUnicodeTable() {
        #expect(InputRecord.firstInvalidUTF8(Array("aé€😀".utf8)) == nil)
        #expect(InputRecord.firstInvalidUTF8([0x61, 0xC0, 0x80]) == 1, "overlong")
        #expect(InputRecord.firstInvalidUTF8([0xED, 0xA0, 0x80]) == 0, "a surrogate")
        #expect(InputRecord.firstInvalidUTF8([0xF4, 0x90, 0x80, 0x80]) == 0, "above U+10FFFF")
        #expect(InputRecord.firstInvalidUTF8([0xE2, 0x82]) == 0, "truncated")
    }

    /// Long runs are stepped over 32 and 8 bytes at a time: a bad byte is found wherever it sits.
    @Test func utf8ValidationFindsABadByteAtAnyOffsetInLongText() {
        let text = Array(String(repeating: "plain ascii “quoted” é ", count: 8).utf8)
        #expect(InputRecord.firstInvalidUTF8(text) == nil)
        for offset in 0..<70 where text[offset] < 0x80 {
            var bad = text
            bad[offset] = 0xFF
            #expect(InputRecord.firstInvalidUTF8(bad) == offset, "offset \(offset)")
        }
    }
}
