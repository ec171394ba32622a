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

    /// A built-in root without its word list: scripts that ask about common words fail, naming
    /// the file, rather than count every word as uncommon; the others run.
    @Test func aMissingWordListFailsTheScriptsThatUseIt() async throws {
        let root = try ScriptFixtures([
            "plugins/asks.lua": "teachback.heuristic { name = 'asks', analyze = function(t) return { clarity_score = teachback.is_common('the') and 1 or 0 } end }",
            "plugins/fine.lua": "teachback.heuristic { name = 'fine', analyze = function() return { clarity_score = 0.5 } end }",
        ])
        let host = try LuaScriptHost(paths: ScriptPaths(builtinRoot: root.dir, userConfig: nil))
        let report = await host.analyze("text", context: ScriptFixtures.context())
        #expect(report.results.map(\.name) == ["fine"])
        let message = try #require(report.problems.first?.message)
        #expect(message.contains("asks.lua:1: teachback.is_common: no common-word list: cannot read \(root.dir)/plugins/data/common-words.txt"), "\(message)")
        #expect(await host.commonWordCount == 0)
        #expect(try await ScriptFixtures.builtinHost().commonWordCount > 50_000)
    }
}
