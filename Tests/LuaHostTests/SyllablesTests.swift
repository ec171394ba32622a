import Foundation
import Testing
@testable import LuaHost

@Suite struct SyllablesTests {
    @Test func fleschKincaidTestSentenceHas13WordsAnd24Syllables() {
        let words = Tokenizer.words(in: "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.")
        #expect(words.count == 13)
        #expect(words.map(Syllables.count).reduce(0, +) == 24)
    }

    @Test(arguments: [
        ("the", 1), ("table", 2), ("make", 1), ("makes", 1), ("walked", 1), ("wanted", 2),
        ("boxes", 2), ("places", 2), ("idea", 3), ("area", 3), ("create", 2), ("creature", 2),
        ("being", 2), ("reaction", 3), ("nation", 2), ("social", 2), ("actual", 3), ("rhythm", 2),
        ("tourism", 3), ("happy", 2), ("player", 2), ("queue", 1), ("league", 1), ("safely", 2),
        ("something", 2), ("readability", 5), ("beautiful", 3),
    ])
    func commonWords(word: String, syllables: Int) {
        #expect(Syllables.count(word) == syllables)
    }

    @Test(arguments: [
        ("didn't", 2), ("don't", 1), ("we're", 1), ("boss's", 2), ("well-known", 2),
        ("café", 2), ("naïve", 2), ("CAFÉ", 2), ("hmm", 1), ("x", 1), ("東京", 1),
    ])
    func contractionsCompoundsAccentsAndOddities(word: String, syllables: Int) {
        #expect(Syllables.count(word) == syllables)
    }

    @Test func somethingWithoutLettersHasNoSyllables() {
        #expect(Syllables.count("") == 0)
        #expect(Syllables.count("123") == 0)
        #expect(Syllables.count("--") == 0)
    }

    /// Agreement with CMUdict on 2,000 common words; 98.6% when the fixture was made.
    @Test func agreesWithAPronouncingDictionaryOnCommonWords() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/syllables.tsv")
        var total = 0
        var misses: [String] = []
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
            let fields = line.split(separator: "\t")
            let expected = try #require(fields.count == 2 ? Int(fields[1]) : nil, "bad fixture line: \(line)")
            total += 1
            let got = Syllables.count(String(fields[0]))
            if got != expected { misses.append("\(fields[0]) \(got) (CMUdict \(expected))") }
        }
        let agreement = Double(total - misses.count) / Double(max(total, 1))
        #expect(total >= 2_000)
        #expect(agreement >= 0.97, "agreement \(agreement); misses include \(misses.prefix(10).joined(separator: ", "))")
    }
}
