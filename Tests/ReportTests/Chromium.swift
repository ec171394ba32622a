import Foundation

/// Headless Chromium (Debian's `chromium`, installed by `make test-setup`), run as a command:
/// each run gets a fresh profile, no sandbox (tests may run as root), no reliance on a container's
/// small /dev/shm, and a time limit.
enum Chromium {
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    struct Output {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs chromium headless on `url` with `flags`; stdout and stderr are collected in files so
    /// a chatty browser can never fill a pipe and stall.
    static func run(_ flags: [String], url: URL, in directory: URL, timeout: Double = 60) throws -> Output {
        guard let path else { throw Failure(description: "chromium is not installed") }
        let profile = directory.appendingPathComponent("profile-\(UUID().uuidString)")
        let out = directory.appendingPathComponent("chromium-\(UUID().uuidString).out")
        let err = directory.appendingPathComponent("chromium-\(UUID().uuidString).err")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--hide-scrollbars",
                             "--user-data-dir=\(profile.path)"] + flags + [url.absoluteString]
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(50_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw Failure(description: "chromium did not finish within \(Int(timeout)) s")
        }
        defer { try? FileManager.default.removeItem(at: profile) }
        return Output(stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "", status: process.terminationStatus)
    }

    /// Loads `html` (which must store JSON in `data-probe` on `<html>` once it has run) and
    /// returns that JSON, read from `--dump-dom`.
    static func probe(_ html: String, named name: String, in directory: URL) throws -> [String: Any] {
        let file = directory.appendingPathComponent(name)
        try html.write(to: file, atomically: true, encoding: .utf8)
        let output = try run(["--virtual-time-budget=5000", "--dump-dom"], url: file, in: directory)
        guard let start = output.stdout.range(of: "data-probe=\""),
              let end = output.stdout[start.upperBound...].firstIndex(of: "\"") else {
            throw Failure(description: "no probe result in chromium's DOM (status \(output.status)): \(output.stderr.suffix(500))")
        }
        let json = String(output.stdout[start.upperBound..<end]).replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
        guard let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            throw Failure(description: "probe result is not a JSON object: \(json.prefix(200))")
        }
        return object
    }
}
