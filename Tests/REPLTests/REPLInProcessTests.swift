import Foundation
@testable import REPL
import TeachBack
import Testing

/// The REPL's commands run in process, as a router is tested without a socket: the real loop,
/// Lua host and database, input from a list, output captured.
@Suite struct REPLInProcessTests {
    @Test func modeSwitchesByNameAndPrefixAndKeepsTheHistory() async throws {
        let run = try await REPLRun.run([":teach recursion", "It calls itself.", ":mode anx", ":mode", "It stops at a base case.", ":history",
                                         ":mode five", ":mode c", ":mode zz"])
        #expect(run.code == 1, "':mode zz' failed")
        #expect(run.output.out.contains("now asking as anxious\nmode: anxious"), "a unique prefix names the persona")
        #expect(run.output.out.contains("now asking as five-year-old"))
        #expect(run.output.out.contains("now asking as contrarian"))
        #expect(run.output.err.contains("no persona named 'zz'"))
        let session = try #require(try await run.store.latestSession())
        #expect(session.turns.map(\.mode) == ["socratic", "anxious"])
        #expect(run.output.out.contains("It calls itself."), ":history shows the first turn")
    }

    @Test func unknownAndAmbiguousCommandsAreErrorsNotExplanations() async throws {
        let run = try await REPLRun.run([":teach x", ":frobnicate", ":s", ":teach", ":h"])
        #expect(run.output.out.contains(":history"), ":h is help, which lists the commands")
        #expect(run.output.err.contains("unknown command :frobnicate"))
        #expect(run.output.err.contains("ambiguous"))
        #expect(run.output.err.contains("usage: :teach TOPIC"))
        #expect(try await run.store.sessions(limit: 5).isEmpty, "nothing was sent as an explanation")
    }

    @Test func parallelTogglesAndSaysSo() async throws {
        let run = try await REPLRun.run([":parallel off", ":parallel", ":parallel on", ":parallel sideways"])
        #expect(run.output.out.contains("parallel: off"))
        #expect(run.output.out.contains("parallel: on"))
        #expect(run.output.err.contains("usage: :parallel on|off"))
    }

    @Test func aTripleQuotedBlockIsOneExplanation() async throws {
        let run = try await REPLRun.run([":teach recursion", "\"\"\"", "First line.", ":not a command", "\"\"\""])
        let turns = try #require(try await run.store.latestSession()).turns
        #expect(turns.map(\.explanation) == ["First line.\n:not a command"])
    }

    @Test func resumeTakesUpASavedSessionByPrefix() async throws {
        let first = try await REPLRun.run([":teach tcp", "SYN first."])
        let id = try #require(try await first.store.latestSession()).id
        let second = try await REPLRun.run([.line(":resume \(id.prefix(6))"), "Then SYN-ACK."], store: first.store)
        #expect(second.output.err.contains("resumed \(id.prefix(8))"))
        #expect(try await second.store.session(matching: id).turns.map(\.explanation) == ["SYN first.", "Then SYN-ACK."])
        let missing = try await REPLRun.run([":resume zzzz"], store: first.store)
        #expect(missing.output.err.contains("no saved session matches 'zzzz'"))
    }

    @Test func reloadPicksUpAScriptChangedDuringTheSession() async throws {
        let dir = NSTemporaryDirectory() + "tb-reload-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let file = dir + "/hello.lua"
        let version = { @Sendable (word: String) throws in
            try "teachback.command { name = \"hello\", run = function() return \"said \(word)\" end }"
                .write(toFile: file, atomically: true, encoding: .utf8)
        }
        try version("one")
        let run = try await REPLRun.run([":hello", .meanwhile { try version("two") }, ":hello", ":reload", ":hello"], pluginDirs: [dir])
        #expect(run.output.out.components(separatedBy: "said one").count == 3, "the old script until :reload")
        #expect(run.output.out.hasSuffix("said two\n"), "\(run.output.out)")
    }
}

@Suite struct PipedEndingTests {
    @Test func anUnclosedBlockAtTheEndIsSentWithAWarning() async throws {
        let run = try await REPLRun.run([":teach recursion", "\"\"\"", "It calls itself.", "Until the base case."])
        #expect(run.output.err.contains("the input ended inside a \"\"\" block"))
        #expect(try await run.store.latestSession()?.turns.map(\.explanation) == ["It calls itself.\nUntil the base case."])
        #expect(run.code == 0)
    }

    @Test func aPipedRunWithAFailedCommandExitsOne() async throws {
        #expect(try await REPLRun.run([":teach x", "Fine."]).code == 0)
        #expect(try await REPLRun.run([":teach x", ":nonsense", "Fine."]).code == 1)
        #expect(try await REPLRun.run([":mode pirate"]).code == 1)
    }
}

@Suite struct HistoryTests {
    @Test func aBlockIsOneHistoryEntry() async throws {
        let run = try await REPLRun.run([":teach recursion", "\"\"\"", "Line one.", "Line two.", "\"\"\"", "One \\", "line."])
        #expect(run.reader.remembered.withLock { $0 } == [":teach recursion", "Line one.\nLine two.", "One \nline."])
    }

    @Test func multiLineEntriesAndBackslashesSurviveTheHistoryFile() throws {
        let file = HistoryFile(path: NSTemporaryDirectory() + "tb-history-\(UUID().uuidString)/history")
        let entries = ["plain", "Line one.\nLine two.", #"a \n that is typed, and C:\path\"#]
        for entry in entries { file.append(entry) }
        #expect(file.load() == entries)
        let text = try String(contentsOfFile: file.path, encoding: .utf8)
        #expect(text.split(separator: "\n").count == 3, "one line per entry")
    }
}

@Suite struct RoughEdgeTests {
    @Test func aPluginCommandNamedLikeABuiltInIsReported() async throws {
        let dir = NSTemporaryDirectory() + "tb-shadow-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try #"teachback.command { name = "stats", run = function() return "mine" end }"#
            .write(toFile: dir + "/stats.lua", atomically: true, encoding: .utf8)
        let run = try await REPLRun.run([":reload"], pluginDirs: [dir])
        let warnings = run.output.err.components(separatedBy: "command :stats has the name of a built-in command and never runs")
        #expect(warnings.count == 3, "at the start and after :reload: \(run.output.err)")
    }

    @Test func pluginsListsAlignedColumnsAndNotesAreNotPrefixedTwice() async throws {
        let run = try await REPLRun.run([":plugins"])
        let lines = run.output.out.split(separator: "\n")
        let heuristics = lines.drop { !$0.hasPrefix("heuristics (") }.dropFirst().prefix { $0.hasPrefix("  ") }
        #expect(heuristics.count >= 5)
        // Where each description begins: after the two-space margin, the name and its padding.
        let starts = Set(heuristics.compactMap { row in row.firstMatch(of: /^  \S+ +/).map { $0.output.count } })
        #expect(starts.count == 1, "descriptions start in one column: \(heuristics)")
        let result = HeuristicResult(name: "coverage", notes: ["coverage: 2 of 7 concepts covered", "fine"])
        #expect(Views.notes(of: result) == "coverage: 2 of 7 concepts covered; fine")
    }
}
