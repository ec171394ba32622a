import Foundation
import PTYShim
import Testing

/// Drives the binary through a real pseudo-terminal, as a person at a keyboard would: what it
/// prints is read from the master side, keys are written to it.
final class Terminal {
    let process = Process()
    private let master: Int32
    private let output = Locked("")
    private var reader: Thread?

    init(_ arguments: [String], home: String, extra: [String: String] = [:]) throws {
        var slave: Int32 = -1
        master = tb_open_pty(&slave)
        guard master >= 0 else { throw CocoaError(.fileNoSuchFile) }
        let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = arguments
        process.environment = Binary.environment(home: home, extra: extra)
        process.standardInput = handle
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        close(slave)
        let fd = master
        let output = self.output
        reader = Thread {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = read(fd, &buffer, buffer.count)
                if n <= 0 { break }
                let text = String(decoding: buffer[0..<n], as: UTF8.self)
                output.update { $0 += text }
            }
        }
        reader?.start()
    }

    deinit {
        if process.isRunning { process.terminate() }
        close(master)
    }

    var transcript: String { output.get() }

    func type(_ text: String) {
        var bytes = Array(text.utf8)
        _ = write(master, &bytes, bytes.count)
    }

    /// Waits until the output after byte `offset` contains `text`; returns the offset just past it.
    @discardableResult
    func expect(_ text: String, after offset: Int = 0, timeout: Double = 10,
                sourceLocation: SourceLocation = #_sourceLocation) -> Int {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let tail = String(decoding: transcript.utf8.dropFirst(offset), as: UTF8.self)
            if let range = tail.range(of: text) {
                return offset + tail.utf8.distance(from: tail.startIndex, to: range.upperBound)
            }
            usleep(10_000)
        }
        Issue.record("timed out waiting for \(text.debugDescription); transcript:\n\(transcript)", sourceLocation: sourceLocation)
        return offset
    }

    /// At the first prompt: starts a session on `topic` and explains `text`; returns the offset
    /// just past the prompt that follows the answer.
    func teachOneTurn(topic: String, explanation text: String) -> Int {
        var at = expect("teachback[socratic]> ")
        type(":teach \(topic)\r")
        at = expect("\(topic)]> ", after: at)
        type(text + "\r")
        at = expect("clarity ", after: at)
        return expect("\(topic)]> ", after: at)
    }

    /// Waits for the process to exit; returns its status, or nil on timeout.
    func waitForExit(timeout: Double = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        return process.isRunning ? nil : process.terminationStatus
    }
}
