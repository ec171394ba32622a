import Foundation
import Testing

/// Sessions survive the process: a `kill -9` right after an answer prints loses nothing, and
/// `-c` / `:resume` take the session up again with its persona and history.
@Suite(.serialized) struct PersistenceTests {
    @Test func aTurnSurvivesKillDashNineRightAfterItsAnswerPrints() throws {
        let home = try Binary.sandbox()
        let term = try Terminal([], home: home, extra: ["NO_COLOR": "1"])
        var at = term.teachOneTurn(topic: "tcp handshake", explanation: "SYN goes first.")
        term.type(":mode anxious\r")
        at = term.expect("teachback[anxious · tcp handshake]> ", after: at)
        term.type("The client sends SYN, the server answers SYN-ACK, the client sends ACK.\r")
        at = term.expect("clarity ", after: at)
        kill(term.process.processIdentifier, SIGKILL)
        _ = term.waitForExit()

        let resumed = try Binary.run(["-c"], input: ":history\n:mode\n", home: home)
        #expect(resumed.status == 0)
        #expect(resumed.stdout.contains("The client sends SYN, the server answers SYN-ACK, the client sends ACK."))
        #expect(resumed.stdout.contains("mode: anxious"), "the persona comes back too")
        #expect(resumed.stderr.contains("resumed"))
    }

    @Test func resumeByPrefixAndAnUnusableDatabaseKeepsTheSessionInMemory() throws {
        let home = try Binary.sandbox()
        _ = try Binary.run([], input: ":teach photosynthesis\nPlants turn light into sugar.\n", home: home)
        let list = try Binary.run([], input: ":sessions\n", home: home)
        let id = try #require(list.stdout.split(separator: " ").first.map(String.init))
        #expect(list.stdout.contains("1 turn  socratic · photosynthesis"))
        let resumed = try Binary.run([], input: ":resume \(id.prefix(4))\nThey also need water.\n:stats\n", home: home)
        #expect(resumed.stdout.contains("photosynthesis · socratic · 2 turns"))

        let broken = try Binary.run(["--db", "/proc/no/such.sqlite"], input: ":teach x\nSome explanation.\n:stats\n:sessions\n", home: home)
        #expect(broken.status == 1, "its turn went to a rescue file")
        #expect(broken.stderr.components(separatedBy: "cannot use the database").count == 2, "said once")
        #expect(broken.stdout.contains("x · socratic · 1 turn"))
        #expect(broken.stderr.contains("sessions are not being saved"))
    }
}
