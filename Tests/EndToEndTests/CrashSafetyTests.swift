import Foundation
import Testing

/// `kill -9` at random moments of a 100-turn session: the database stays consistent and holds
/// every turn whose answer was printed. (Locks held by other processes: `NothingLostTests`.)
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
}
