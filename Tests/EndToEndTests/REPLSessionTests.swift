import Foundation
import Testing

/// The real binary, end to end: through a pseudo-terminal as a person uses it, and through a pipe.
@Suite(.serialized) struct REPLSessionTests {
    @Test func aSessionThroughAPseudoTerminal() throws {
        let home = try Binary.sandbox()
        let term = try Terminal([], home: home, extra: ["NO_COLOR": "1"])
        var at = term.expect("teachback[socratic]> ")
        term.type(":teach recursion\r")
        at = term.expect("recursion", after: at)
        at = term.expect("teachback[socratic · recursion]> ", after: at)
        term.type("Recursion is when a function calls itself on a smaller input until it reaches a stopping point.\r")
        at = term.expect("student› ", after: at)
        at = term.expect("clarity ", after: at)
        at = term.expect("offline", after: at)
        term.type(":mode five-year-old\r")
        at = term.expect("teachback[five-year-old · recursion]> ", after: at)
        term.type("The call stack keeps a stack frame for every call, like plates piled up.\r")
        at = term.expect("student› ", after: at)
        at = term.expect("teachback[five-year-old · recursion]> ", after: at)
        term.type("\u{03}")
        at = term.expect("Use Ctrl-D or :quit to exit.", after: at)
        term.type(":st\r")
        at = term.expect("recursion · five-year-old · 2 turns", after: at)
        at = term.expect("clarity ", after: at)
        term.type(":nonsense\r")
        at = term.expect("unknown command :nonsense", after: at)
        term.type(":quit\r")
        #expect(term.waitForExit() == 0)
        let history = home + "/state/teachback/history"
        let attributes = try FileManager.default.attributesOfItem(atPath: history)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try String(contentsOfFile: history, encoding: .utf8).contains(":teach recursion"))
    }

    @Test func ctrlDOnAnEmptyLineQuitsAndTabCompletes() throws {
        let home = try Binary.sandbox()
        let term = try Terminal([], home: home, extra: ["NO_COLOR": "1"])
        var at = term.expect("teachback[socratic]> ")
        term.type(":te\t")
        at = term.expect("ach ", after: at)
        term.type("\u{15}")            // Ctrl-U clears the line
        term.type(":mode fi\t")
        at = term.expect("ve-year-old", after: at)
        term.type("\r")
        at = term.expect("teachback[five-year-old]> ", after: at)
        term.type("\u{04}")
        #expect(term.waitForExit() == 0)
    }

    @Test func aSessionThroughAPipe() throws {
        let home = try Binary.sandbox()
        let input = """
        :teach binary search
        Binary search halves a sorted array each step, comparing the middle element with the target.
        \"\"\"
        For example, to find 7 in [1, 3, 5, 7, 9] you look at 5 first,
        then search the right half.
        \"\"\"
        :mode anxious
        It stops when the range is empty.
        :stats
        :history
        :bogus
        :quit
        """
        let result = try Binary.run([], input: input, home: home)
        #expect(result.status == 1, ":bogus failed, and a piped run says so in its exit code")
        #expect(result.stdout.components(separatedBy: "student› ").count - 1 == 4, "greeting and three questions")
        #expect(result.stdout.contains("binary search · anxious · 3 turns"))
        #expect(result.stdout.contains("[2] you (socratic):\n    For example, to find 7"))
        #expect(!result.stdout.contains("\u{1B}["), "no colour on a pipe")
        #expect(result.stderr.contains("unknown command :bogus"))
        #expect(!result.stdout.contains("unknown command"), "errors go to stderr")
    }

    @Test func explainingBeforeTeachingAndBadCommandsNeverEndTheSession() throws {
        let home = try Binary.sandbox()
        let result = try Binary.run([], input: "hello there\n:teach\n:mode nobody\n:mo\n:teach tcp handshake\nSYN then ACK.\n", home: home)
        #expect(result.status == 1, "the session went on to the end; the exit code says commands failed")
        #expect(result.stderr.contains("no session yet: start one with :teach TOPIC"))
        #expect(result.stderr.contains("usage: :teach TOPIC"))
        #expect(result.stderr.contains("no persona named 'nobody'"))
        #expect(result.stderr.contains(":mo is ambiguous: :mode, :modes"))
        #expect(result.stdout.components(separatedBy: "student› ").count - 1 == 2)
    }
}
