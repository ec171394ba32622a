import Foundation
import Testing
@testable import Claude

/// Replays the SSE fuzz corpus and every input the fuzzer ever crashed on (Fuzz/regressions/sse).
@Suite struct SSEFuzzRegressionTests {
    static func inputs(_ target: String) -> [URL] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return ["corpus", "regressions"].flatMap { folder -> [URL] in
            let dir = root.appendingPathComponent("Fuzz/\(folder)/\(target)")
            return ((try? FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)) ?? [])
                .filter { !$0.lastPathComponent.hasPrefix(".") }
        }
    }

    @Test func everyKeptInputDecodesTheSameWhateverTheSplit() throws {
        let files = Self.inputs("sse")
        #expect(!files.isEmpty)
        for file in files {
            let bytes = Array(try Data(contentsOf: file))
            var whole = SSEDecoder()
            let expected = whole.feed(bytes) + whole.finish()
            for cut in 0...bytes.count {
                var split = SSEDecoder()
                #expect(split.feed(bytes[..<cut]) + split.feed(bytes[cut...]) + split.finish() == expected, "\(file.lastPathComponent) cut at \(cut)")
            }
        }
    }
}
