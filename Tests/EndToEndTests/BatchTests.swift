import Foundation
import Testing

/// `teachback analytics` against the plain-Python reference of the same rules: byte-identical
/// output on thousands of varied synthetic sessions.
@Suite struct BatchTests {
    static let benchmarks = Binary.root.appendingPathComponent("Benchmarks").path

    static func python(_ arguments: [String], stdout: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        FileManager.default.createFile(atPath: stdout, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: stdout))
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func analyticsMatchesThePythonReferenceByteForByte() throws {
        let home = try Binary.sandbox()
        let sessions = home + "/sessions.jsonl", reference = home + "/reference.jsonl"
        #expect(try Self.python([Self.benchmarks + "/generate_sessions.py", "3000", "11"], stdout: sessions) == 0)
        #expect(try Self.python([Self.benchmarks + "/reference_analytics.py", sessions], stdout: reference) == 0)
        let ours = try Binary.run(["analytics", "--jobs", "2", sessions], home: home)
        #expect(ours.status == 0)
        let expected = try String(contentsOfFile: reference, encoding: .utf8)
        #expect(ours.stdout.split(separator: "\n").count == 3000)
        #expect(ours.stdout == expected)
    }

    @Test func aMalformedLineIsReportedAndTheExitCodeIsOne() throws {
        let home = try Binary.sandbox()
        let path = home + "/mixed.jsonl"
        try "{\"analyses\": []}\n{broken\n{\"analyses\": []}\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try Binary.run(["analytics", path], home: home)
        #expect(result.status == 1)
        #expect(result.stdout.split(separator: "\n").count == 2)
        #expect(result.stderr.contains("mixed.jsonl:2: "))
    }
}
