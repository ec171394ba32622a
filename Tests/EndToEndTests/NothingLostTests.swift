import Foundation
import Testing

/// Nothing typed is lost when the database is busy, locked, full or being created by several
/// processes at once, or when the session is ended by a signal: every turn is saved, or written
/// to a rescue file that `teachback import` merges back.
@Suite(.serialized) struct NothingLostTests {
    /// Every explanation saved in the database at `home`, as `export --all` reads it back.
    static func saved(home: String, extra: [String: String] = [:]) throws -> [String] {
        let export = try Binary.run(["export", "--all", "--format", "jsonl"], home: home, extra: extra)
        return try export.stdout.split(separator: "\n").flatMap { line -> [String] in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return (object?["turns"] as? [[String: Any]] ?? []).compactMap { $0["explanation"] as? String }
        }
    }

    /// The rescue file a run's warning names.
    static func rescueFile(in stderr: String) -> String? {
        guard let range = stderr.range(of: #"they are in (\S+\.jsonl)"#, options: .regularExpression) else { return nil }
        return String(stderr[range].dropFirst("they are in ".count))
    }

    static func explanations(_ who: String, count: Int) -> [String] {
        (1...count).map { "\(who) turn \($0): a function calls itself on a smaller input until the base case stops it." }
    }

    @Test func fourREPLsAndAnImportOnOneNewDatabaseSaveEveryTurnOnce() throws {
        // The file to import: a session recorded elsewhere, exported.
        let elsewhere = try Binary.sandbox()
        let imported = Self.explanations("import", count: 3)
        _ = try Binary.run(["--offline"], input: ":teach stacks\n" + imported.joined(separator: "\n") + "\n", home: elsewhere)
        let export = try Binary.run(["export", "--format", "jsonl"], home: elsewhere).stdout
        for trial in 1...20 {
            let home = try Binary.sandbox()
            let importFile = home + "/import.jsonl"
            try export.write(toFile: importFile, atomically: true, encoding: .utf8)
            var runs: [Running] = []
            var typed: [String] = imported
            for p in 1...4 {
                let lines = Self.explanations("repl \(p)", count: 5)
                typed += lines
                let run = try Running(["--offline"], home: home)
                run.type(":teach recursion\n" + lines.joined(separator: "\n") + "\n:quit\n")
                run.closeInput()
                runs.append(run)
            }
            runs.append(try Running(["import", importFile], home: home))
            for run in runs {
                let result = run.finish()
                #expect(result.status == 0, "trial \(trial): \(result.stderr)")
                #expect(!result.stderr.contains("warning"), "trial \(trial): \(result.stderr)")
            }
            let saved = try Self.saved(home: home)
            #expect(saved.sorted() == typed.sorted(), "trial \(trial): every turn saved, none twice")
        }
    }

    /// Another client holds the write lock (`BEGIN IMMEDIATE`) for `seconds`, then commits.
    static func holdLock(on db: String, for seconds: Double) throws -> Process {
        let locker = Process()
        locker.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        locker.arguments = [db]
        let input = Pipe()
        locker.standardInput = input
        locker.standardOutput = FileHandle.nullDevice
        try locker.run()
        input.fileHandleForWriting.write(Data("BEGIN IMMEDIATE;\nINSERT INTO reviewItem VALUES ('lock', 2.5, 1, 1, 0, NULL);\n".utf8))
        Thread.detachNewThread {
            usleep(UInt32(seconds * 1_000_000))
            input.fileHandleForWriting.write(Data("COMMIT;\n".utf8))
            try? input.fileHandleForWriting.close()
        }
        usleep(300_000)
        return locker
    }

    @Test func aLockHeldForThreeSecondsDelaysTheSessionButLosesNothing() throws {
        let home = try Binary.sandbox()
        _ = try Binary.run(["--offline"], input: ":teach x\nFirst.\n", home: home)   // creates the database
        let locker = try Self.holdLock(on: home + "/data/teachback/teachback.sqlite", for: 3)
        let result = try Binary.run(["--offline"], input: ":teach y\nSecond.\nThird.\n", home: home)
        locker.waitUntilExit()
        #expect(result.status == 0)
        #expect(!result.stderr.contains("locked"), "\(result.stderr)")
        #expect(try Self.saved(home: home).sorted() == ["First.", "Second.", "Third."])
    }

    @Test func aLockOutlastingTheBusyTimeoutEndsInARescueFileThatImportsBack() throws {
        let home = try Binary.sandbox()
        try FileManager.default.createDirectory(atPath: home + "/config/teachback", withIntermediateDirectories: true)
        try "teachback.config { busy_timeout = 0.5 }\n".write(toFile: home + "/config/teachback/init.lua", atomically: true, encoding: .utf8)
        _ = try Binary.run(["--offline"], input: ":teach x\nFirst.\n", home: home)
        let locker = try Self.holdLock(on: home + "/data/teachback/teachback.sqlite", for: 4)
        let result = try Binary.run(["--offline"], input: ":teach y\nSecond.\nThird.\n", home: home)
        #expect(result.status == 1, "turns had to be rescued")
        #expect(result.stderr.contains("2 turns could not be saved to the database"), "\(result.stderr)")
        let rescue = try #require(Self.rescueFile(in: result.stderr))
        #expect(rescue.hasPrefix(home + "/state/teachback/rescue/"))
        locker.waitUntilExit()
        for _ in 1...2 {   // importing twice changes nothing
            let imported = try Binary.run(["import", rescue], home: home)
            #expect(imported.status == 0, "\(imported.stderr)")
            #expect(try Self.saved(home: home).sorted() == ["First.", "Second.", "Third."])
        }
    }

    /// Mounting a tmpfs needs root (CI runs as root); elsewhere the full-disk test is skipped.
    static let canMount: Bool = {
        let dir = NSTemporaryDirectory() + "tb-mount-probe-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        guard shell("mount -t tmpfs -o size=64k tmpfs '\(dir)'") == 0 else { return false }
        return shell("umount '\(dir)'") == 0
    }()

    @discardableResult
    static func shell(_ command: String) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command + " 2>/dev/null"]
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test(.enabled(if: canMount, "needs root to mount a 600 KB tmpfs as a full disk"))
    func aFullDiskKeepsEveryTurnSavedOrRescuedAndSaysSoAtQuit() throws {
        let home = try Binary.sandbox()
        let data = home + "/data"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        #expect(Self.shell("mount -t tmpfs -o size=600k tmpfs '\(data)'") == 0)
        defer { Self.shell("umount '\(data)'") }
        let typed = Self.explanations("full disk", count: 400)
        let result = try Binary.run(["--offline"], input: ":teach recursion\n" + typed.joined(separator: "\n") + "\n:quit\n", home: home)
        #expect(result.status == 1)
        #expect(result.stderr.components(separatedBy: "could not save turn").count == 2, "one warning as the queue starts")
        let rescue = try #require(Self.rescueFile(in: result.stderr), "told at quit: \(result.stderr)")
        let saved = try Self.saved(home: home)
        #expect(saved.count < typed.count, "the disk did fill up")
        #expect(result.stderr.contains("\(typed.count - saved.count) turns could not be saved"))
        #expect(Self.shell("mount -o remount,size=20m '\(data)'") == 0)
        let imported = try Binary.run(["import", rescue], home: home)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try Self.saved(home: home) == typed, "every turn typed, in order, once")
    }

    @Test func sigtermEndsTheSessionAsQuitDoes() throws {
        let home = try Binary.sandbox()
        let term = try Terminal([], home: home, extra: ["NO_COLOR": "1"])
        term.teachOneTurn(topic: "tcp handshake", explanation: "The client sends SYN, the server answers SYN-ACK, the client sends ACK.")
        kill(term.process.processIdentifier, SIGTERM)
        #expect(term.waitForExit() == 0)
        #expect(term.transcript.contains("terminated: ending the session"))
        // As at :quit, the session counted as a review of its topic.
        #expect(try Binary.run(["review"], home: home).stdout.contains("tcp handshake"))
    }

    @Test(arguments: [SIGHUP, SIGTERM])
    func aSignalWithTurnsUnsavedWritesThemToARescueFile(signal: Int32) throws {
        let home = try Binary.sandbox()
        let run = try Running(["--offline", "--db", "/proc/no/such.sqlite"], home: home)
        run.type(":teach recursion\nIt calls itself.\nUntil the base case.\n")
        #expect(run.waitForOutput("clarity ", count: 2))
        kill(run.process.processIdentifier, signal)
        let result = run.finish()
        #expect(result.status == 1)
        let rescue = try #require(Self.rescueFile(in: result.stderr), "\(result.stderr)")
        #expect(try Binary.run(["import", rescue], home: home).status == 0)
        #expect(try Self.saved(home: home) == ["It calls itself.", "Until the base case."])
    }

    @Test func askRescuesItsTurnWhenTheDatabaseIsUnusable() throws {
        let home = try Binary.sandbox()
        let result = try Binary.run(["ask", "--offline", "--topic", "recursion", "--db", "/proc/no/such.sqlite"],
                                    input: "A function that calls itself.", home: home)
        #expect(result.status == 1)
        #expect(!result.stdout.isEmpty, "the question is still printed")
        let rescue = try #require(Self.rescueFile(in: result.stderr), "\(result.stderr)")
        #expect(try Binary.run(["import", rescue], home: home).status == 0)
        #expect(try Self.saved(home: home) == ["A function that calls itself."])
    }

    @Test func thePromptCountsUnsavedTurns() throws {
        let home = try Binary.sandbox()
        let term = try Terminal(["--offline", "--db", "/proc/no/such.sqlite"], home: home, extra: ["NO_COLOR": "1"])
        var at = term.expect("teachback[socratic]> ")
        term.type(":teach tcp\r")
        at = term.expect("tcp]> ", after: at)
        term.type("The client sends SYN.\r")
        at = term.expect("[unsaved: 1]> ", after: at)
        term.type("The server answers SYN-ACK.\r")
        at = term.expect("[unsaved: 2]> ", after: at)
        term.type(":quit\r")
        term.expect("2 turns could not be saved", after: at)
        #expect(term.waitForExit() == 1)
    }
}
