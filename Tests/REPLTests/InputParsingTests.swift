import Testing
@testable import REPL

@Suite struct InputParsingTests {
    @Test func commandsExplanationsAndTheDoubleColonEscape() {
        #expect(ParsedInput.parse(":teach binary search") == .command(name: "teach", args: "binary search"))
        #expect(ParsedInput.parse("  :ST  ") == .command(name: "st", args: ""))
        #expect(ParsedInput.parse("Recursion is a function calling itself.") == .explanation("Recursion is a function calling itself."))
        #expect(ParsedInput.parse("::) is a smiley") == .explanation(":) is a smiley"))
        #expect(ParsedInput.parse("   ") == .empty)
        #expect(ParsedInput.parse(":") == .command(name: "", args: ""))
    }

    @Test func uniquePrefixesResolveAndExactNamesWin() {
        let names = ["teach", "mode", "modes", "stats", "sessions", "help", "quit"]
        #expect(CommandMatch.resolve("st", among: names) == .found("stats"))
        #expect(CommandMatch.resolve("mode", among: names) == .found("mode"))
        #expect(CommandMatch.resolve("modes", among: names) == .found("modes"))
        #expect(CommandMatch.resolve("s", among: names) == .ambiguous(["sessions", "stats"]))
        #expect(CommandMatch.resolve("xyz", among: names) == .unknown)
        #expect(CommandMatch.resolve("", among: names) == .unknown)
    }

    @Test func tripleQuoteBlocksAndTrailingBackslashesJoinLines() {
        var a = InputAssembler()
        #expect(a.feed("\"\"\"") == nil)
        #expect(a.isPending)
        #expect(a.feed("First paragraph.") == nil)
        #expect(a.feed(":not a command inside a block") == nil)
        #expect(a.feed("  \"\"\"  ") == "First paragraph.\n:not a command inside a block")
        #expect(!a.isPending)
        #expect(a.feed("one \\") == nil)
        #expect(a.feed("two\\") == nil)
        #expect(a.feed("three") == "one \ntwo\nthree")
        #expect(a.feed("single") == "single")
        _ = a.feed("\"\"\"")
        a.reset()
        #expect(!a.isPending)
        #expect(a.feed("after reset") == "after reset")
    }
}

@Suite struct CompletionTests {
    let completer = Completer(commands: ["teach", "mode", "modes", "stats", "help", "parallel"],
                              modes: ["socratic", "contrarian", "five-year-old", "anxious"],
                              topics: ["recursion", "binary search"], sessionIDs: ["3fa2", "3fb9"])

    @Test func commandNamesAndTheirArguments() {
        #expect(completer.candidates(for: ":st").matches == ["stats"])
        #expect(completer.candidates(for: ":mo").matches == ["mode", "modes"])
        #expect(completer.candidates(for: ":mode co").matches == ["contrarian"])
        #expect(completer.candidates(for: ":mo f").matches == [], ":mo is ambiguous, so no argument completes")
        #expect(completer.candidates(for: ":teach b") == ("b", ["binary search"]))
        #expect(completer.candidates(for: ":help te").matches == ["teach"])
        #expect(completer.candidates(for: ":parallel o").matches == ["off", "on"])
        #expect(completer.candidates(for: "plain text").matches.isEmpty)
        #expect(Completer.commonPrefix(["3fa2", "3fb9"]) == "3f")
    }
}

@Suite struct SanitizerTests {
    @Test func terminalControlSequencesNeverSurvive() {
        let hostile = "ok\u{1B}[2J\u{1B}[31mred\u{1B}]0;pwned\u{07}\u{1B}]2;title\u{1B}\\ end\u{9B}31m\u{0}\u{8}\r\n\ttab"
        let clean = Sanitizer.clean(hostile)
        #expect(clean == "okred end\n\ttab")
        #expect(!clean.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B || $0.value < 0x09 })
    }

    @Test func plainTextIsUntouched() {
        let text = "Naïve café — 100% “quoted” 日本語\nline two"
        #expect(Sanitizer.clean(text) == text)
    }
}
