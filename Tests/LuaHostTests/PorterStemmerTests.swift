import Foundation
import Testing
@testable import LuaHost

@Suite struct PorterStemmerTests {
    /// Fixtures/porter.tsv: about 12,000 SCOWL words and their stems from
    /// Snowball's reference `porter` algorithm (PyPI snowballstemmer).
    @Test func matchesSnowballsPorterOnTheReferenceList() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/porter.tsv")
        var total = 0
        var mismatches: [String] = []
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            try #require(fields.count == 2, "bad fixture line: \(line)")
            total += 1
            let stem = PorterStemmer.stem(String(fields[0]))
            if stem != fields[1] { mismatches.append("\(fields[0]) → \(stem), expected \(fields[1])") }
        }
        #expect(total > 10_000)
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.prefix(5).joined(separator: "; "))")
    }

    @Test(arguments: [
        ("caresses", "caress"), ("ponies", "poni"), ("agreed", "agre"), ("hopping", "hop"),
        ("filing", "file"), ("happy", "happi"), ("sky", "sky"), ("relational", "relat"),
        ("generalizations", "gener"), ("oscillators", "oscil"), ("controll", "control"), ("say", "sai"),
    ])
    func examplesFromPortersPaper(word: String, stem: String) {
        #expect(PorterStemmer.stem(word) == stem)
    }

    @Test func inputIsLowerCasedAndVeryShortWordsAreKept() {
        #expect(PorterStemmer.stem("Running") == "run")
        #expect(PorterStemmer.stem("IS") == "is")
        #expect(PorterStemmer.stem("as") == "as")
        #expect(PorterStemmer.stem("a") == "a")
        #expect(PorterStemmer.stem("") == "")
    }

    @Test func wordsWithNonASCIILettersAreOnlyLowerCased() {
        #expect(PorterStemmer.stem("ÉCOLES") == "écoles")
        #expect(PorterStemmer.stem("naïveness") == "naïveness")
    }
}
