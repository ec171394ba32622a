import ArgumentParser
import Foundation
import Research

/// `teachback analytics FILE...`: DESIGN §8 for every recorded session, as JSONL on stdout.
struct AnalyticsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analytics",
        abstract: "Session analytics for recorded sessions (JSONL or a JSON array of session dicts), one JSON line each, in input order.",
        discussion: "Each line starts with the record's id (its id, else session_id, else file:line) and line. A record that cannot be read as it is (bad JSON, wrong types, a score outside [0, 1]) is reported as file:line and skipped, never rescaled; the exit code is then 1.")

    @Argument(help: "Files of session dicts: ours or the original TeachBack AI's.") var files: [String]
    @Option(help: "Blocks of records analysed at once (while the next is read); the default is one per core.") var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() async throws {
        let out = BufferedOutput(fd: 1)
        let summary = await BatchAnalytics.run(files: files, jobs: jobs, output: out.append) { message in
            FileHandle.standardError.write(Data((message + "\n").utf8))
        }
        out.flush()
        if summary.failures > 0 {
            FileHandle.standardError.write(Data("\(summary.failures) record(s) skipped, \(summary.sessions) analysed\n".utf8))
            throw ExitCode.failure
        }
    }
}

/// Lines written in 64 KiB blocks: one write per line would dominate a batch run.
final class BufferedOutput {
    private let fd: Int32
    private var buffer: [UInt8] = []
    static let blockSize = 1 << 16

    init(fd: Int32) {
        self.fd = fd
        buffer.reserveCapacity(Self.blockSize + 4096)
    }

    func line(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        buffer.append(0x0A)
        if buffer.count >= Self.blockSize { flush() }
    }

    /// Lines already joined, each with its newline.
    func append(_ lines: [UInt8]) {
        buffer.append(contentsOf: lines)
        if buffer.count >= Self.blockSize { flush() }
    }

    func flush() {
        var offset = 0
        while offset < buffer.count {
            let n = buffer[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n <= 0 { if errno == EINTR { continue } else { break } }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
