import Foundation
import Testing

/// The real `teachback` binary, run with a private HOME and XDG directories so tests never touch
/// the user's files.
struct Binary {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// `TEACHBACK_BIN`, else the binary built beside this test bundle (so `make sanitize` tests the
    /// sanitized build), else the debug build of the checkout.
    static let path: String = {
        if let path = ProcessInfo.processInfo.environment["TEACHBACK_BIN"] { return path }
        let bundle = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let beside = URL(fileURLWithPath: bundle).deletingLastPathComponent().appendingPathComponent("teachback").path
        return FileManager.default.isExecutableFile(atPath: beside) ? beside : root.appendingPathComponent(".build/debug/teachback").path
    }()

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
        let running = try Running(arguments, home: home, extra: extra)
        running.type(input)
        running.closeInput()
        return running.finish()
    }
}

/// The binary running on pipes, its output collected as it comes (both pipes read at once, so
/// a full pipe can never stall the child).
final class Running {
    let process = Process()
    private let stdin = Pipe()
    private let stdout = Locked(Data())
    private let stderr = Locked(Data())
    private var readers: [Thread] = []

    init(_ arguments: [String], home: String, extra: [String: String] = [:]) throws {
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = arguments
        process.environment = Binary.environment(home: home, extra: extra)
        let out = Pipe(), err = Pipe()
        process.standardInput = stdin
        process.standardOutput = out
        process.standardError = err
        try process.run()
        for (pipe, sink) in [(out, stdout), (err, stderr)] {
            let reader = Thread {
                while true {
                    let data = pipe.fileHandleForReading.availableData
                    if data.isEmpty { break }
                    sink.update { $0.append(data) }
                }
            }
            reader.start()
            readers.append(reader)
        }
    }

    var output: String { String(decoding: stdout.get(), as: UTF8.self) }

    func type(_ text: String) { typeBytes(Array(text.utf8)) }
    func typeBytes(_ bytes: [UInt8]) { stdin.fileHandleForWriting.write(Data(bytes)) }
    func closeInput() { try? stdin.fileHandleForWriting.close() }

    /// Waits (up to `timeout` seconds) until stdout contains `text` `count` times.
    func waitForOutput(_ text: String, count: Int = 1, timeout: Double = 20) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if output.components(separatedBy: text).count - 1 >= count { return true }
            usleep(5_000)
        }
        return false
    }

    /// Waits for the exit and all output.
    func finish() -> Binary.Result {
        process.waitUntilExit()
        while readers.contains(where: { !$0.isFinished }) { usleep(1000) }
        return Binary.Result(status: process.terminationStatus, stdout: output,
                             stderr: String(decoding: stderr.get(), as: UTF8.self))
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
