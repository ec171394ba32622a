import Foundation
import Testing
@testable import Store
import TeachBack

@Suite struct BatchAnalyticsTests {
    func file(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "tb-batch-\(UUID().uuidString).json"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func run(_ paths: [String], jobs: Int = 2) -> (lines: [String], errors: [String], summary: BatchAnalytics.Summary) {
        var lines: [String] = [], errors: [String] = []
        let summary = BatchAnalytics.run(files: paths, jobs: jobs, output: { lines.append($0) }, report: { errors.append($0) })
        return (lines, errors, summary)
    }

    static func session(_ n: Int) -> String {
        #"{"topic": "t\#(n)", "conversation_history": [{"role": "user", "content": "a \"quoted\" [bracket] {brace}"}], "analyses": [{"clarity_score": \#(n % 100), "confidence_score": 0.5}]}"#
    }

    @Test func outputKeepsInputOrderAcrossChunksAndWorkers() throws {
        let count = BatchAnalytics.chunkSize * 2 + 17
        let path = try file((0..<count).map(Self.session).joined(separator: "\n") + "\n")
        let result = run([path], jobs: 2)
        #expect(result.summary == .init(sessions: count, failures: 0))
        #expect(result.lines.count == count)
        for (n, line) in result.lines.enumerated() {
            let clarity = Analysis.normalizedScore(Double(n % 100))
            #expect(line.hasPrefix("{\"learning_curve\":[\(AnalyticsJSON.number(clarity))]"), "line \(n)")
        }
    }

    @Test func malformedRecordsAreReportedWithTheirLineAndSkipped() throws {
        let path = try file([Self.session(1), "{\"analyses\": [1, 2]}", "", "not json at all", Self.session(2), "{\"analyses\": {}}", "[]", Self.session(3)]
            .joined(separator: "\n"))
        let result = run([path])
        #expect(result.lines.count == 3)
        #expect(result.summary.failures == 4)
        #expect(result.errors == [
            "\(path):2: analyses item 1 is not an object",
            "\(path):4: not a JSON object (a session dict) at byte 1",
            "\(path):6: 'analyses' is not a list",
            "\(path):7: not a JSON object (a session dict) at byte 1",
        ])
    }

    @Test func aJSONArrayOfSessionDictsReadsTheSame() throws {
        let array = try file("[\n" + (0..<5).map(Self.session).joined(separator: ",\n") + "\n]")
        let lines = try file((0..<5).map(Self.session).joined(separator: "\n"))
        #expect(run([array]).lines == run([lines]).lines)
        #expect(run([array]).lines.count == 5)
    }

    @Test func theOriginalsFixtureGivesItsPersistentGap() throws {
        let path = try file(#"{"topic": "recursion", "analyses": [{"confidence_score": 0.6, "clarity_score": 0.5, "knowledge_gaps": ["Base case explanation"]}, {"confidence_score": 0.7, "clarity_score": 0.75, "knowledge_gaps": ["Base case explanation"]}]}"#)
        let line = try #require(run([path]).lines.first)
        #expect(line.contains(#""persistent_gaps":["Base case explanation"]"#))
        #expect(line.contains(#""average_clarity":0.62"#), "0.625 rounds to even, as Python's round does")
    }

    @Test func numbersParseCorrectlyRoundedAndStringsUnescape() throws {
        let text = #"{"analyses": [{"clarity_score": 0.9477089424570057, "knowledge_gaps": ["caf\u00e9 \ud83d\ude00", "tab\there"]}]}"#
        let analyses = try SessionRecord.analyses(from: Array(text.utf8))
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
        let analyses = try SessionRecord.analyses(from: Array(#"{"analyses":[{"knowledge_gaps":["\ud83d\u0041"]}]}"#.utf8))
        #expect(analyses[0].knowledgeGaps == ["\u{FFFD}"])
    }

    @Test func prettyPrintedArraysReportTheLineARecordStartsOn() throws {
        let path = NSTemporaryDirectory() + "tb-pretty-\(UUID().uuidString).json"
        try "[\n  {\n    \"analyses\": []\n  },\n  {\n    \"analyses\": {\"x\": \"}\"}\n  }\n]\n".write(toFile: path, atomically: true, encoding: .utf8)
        var errors: [String] = []
        var lines: [String] = []
        _ = BatchAnalytics.run(files: [path], jobs: 1, output: { lines.append($0) }, report: { errors.append($0) })
        #expect(lines.count == 1)
        #expect(errors == ["\(path):5: 'analyses' is not a list"])
        var directory: [String] = []
        _ = BatchAnalytics.run(files: [NSTemporaryDirectory()], jobs: 1, output: { _ in }, report: { directory.append($0) })
        #expect(directory.count == 1, "a directory is reported, not read as empty")
    }
}
