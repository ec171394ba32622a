import Foundation
import Testing
@testable import Research

/// The in-place path (`AnalyticsRecordScan` + `AnalyticsLineWriter`) must give the general
/// path's line for every record it takes, and leave every record it cannot word to it.
@Suite struct AnalyticsRecordScanTests {
    /// (record, whether the in-place path should take it)
    static let records: [(String, Bool)] = [
        (#"{"id": "a", "analyses": [{"clarity_score": 0.5, "confidence_score": 0.25, "knowledge_gaps": ["Call  stack.", "call stack"], "unexplained_jargon": ["TCO"]}, {"clarity_score": 1, "confidence_score": 0, "knowledge_gaps": [" call stack ", "Base case!"], "unexplained_jargon": ["tco ?", "SYN", "memo"], "strengths": ["x"]}]}"#, true),
        (#"{"session_id": "s", "analyses": [{"clarity_score": 0.125, "confidence_score": 0.375, "knowledge_gaps": ["édge cases", "Édge  Cases."], "unexplained_jargon": ["naïve approach", "chlorophyll’s role"]}, {"clarity_score": 0.3, "confidence_score": 0.7, "knowledge_gaps": ["ÉDGE CASES"]}]}"#, true),
        (#"{"id": null, "session_id": null, "topic": {"a": [1, "]"]}, "analyses": null}"#, true),
        (#"  {"analyses": [], "x": "tab\there"}  "#, true),
        (#"{"id": "tab\#tin id", "analyses": [{"clarity_score": 0.2, "confidence_score": 0.4, "other": {"k": [true, false, null]}, "knowledge_gaps": ["a\#tb", "a b", "x\#u{01}"]}, {"clarity_score": 0.6, "confidence_score": 0.8, "knowledge_gaps": ["A B"]}, {"clarity_score": 0.9, "confidence_score": 0.9}]}"#, true),
        (#"{"id": "many", "analyses": [\#((1...12).map { #"{"clarity_score": 0.\#($0), "confidence_score": 0.5, "knowledge_gaps": ["g\#($0 % 3)"], "unexplained_jargon": ["j\#($0 % 7)", "k\#($0 % 2)"]}"# }.joined(separator: ","))]}"#, true),
        (#"{"id": "n", "analyses": [{"clarity_score": 0.10, "confidence_score": 0.05}, {"clarity_score": 1, "confidence_score": 0}, {"clarity_score": 1.0, "confidence_score": 0.0}, {"clarity_score": 0.30000000000000004, "confidence_score": 5e-1}]}"#, true),
        (#"{"id": "esc\"aped", "analyses": []}"#, false),
        (#"{"id": "a", "analyses": [{"clarity_score": 0.5, "confidence_score": 0.5, "knowledge_gaps": ["line\nbreak"]}]}"#, false),
        (#"{"id": "a", "id": "b", "analyses": []}"#, false),
        (#"{"id": 5, "analyses": []}"#, false),
        (#"{"analyses": [{"clarity_score": 85, "confidence_score": 0.5}]}"#, false),
        (#"{"analyses": [{"clarity_score": 0.5}]}"#, false),
        (#"{"analyses": [{"clarity_score": 0.5, "confidence_score": 0.5, "strengths": "yes"}]}"#, false),
        (#"{"analyses": [{"clarity_score": 0.5, "confidence_score": 0.5, "other": [1,,2]}]}"#, false),
        (#"{"analyses": {}}"#, false),
        (#"{"analyses": []} trailing"#, false),
        ("[1, 2]", false),
    ]

    @Test(arguments: records.indices) func inPlaceLineEqualsTheGeneralOne(_ i: Int) {
        let (text, fast) = Self.records[i]
        let bytes = Array(text.utf8)
        var scan = AnalyticsRecordScan()
        let taken = bytes.withUnsafeBufferPointer { scan.read($0) }
        #expect(taken == fast)

        var block = RecordBlock(file: "f.jsonl")
        block.append(RecordReader.Record(bytes: bytes, line: 7))
        let result = BatchAnalytics.analyse(block)
        switch BatchAnalytics.analyse(block.inputRecord(0)) {
        case .success(let line):
            #expect(String(decoding: result.output, as: UTF8.self) == line + "\n")
            #expect(result.messages.isEmpty)
        case .failure(let failure):
            #expect(result.output.isEmpty)
            #expect(result.messages == [failure.message])
        }
    }
}

@Suite struct ShortDecimalTests {
    /// The fast path must give strtod's double for every form it takes, and take no other form;
    /// a score text copied to the output must be what `AnalyticsJSON.number` would write.
    @Test func shortDecimalsParseAsStrtodDoes() {
        var rng = SystemRandomNumberGenerator()
        var texts = ["0", "-0", "1", "0.5", "-0.0", "0.125", "1.0", "123456789012345", "0.00000000000001", "0.1", "0.7", "0.3"]
        for _ in 0..<20_000 {
            let whole = String(UInt64.random(in: 0..<1_000, using: &rng))
            let fraction = String(UInt64.random(in: 0..<1_000_000_000_000, using: &rng))
            texts.append(whole + "." + String(fraction.prefix(Int.random(in: 1...12, using: &rng))))
            texts.append("0." + String(fraction.prefix(Int.random(in: 1...12, using: &rng))))
        }
        for text in texts {
            let fast = Array(text.utf8).withUnsafeBufferPointer { JSONScanner.shortDecimal($0) }
            #expect(fast?.bitPattern == Double(text)?.bitPattern, "\(text)")
        }
        for text in texts where !text.hasPrefix("-") {
            let taken = Array(text.utf8).withUnsafeBufferPointer { AnalyticsRecordScan.isRepr($0) }
            if taken { #expect(AnalyticsJSON.number(Double(text)!) == text, "copied, but repr differs: \(text)") }
        }
        for text in ["1e5", ".5", "1.", "+1", "0.1234567890123456", "1..2", "-", ""] {
            #expect(Array(text.utf8).withUnsafeBufferPointer { JSONScanner.shortDecimal($0) } == nil, "\(text)")
        }
    }
}
