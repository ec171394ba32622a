import Foundation
import Testing

/// `teachback analytics` against the plain-Python reference of the same rules: byte-identical
/// output on thousands of varied synthetic sessions.
@Suite struct BatchTests {
    static let benchmarks = Binary.root.appendingPathComponent("Benchmarks").path

    static func python(_ arguments: [String], stdout: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        FileManager.default.createFile(atPath: stdout, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: stdout))
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func analyticsMatchesThePythonReferenceByteForByte() throws {
        let home = try Binary.sandbox()
        let sessions = home + "/sessions.jsonl", reference = home + "/reference.jsonl"
        #expect(try Self.python([Self.benchmarks + "/generate_sessions.py", "3000", "11"], stdout: sessions) == 0)
        #expect(try Self.python([Self.benchmarks + "/reference_analytics.py", sessions], stdout: reference) == 0)
        let ours = try Binary.run(["analytics", "--jobs", "2", sessions], home: home)
        #expect(ours.status == 0)
        let expected = try String(contentsOfFile: reference, encoding: .utf8)
        #expect(ours.stdout.split(separator: "\n").count == 3000)
        #expect(ours.stdout == expected)
    }

    @Test func aMalformedLineIsReportedAndTheExitCodeIsOne() throws {
        let home = try Binary.sandbox()
        let path = home + "/mixed.jsonl"
        try "{\"analyses\": []}\n{broken\n{\"analyses\": []}\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try Binary.run(["analytics", path], home: home)
        #expect(result.status == 1)
        #expect(result.stdout.split(separator: "\n").count == 2)
        #expect(result.stderr.contains("mixed.jsonl:2: "))
    }
}

/// `teachback rescore` with a researcher's own heuristic, on a fixture whose figures are worked
/// out by hand in AgreementTests.
@Suite struct RescoreTests {
    @Test func rescoreWritesATurnPerLineAndSummarisesAgreement() throws {
        let home = try Binary.sandbox()
        for dir in ["/empty/modes", "/empty/plugins", "/mine"] {
            try FileManager.default.createDirectory(atPath: home + dir, withIntermediateDirectories: true)
        }
        try """
        teachback.heuristic { name = "toy", analyze = function(text)
          local words, gaps, jargon = teachback.words(text), {}, {}
          for _, w in ipairs(words) do
            if w:sub(1, 1) == "g" then gaps[#gaps + 1] = w elseif w:sub(1, 1) == "j" then jargon[#jargon + 1] = w end
          end
          return { clarity_score = #words / 10, confidence_score = 0.5, knowledge_gaps = gaps, unexplained_jargon = jargon }
        end }
        """.write(toFile: home + "/mine/toy.lua", atomically: true, encoding: .utf8)
        let session = #"""
        {"id": "s1", "topic": "t", "conversation_history": [
          {"role": "user", "content": "g1 g2 w"}, {"role": "assistant", "content": "?"},
          {"role": "user", "content": "g1 j1 w w"}, {"role": "assistant", "content": "?"},
          {"role": "user", "content": "w w w w w w"}, {"role": "assistant", "content": "?"}],
         "analyses": [{"clarity_score": 0.2, "confidence_score": 0.5, "knowledge_gaps": ["G1."]},
                      {"clarity_score": 0.4, "confidence_score": 0.6, "knowledge_gaps": ["g1", "g3"], "unexplained_jargon": ["j1"]},
                      {"clarity_score": 0.9, "confidence_score": 0.7, "unexplained_jargon": ["j2"]}]}
        """#
        try (session.replacingOccurrences(of: "\n", with: " ") + "\n{broken\n").write(toFile: home + "/s.jsonl", atomically: true, encoding: .utf8)
        let result = try Binary.run(["rescore", "--plugins", home + "/mine", "--json", "--jobs", "2", home + "/s.jsonl"],
                                    home: home, extra: ["TEACHBACK_HOME": home + "/empty"])
        #expect(result.status == 1, "the broken record makes the exit code 1")
        #expect(result.stderr.contains("s.jsonl:2: "))
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["id"] as? String == "s1")
        #expect(first["line"] as? Int == 1)
        #expect((first["local_analysis"] as? [String: Any])?["knowledge_gaps"] as? [String] == ["g1", "g2"])
        let summaryLine = try #require(result.stderr.split(separator: "\n").last { $0.hasPrefix("{") })
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(summaryLine.utf8)) as? [String: Any])
        #expect(summary["turns"] as? Int == 3)
        #expect(summary["compared"] as? Int == 3)
        #expect(abs((summary["clarity_pearson"] as? Double ?? 0) - 0.998625) < 1e-5)
        #expect(summary["confidence_pearson"] is NSNull)
        #expect(summary["confidence_pearson_undefined"] as? String == "zero variance in local confidence")
        #expect(abs((summary["gaps_jaccard"] as? Double ?? 0) - 2.0 / 3) < 1e-9)
        #expect(abs((summary["jargon_jaccard"] as? Double ?? 0) - 2.0 / 3) < 1e-9)
    }
}
