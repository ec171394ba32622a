import Foundation
import Testing
@testable import LuaHost

@Suite struct WordListTests {
    @Test func lookupsIgnoreCaseAndTheKindOfApostrophe() {
        let list = WordList(words: ["Teacher", "don’t", "it's"])
        #expect(list.contains("teacher"))
        #expect(list.contains("TEACHER"))
        #expect(list.contains("don't"))
        #expect(list.contains("It’s"))
        #expect(!list.contains("teachers"))
        #expect(!list.contains(""))
    }

    @Test func aPossessiveOfAListedWordIsAccepted() {
        let list = WordList(words: ["teacher"])
        #expect(list.contains("teacher's"))
        #expect(list.contains("Teacher’s"))
        #expect(!list.contains("teachers's"))
        #expect(!list.contains("'s"))
    }

    @Test func countIsOfDistinctNonBlankWords() {
        let list = WordList(words: ["the", "The", " the ", "", "  ", "a"])
        #expect(list.count == 2)
        #expect(WordList(words: [String]()).count == 0)
    }

    @Test func readsAFileWithOneWordALine() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("words-\(UUID().uuidString).txt").path
        try "alpha\r\nBeta\n\n  gamma  \nalpha\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let list = try WordList(contentsOf: path)
        #expect(list.count == 3)
        #expect(list.contains("beta"))
        #expect(list.contains("Gamma's"))
        #expect(!list.contains("delta"))
    }

    @Test func aMissingFileThrows() {
        #expect(throws: (any Error).self) { try WordList(contentsOf: "/nonexistent/teachback-words.txt") }
    }

    /// The shipped list is used as mapped from its file, bisected on its bytes: every word in it
    /// is found, and near misses (prefixes, extensions, neighbours) are not, exactly as in a list
    /// built word by word in memory.
    @Test func theMappedShippedListFindsWhatAListBuiltInMemoryFinds() throws {
        let path = ScriptFixtures.repositoryRoot + "/plugins/data/common-words.txt"
        let mapped = try WordList(contentsOf: path)
        let words = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        let built = WordList(words: words)
        #expect(mapped.count == words.count && built.count == words.count)
        #expect(words.allSatisfy { mapped.contains(String($0)) })
        var probes: [String] = ["", "a", "zzzz", "~", "aardvar"]
        for word in words.prefix(3_000).map(String.init) {
            probes += [String(word.dropLast()), word + "x", word + "'s", word + "zz", "-" + word]
        }
        let differing = probes.filter { mapped.contains($0) != built.contains($0) }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
        #expect(!mapped.contains("zzzz") && mapped.contains("Aardvark's"))
    }
}
