import Foundation
import Testing

/// `kill -9` at random moments of a 100-turn session: the database stays consistent and holds
/// every turn whose answer was printed. A database locked by another process costs a warning,
/// not the session.
@Suite(.serialized) struct CrashSafetyTests {
    /// Killed once `answers` answers have printed (0: as soon as the greeting shows), plus a
    /// random extra 0–20 ms so the kill lands anywhere in the following turn.
    @Test(arguments: [0, 7, 31, 64])
    func killDashNineMidSessionLosesNoAnsweredTurn(afterAnswers answers: Int) throws {
        let home = try Binary.sandbox()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.environment = Binary.environment(home: home)
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        let printed = Locked("")
        let reader = Thread {
            while true {
                let data = stdout.fileHandleForReading.availableData
                if data.isEmpty { break }
                printed.update { $0 += String(decoding: data, as: UTF8.self) }
            }
        }
        reader.start()
        var lines = ":teach recursion\n"
        for n in 1...100 { lines += "Turn \(n): a function calls itself on a smaller input until the base case stops it.\n" }
        stdin.fileHandleForWriting.write(Data(lines.utf8))
        let deadline = Date().addingTimeInterval(30)
        func count() -> Int { printed.get().components(separatedBy: "\nclarity ").count - 1 }
        while (answers == 0 ? !printed.get().contains("student› ") : count() < answers), Date() < deadline { usleep(1000) }
        usleep(UInt32.random(in: 0...20_000))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        while !reader.isFinished { usleep(1000) }
        let answered = count()

        let doctor = try Binary.run(["doctor"], home: home)
        #expect(doctor.stdout.contains("integrity ok"), "\(doctor.stdout)")
        let export = try Binary.run(["export", "--format", "json"], home: home)
        let saved = export.stdout.components(separatedBy: "\"explanation\" : \"Turn ").count - 1
        #expect(saved >= answered, "printed \(answered) answers but saved \(saved) turns")
        #expect(answered >= answers, "killed after \(answered) answers")
    }

    @Test func aDatabaseLockedByAnotherProcessCostsAWarningNotTheSession() throws {
        let home = try Binary.sandbox()
        _ = try Binary.run([], input: ":teach x\nFirst.\n", home: home)   // creates the database
        let db = home + "/data/teachback/teachback.sqlite"
        let locker = Process()
        locker.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        locker.arguments = [db]
        let lockerInput = Pipe()
        locker.standardInput = lockerInput
        locker.standardOutput = FileHandle.nullDevice
        try locker.run()
        defer { locker.terminate() }
        lockerInput.fileHandleForWriting.write(Data("BEGIN EXCLUSIVE;\nINSERT INTO session VALUES ('lock', 't', 'm', 0, 0);\n".utf8))
        usleep(300_000)
        let result = try Binary.run([], input: ":teach y\nSecond.\n:stats\n", home: home)
        #expect(result.status == 0)
        // Whether the lock is met opening the file or saving the turn, it is said once.
        let warnings = result.stderr.split(separator: "\n").filter { $0.contains("database is locked") }
        #expect(warnings.count == 1, "\(result.stderr)")
        #expect(result.stdout.contains("y · socratic · 1 turn"), "the session goes on in memory")
    }
}
