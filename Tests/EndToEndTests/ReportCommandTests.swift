import Foundation
import Testing

/// `teachback report` and `:report` on a real database and the built-in topic packs.
@Suite struct ReportCommandTests {
    @Test func reportOfEverythingATopicAndASessionFromTheREPLAndTheCommandLine() throws {
        let home = try Binary.sandbox()
        let file = home + "/session.html"
        let repl = try Binary.run(["--offline"], input: """
            :teach recursion
            Recursion is when a function calls itself on a smaller input, until the base case stops it.
            Each call waits on the call stack.
            :report \(file)
            :teach <script>alert('x')</script> & тема
            It is a thing.

            """, home: home)
        #expect(repl.status == 0)
        #expect(repl.stdout.contains(file + "\n"), "the path is printed")
        let session = try String(contentsOfFile: file, encoding: .utf8)
        #expect(session.contains("Turn 2 · you:</span> Each call waits on the call stack."))
        // The pack's concepts come from the Lua host: "call stack" is explained in turn 2.
        #expect(session.contains("<title id=\"t-concept-map-recursion"))
        #expect(session.contains("text-anchor=\"start\">call stack</text>") || session.contains("text-anchor=\"end\">call stack</text>"))
        #expect(session.contains("never covered"))

        let all = try Binary.run(["report", "-o", home + "/all.html"], home: home)
        #expect(all.status == 0)
        #expect(all.stderr.contains("wrote \(home)/all.html (2 sessions"))
        let everything = try String(contentsOfFile: home + "/all.html", encoding: .utf8)
        #expect(everything.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; тема"))
        #expect(!everything.contains("<script>"))
        #expect(everything.contains("<th scope=\"row\">recursion</th><td>"), "the review schedule from the finished session")

        let topic = try Binary.run(["report", "--topic", "Recursion"], home: home)
        #expect(topic.status == 0)
        #expect(topic.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(topic.stdout.contains("<title>teachback report: Recursion</title>"))
        #expect(!topic.stdout.contains("тема"))

        let missing = try Binary.run(["report", "--session", "nope"], home: home)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("error: no saved session matches 'nope'"))
        let both = try Binary.run(["report", "--topic", "a", "--session", "b"], home: home)
        #expect(both.status == 2)
    }

    /// A stand-in `xdg-open` first on PATH records what it was asked to open: on a terminal
    /// `:report` opens the file; on a pipe (scripts, tests) it never does.
    @Test func reportOpensTheFileOnlyOnATerminal() throws {
        let home = try Binary.sandbox()
        let bin = home + "/bin", opened = home + "/opened"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try "#!/bin/sh\necho \"$1\" >> \(opened)\n".write(toFile: bin + "/xdg-open", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin + "/xdg-open")
        let path = ["PATH": bin + ":/usr/bin:/bin"]

        let piped = try Binary.run(["--offline"], input: ":teach tides\nThe moon pulls the water.\n:report \(home)/piped.html\n", home: home, extra: path)
        #expect(piped.stdout.contains(home + "/piped.html"))
        #expect(FileManager.default.fileExists(atPath: home + "/piped.html"))

        let term = try Terminal(["--offline"], home: home, extra: path.merging(["NO_COLOR": "1"]) { $1 })
        let at = term.teachOneTurn(topic: "tides", explanation: "The moon pulls the water.")
        term.type(":report \(home)/terminal.html\r")
        term.expect(home + "/terminal.html", after: at)
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: opened), Date() < deadline { usleep(20_000) }
        term.type(":quit\r")
        _ = term.waitForExit()
        #expect(try String(contentsOfFile: opened, encoding: .utf8) == home + "/terminal.html\n", "opened once, the terminal's report only")
    }

    @Test func reportWithoutASession() throws {
        let home = try Binary.sandbox()
        let repl = try Binary.run(["--offline"], input: ":report\n", home: home)
        #expect(repl.stderr.contains("no session yet"))
        let empty = try Binary.run(["report"], home: home)
        #expect(empty.status == 0)
        #expect(empty.stdout.contains("No sessions yet."))
    }
}
