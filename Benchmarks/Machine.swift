import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where the benchmark runs: the machine, the checkout, the binaries next to this one.
struct Machine: Encodable, Sendable {
    var cores: Int
    var model: String
    var memoryGiB: Double
    var kernel: String

    static func current() -> Machine {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown"
        let memKiB = Procfs.field("MemTotal", in: "/proc/meminfo") ?? 0
        var names = utsname()
        uname(&names)
        let release = withUnsafeBytes(of: &names.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        return Machine(cores: ProcessInfo.processInfo.activeProcessorCount, model: model,
                       memoryGiB: Double(memKiB) / 1_048_576, kernel: "Linux \(release)")
    }

    var summary: String {
        String(format: "%d cores (nproc), %@, %.1f GiB RAM, %@", cores, model, memoryGiB, kernel)
    }
}

/// Paths the cases need.
struct Layout: Sendable {
    /// The checkout: holds `Package.swift`, `modes/`, `plugins/` and `Benchmarks/`.
    var repoRoot: String
    /// The directory holding this executable and its sibling products (`teachback`, `fake-claude`).
    var binDir: String

    var teachback: String { binDir + "/teachback" }
    var fakeClaude: String { binDir + "/fake-claude" }
    var resultsDir: String { repoRoot + "/bench" }
    var cacheDir: String { repoRoot + "/bench/tmp" }

    static func locate() -> Layout {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments.first ?? "."
        let binDir = URL(fileURLWithPath: exe).deletingLastPathComponent().path
        var dir = URL(fileURLWithPath: binDir)
        while dir.path != "/" {
            if FileManager.default.fileExists(atPath: dir.path + "/Benchmarks/reference_analytics.py"),
               FileManager.default.fileExists(atPath: dir.path + "/modes") {
                return Layout(repoRoot: dir.path, binDir: binDir)
            }
            dir = dir.deletingLastPathComponent()
        }
        return Layout(repoRoot: FileManager.default.currentDirectoryPath, binDir: binDir)
    }

    /// A fresh private directory for one case (HOME, XDG dirs, outputs); removed by the caller.
    static func temporaryDirectory(_ name: String) throws -> String {
        var template = Array((NSTemporaryDirectory() + "/teachback-bench-\(name)-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ $0.baseAddress.flatMap(mkdtemp) }) else {
            throw BenchmarkError.posix("mkdtemp")
        }
        return String(cString: made)
    }

    /// The environment for a teachback child: no API key, and HOME and the XDG dirs in `home`.
    func teachbackEnvironment(home: String) -> [String: String] {
        [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": home,
            "XDG_CONFIG_HOME": home + "/config",
            "XDG_DATA_HOME": home + "/data",
            "XDG_STATE_HOME": home + "/state",
            "TEACHBACK_HOME": repoRoot,
            "NO_COLOR": "1",
        ]
    }
}

/// Small readers of /proc for this process.
enum Procfs {
    /// A `Name:  123 kB` field of a /proc status-like file, as its number.
    static func field(_ name: String, in path: String) -> Int? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
            return line.dropFirst(name.count + 1).split(whereSeparator: \.isWhitespace).first.flatMap { Int($0) }
        }
        return nil
    }

    /// Threads of this process now (entries of /proc/self/task).
    static func threadCount() -> Int {
        guard let dir = opendir("/proc/self/task") else { return 0 }
        defer { closedir(dir) }
        var count = 0
        while let entry = readdir(dir) {
            let dot = withUnsafeBytes(of: entry.pointee.d_name) { $0.first == UInt8(ascii: ".") }
            if !dot { count += 1 }
        }
        return count
    }

    /// This process's threads by name (/proc/self/task/*/comm), "name ×count", most common first.
    static func threadNames() -> [String] {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
        var counts: [String: Int] = [:]
        for task in tasks {
            let name = (try? String(contentsOfFile: "/proc/self/task/\(task)/comm", encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? "?"
            counts[name, default: 0] += 1
        }
        return counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { $0.value > 1 ? "\($0.key) ×\($0.value)" : $0.key }
    }

    /// Resets VmHWM to the current RSS (writing 5 to clear_refs); false when the kernel refuses.
    static func resetPeakRSS() -> Bool {
        let fd = open("/proc/self/clear_refs", O_WRONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return write(fd, "5", 1) == 1
    }

    /// Raises the soft open-file limit to the hard one; returns the soft limit in force.
    static func raiseOpenFileLimit() -> UInt64 {
        var limit = rlimit()
        let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
        guard getrlimit(resource, &limit) == 0 else { return 0 }
        if limit.rlim_cur < limit.rlim_max {
            limit.rlim_cur = limit.rlim_max
            _ = setrlimit(resource, &limit)
            _ = getrlimit(resource, &limit)
        }
        return UInt64(limit.rlim_cur)
    }
}
