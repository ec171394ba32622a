import Foundation
import Testing

/// Bad input never ends the session, never reaches the terminal raw, and loses nothing.
@Suite struct BadInputTests {
    func run(_ input: [UInt8], home: String, extra: [String: String] = [:]) throws -> Binary.Result {
        try Binary.run([], input: String(decoding: input, as: UTF8.self), home: home, extra: extra)
    }

    @Test func aMegabytePasteInvalidUTF8NULsAndEscapesAreHandled() throws {
        let home = try Binary.sandbox()
        var input = Array(":teach recursion\n".utf8)
        input += Array(String(repeating: "Recursion calls itself on a smaller input. ", count: 24_000).utf8) + [0x0A]   // ~1 MB
        input += Array("Bad bytes \u{FFFD}".utf8) + [0xFF, 0xFE, 0x00, 0x41] + Array(" and NULs.\n".utf8)
        input += Array("Escapes \u{1B}]0;pwned\u{07}\u{1B}[2J\u{1B}[31mred here.\n".utf8)
        input += Array(":history\n:stats\n".utf8)
        let result = try run(input, home: home)
        #expect(result.status == 0)
        #expect(result.stdout.contains("recursion · socratic · 3 turns"))
        #expect(!result.stdout.contains("\u{1B}"), "no escape sequence reaches the terminal")
        #expect(!result.stdout.unicodeScalars.contains { $0.value == 0 })
        #expect(result.stdout.contains("Escapes red here."))
    }

    @Test func anUnwritableExportAndAFailingInitLuaAreReportedAndTheSessionGoesOn() throws {
        let home = try Binary.sandbox()
        try FileManager.default.createDirectory(atPath: home + "/config/teachback", withIntermediateDirectories: true)
        try "teachback.config { model = 42 }\nerror('boom')".write(toFile: home + "/config/teachback/init.lua", atomically: true, encoding: .utf8)
        let result = try Binary.run([], input: ":teach tides\nThe moon pulls water.\n:export /proc/nope/out.md\n:stats\n", home: home)
        #expect(result.status == 1, "the session went on; the exit code tells a script that a command failed")
        #expect(result.stderr.contains("init.lua:1: teachback.config: field 'model' must be a string, got number"))
        #expect(result.stderr.contains("cannot export to /proc/nope/out.md"))
        #expect(result.stdout.contains("tides · socratic · 1 turn"))
    }

    @Test func commandsWithBadArgumentsSayWhatIsWrong() throws {
        let home = try Binary.sandbox()
        let result = try Binary.run([], input: ":resume\n:resume 00000000\n:parallel sideways\n:help nonsense\n:\n:reload\n", home: home)
        #expect(result.status == 1, "the session went on; the exit code tells a script that commands failed")
        #expect(result.stderr.contains("usage: :resume ID"))
        #expect(result.stderr.contains("no saved session matches '00000000'"))
        #expect(result.stderr.contains("usage: :parallel on|off"))
        #expect(result.stderr.contains("no command :nonsense"))
        #expect(result.stderr.contains("unknown command :"))
        #expect(result.stderr.contains("reloaded"))
    }
}

@Suite struct EditCommandTests {
    @Test func editSendsWhatTheEditorSavedAndReportsAFailingEditor() throws {
        let home = try Binary.sandbox()
        let editor = home + "/editor.sh"
        try "#!/bin/sh\nprintf 'Written in the editor.\\nSecond paragraph.\\n' > \"$1\"\n".write(toFile: editor, atomically: true, encoding: .utf8)
        chmod(editor, 0o755)
        let result = try Binary.run([], input: ":teach tides\n:edit\n:history\n", home: home, extra: ["EDITOR": editor, "VISUAL": ""])
        #expect(result.status == 0)
        #expect(result.stdout.contains("    Written in the editor.\n    Second paragraph."))
        let failing = try Binary.run([], input: ":teach tides\n:edit\n", home: home, extra: ["EDITOR": "false"])
        #expect(failing.stderr.contains("the editor exited with status 1; nothing was sent"))
        // Neither set, on a terminal: vi, then nano, from PATH (here a folder holding only a
        // stand-in "nano"; the editor runs through /bin/sh).
        let bin = home + "/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try "#!/bin/sh\nprintf 'From the fallback editor.\\n' > \"$1\"\n".write(toFile: bin + "/nano", atomically: true, encoding: .utf8)
        chmod(bin + "/nano", 0o755)
        let term = try Terminal([], home: home, extra: ["EDITOR": "", "VISUAL": "", "PATH": bin, "NO_COLOR": "1"])
        var at = term.expect("teachback[socratic]> ")
        term.type(":teach tides\r")
        at = term.expect("tides]> ", after: at)
        term.type(":edit\r")
        at = term.expect("clarity ", after: at)
        term.type(":history\r")
        term.expect("From the fallback editor.", after: at)
        term.type(":quit\r")
        _ = term.waitForExit()
        // On a pipe no full-screen editor is started, though vi is on this PATH.
        let none = try Binary.run([], input: ":edit\n", home: home, extra: ["EDITOR": "", "VISUAL": ""])
        #expect(none.stderr.contains("no editor: set $VISUAL or $EDITOR"))
    }
}
