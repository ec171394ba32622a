import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why a case could not run: shown in its row as ERROR.
struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
    static func posix(_ what: String, _ code: Int32 = errno) -> BenchmarkError {
        BenchmarkError("\(what): \(String(cString: strerror(code)))")
    }
}

/// A child process started with `posix_spawn`, waited for with `wait4` so its peak RSS comes
/// back with its exit status (no `/usr/bin/time`, no polling).
struct ChildProcess {
    struct Finished {
        /// The exit code, or minus the signal that ended it.
        var status: Int32
        /// From just before the spawn (or the go-between's fork) to `wait4` returning.
        var wall: Duration
        /// `ru_maxrss`: the largest resident set of the child (and children it waited for), KiB.
        var maxRSSKiB: Int
        /// User plus system CPU time of the child (`run` only; zero from `wait`).
        var cpu: Duration = .zero
        /// The end of what the child wrote on stderr (`run` only), for error messages.
        var errorOutput = ""
        var succeeded: Bool { status == 0 }

        /// Throws unless the child exited with 0, quoting its last words.
        func check(_ what: String) throws {
            guard !succeeded else { return }
            throw BenchmarkError("\(what) exited with \(status)" + (errorOutput.isEmpty ? "" : ": \(errorOutput)"))
        }
    }

    let pid: pid_t
    /// The read end of the child's stdout when it was spawned with `stdout: .pipe`.
    let stdoutPipe: Int32?
    let started: ContinuousClock.Instant

    enum Output {
        case null
        case file(String)
        case pipe
    }

    /// Linux's F_SETPIPE_SZ (not exported to Swift): lets small inputs be written before the spawn.
    private static let setPipeSize: Int32 = 1031

    /// Spawns `executable` (searched in PATH when it holds no slash) with exactly `environment`,
    /// `stdin` fed through a pipe (not a terminal), stderr discarded unless `stderr` names a file.
    static func spawn(_ executable: String, _ arguments: [String], environment: [String: String],
                      stdin input: [UInt8] = [], stdout: Output = .null, stderr: String? = nil) throws -> ChildProcess {
        var inFDs: [Int32] = [-1, -1]
        guard pipe(&inFDs) == 0 else { throw BenchmarkError.posix("pipe") }
        for fd in inFDs { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var outFDs: [Int32] = [-1, -1]
        if case .pipe = stdout {
            guard pipe(&outFDs) == 0 else { throw BenchmarkError.posix("pipe") }
            for fd in outFDs { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        }
        // Small inputs go into the pipe before the child exists, so no writer thread is timed.
        let preWritten = fcntl(inFDs[1], setPipeSize, Int32(1 << 20)) >= input.count
        if preWritten {
            writeAll(input, to: inFDs[1])
            close(inFDs[1])
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inFDs[0], 0)
        switch stdout {
        case .null: posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        case .file(let path): posix_spawn_file_actions_addopen(&actions, 1, path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        case .pipe: posix_spawn_file_actions_adddup2(&actions, outFDs[1], 1)
        }
        posix_spawn_file_actions_addopen(&actions, 2, stderr ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let started = ContinuousClock.now
        let code = executable.contains("/")
            ? posix_spawn(&pid, executable, &actions, nil, argv, envp)
            : posix_spawnp(&pid, executable, &actions, nil, argv, envp)
        close(inFDs[0])
        if case .pipe = stdout { close(outFDs[1]) }
        guard code == 0 else {
            if !preWritten { close(inFDs[1]) }
            throw BenchmarkError.posix("spawning \(executable)", code)
        }
        if !preWritten {
            let fd = inFDs[1]
            Thread.detachNewThread {
                writeAll(input, to: fd)
                close(fd)
            }
        }
        return ChildProcess(pid: pid, stdoutPipe: outFDs[0] >= 0 ? outFDs[0] : nil, started: started)
    }

    /// Spawns through `MeasuredChild` (this executable started again as a small go-between),
    /// waits, and returns the go-between's measurements of the real child.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String],
                    stdin input: [UInt8] = [], stdout: Output = .null) throws -> Finished {
        let report = NSTemporaryDirectory() + "/teachback-bench-\(UUID().uuidString)"
        defer { [report, report + ".err"].forEach { try? FileManager.default.removeItem(atPath: $0) } }
        let outer = try spawn(MeasuredChild.selfPath, [MeasuredChild.flag, report, executable] + arguments,
                              environment: environment, stdin: input, stdout: stdout, stderr: report + ".err").wait()
        let errors = (try? String(contentsOfFile: report + ".err", encoding: .utf8)) ?? ""
        let tail = String(errors.trimmingCharacters(in: .whitespacesAndNewlines).suffix(300))
        guard outer.succeeded, let text = try? String(contentsOfFile: report, encoding: .utf8) else {
            throw BenchmarkError("could not run \(executable) (go-between exited with \(outer.status)) \(tail)")
        }
        let fields = text.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        guard fields.count == 4 else { throw BenchmarkError("unreadable measurement of \(executable): \(text)") }
        return Finished(status: Int32(fields[0]), wall: .nanoseconds(fields[1]), maxRSSKiB: fields[2], cpu: .microseconds(fields[3]),
                        errorOutput: tail)
    }

    func wait() -> Finished {
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0, errno == EINTR {}
        let wall = ContinuousClock.now - started
        if let stdoutPipe { close(stdoutPipe) }
        return Finished(status: Self.exitCode(status), wall: wall, maxRSSKiB: usage.ru_maxrss)
    }

    /// The exit code from a wait status, or minus the signal that ended the process.
    static func exitCode(_ status: Int32) -> Int32 {
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : -signal
    }

    func terminate() -> Finished {
        kill(pid, SIGTERM)
        return wait()
    }

    /// Reads the child's stdout up to the first newline, giving up after `timeout`.
    func readLine(timeout: Duration) -> String? {
        guard let fd = stdoutPipe else { return nil }
        let deadline = ContinuousClock.now + timeout
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while ContinuousClock.now < deadline {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) >= 0 || errno == EINTR else { return nil }
            guard poller.revents != 0 else { continue }
            guard read(fd, &byte, 1) == 1 else { return nil }
            if byte == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
        }
        return nil
    }
}

private func writeAll(_ bytes: [UInt8], to fd: Int32) {
    var offset = 0
    while offset < bytes.count {
        let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        if n < 0, errno == EINTR { continue }
        guard n > 0 else { return }
        offset += n
    }
}

/// A go-between for measuring a child's peak RSS. `posix_spawn` starts a child inside the
/// parent's address space (vfork), and Linux folds that address space's peak into the child's
/// `ru_maxrss` at exec: every child of a large benchmark process would report at least the
/// benchmark's own peak. So the benchmark starts itself again with `flag`; that fresh process
/// forks (the copy holds only its few anonymous pages), execs the real child at once, `wait4`s
/// it and writes "status wall-ns maxrss-KiB cpu-µs" to the report file. What remains of its own pages
/// is the floor under every measurement: `floorKiB`, measured on `true`.
enum MeasuredChild {
    static let flag = "--measured-child"

    /// `ru_maxrss` of `/bin/true` measured this way: no measurement can be below it.
    static let floorKiB: Int = {
        (try? ChildProcess.run("/bin/true", [], environment: [:]).maxRSSKiB) ?? 0
    }()

    static var selfPath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// Call first thing in main: when started as the go-between, does its job and exits.
    static func runIfRequested() {
        let arguments = CommandLine.arguments
        guard arguments.count >= 4, arguments[1] == flag else { return }
        let (report, target) = (arguments[2], Array(arguments[3...]))
        let argv = target.map { strdup($0) } + [nil]
        let started = ContinuousClock.now
        // fork, not posix_spawn: see above. Nothing but exec runs in the forked child.
        let pid = fork()
        if pid == 0 {
            if target[0].contains("/") { execv(target[0], argv) } else { execvp(target[0], argv) }
            _exit(127)
        }
        guard pid > 0 else { exit(127) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0, errno == EINTR {}
        let wall = ContinuousClock.now - started
        let nanoseconds = wall.components.seconds * 1_000_000_000 + wall.components.attoseconds / 1_000_000_000
        let cpu = [usage.ru_utime, usage.ru_stime].reduce(0) { $0 + $1.tv_sec * 1_000_000 + Int($1.tv_usec) }
        let line = "\(ChildProcess.exitCode(status)) \(nanoseconds) \(usage.ru_maxrss) \(cpu)\n"
        guard FileManager.default.createFile(atPath: report, contents: Data(line.utf8)) else { exit(126) }
        exit(0)
    }
}
