import Foundation
import Testing

/// The real `teachback` binary, run with a private HOME and XDG directories so tests never touch
/// the user's files.
struct Binary {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static var path: String {
        ProcessInfo.processInfo.environment["TEACHBACK_BIN"] ?? root.appendingPathComponent(".build/debug/teachback").path
    }

    /// A fresh home for one test.
    static func sandbox() throws -> String {
        let dir = NSTemporaryDirectory() + "teachback-e2e-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func environment(home: String, extra: [String: String] = [:]) -> [String: String] {
        var env = ["HOME": home, "XDG_CONFIG_HOME": home + "/config", "XDG_STATE_HOME": home + "/state",
                   "XDG_DATA_HOME": home + "/data", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TERM": "xterm"]
        extra.forEach { env[$0.key] = $0.value }
        return env
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the binary with `input` on a pipe and waits for it.
    static func run(_ arguments: [String], input: String = "", home: String, extra: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = environment(home: home, extra: extra)
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        // Read both pipes concurrently so a full pipe can never stall the child.
        let errData = Locked(Data())
        let reader = Thread { errData.set(stderr.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !reader.isFinished { usleep(1000) }
        return Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: errData.get(), as: UTF8.self))
    }
}

/// A value shared with a reader thread.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func get() -> Value { lock.withLock { value } }
    func set(_ v: Value) { lock.withLock { value = v } }
    func update(_ body: (inout Value) -> Void) { lock.withLock { body(&value) } }
}
