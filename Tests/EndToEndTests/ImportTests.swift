import Foundation
import Testing

/// `teachback import` of the original service's dicts: idempotent, dated, and a bad record is
/// skipped with its file:line rather than failing the whole file with a DecodingError.
@Suite struct ImportTests {
    @Test func reimportingDictsWithoutIdsSavesThemOnceAndBadRecordsAreSkipped() throws {
        let home = try Binary.sandbox()
        let file = home + "/original.jsonl"
        try """
        {"topic": "recursion", "conversation_history": [{"role": "user", "content": "It calls itself."}], "analyses": [{"clarity_score": 0.5, "confidence_score": 0.5}]}
        {"topic": 7}
        {broken
        {"topic": "tcp", "conversation_history": [{"role": "user", "content": "SYN first."}], "analyses": [{"clarity_score": 0.7, "confidence_score": 0.5}]}

        """.write(toFile: file, atomically: true, encoding: .utf8)
        let first = try Binary.run(["import", file], home: home)
        #expect(first.status == 1, "bad records make the exit code 1")
        #expect(first.stderr.contains("original.jsonl:2: topic: expected a string"))
        #expect(first.stderr.contains("original.jsonl:3: not valid JSON"))
        #expect(!first.stderr.contains("DecodingError") && !first.stderr.contains("codingPath"))
        #expect(first.stderr.contains("imported 2 session(s), 2 turns; 2 had no date and are dated to now"))
        _ = try Binary.run(["import", file], home: home)
        let listed = try Binary.run(["sessions"], home: home)
        #expect(listed.stdout.split(separator: "\n").count == 2, "a second import saves nothing twice: \(listed.stdout)")
        #expect(!listed.stdout.contains("1970"))
    }
}
