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
}
