import ArgumentParser
import Claude
import Foundation
import LuaHost
import REPL
import Store
import TeachBack

/// `teachback doctor`: what teachback found on this machine, each check on one line, and exit 1
/// when something needs fixing.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "doctor", abstract: "Check the toolchain, libraries, key, network, directories and scripts.")

    @OptionGroup var common: CommonOptions

    func run() async throws {
        let wiring = try await Wiring(common)
        let console = wiring.console()
        var failed = false
        func report(_ ok: Bool, _ what: String, _ detail: String) {
            failed = failed || !ok
            console.out("\(ok ? console.green("ok  ") : console.red("FAIL")) \(what): \(Sanitizer.clean(detail))")
        }
        report(true, "teachback", "\(TeachbackCommand.version) on \(ProcessInfo.processInfo.operatingSystemVersionString)")
        report(true, "toolchain", Self.swiftVersion)
        report(true, "http", Reachability.curlVersion)
        report(true, "lua", "\(LuaScriptHost.luaVersion), \(await wiring.host.commonWordCount) common words")
        if let claude = wiring.claude {
            report(true, "API key", "ANTHROPIC_API_KEY set (\(claude.maskedKey))")
            switch await Reachability.check(claude.baseURL) {
            case .success(let status): report(true, "base URL", "\(claude.baseURL) answers (HTTP \(status))")
            case .failure(let error): report(false, "base URL", "\(claude.baseURL): \(error.description)")
            }
            report(true, "model", claude.model)
        } else {
            report(true, "API key", common.offline ? "--offline: Claude is not used" : "ANTHROPIC_API_KEY is not set: offline mode")
        }
        for (name, dir) in [("config dir", Directories.config(wiring.environment)), ("state dir", Directories.state(wiring.environment)),
                            ("data dir", Directories.data(wiring.environment))] {
            report(Self.writable(dir), name, dir)
        }
        if let store = wiring.store {
            do {
                let health = try await store.health()
                let count = (try? await store.sessions(limit: Int.max).count) ?? 0
                report(health.integrity == "ok" && health.freeBytes >= SQLiteStore.Health.lowSpace, "database",
                       "\(store.path): integrity \(health.integrity), journal \(health.journalMode), "
                       + "busy timeout \(health.busyTimeout.formatted()) s, \(Self.megabytes(health.freeBytes)) free, \(count) sessions")
            } catch {
                report(false, "database", "\(store.path): cannot be read: \(error)")
            }
        } else {
            report(false, "database", wiring.storeProblem ?? "cannot be opened")
        }
        let files = await wiring.host.files
        let broken = files.filter { $0.error != nil }
        report(broken.isEmpty, "scripts", "\(files.count) files, \(await wiring.host.modes().count) modes, \(await wiring.host.heuristics.count) heuristics, \(broken.count) with errors")
        for file in broken { console.out("     \(Sanitizer.clean(file.error ?? ""))") }
        if failed { throw ExitCode.failure }
    }

    /// The Swift compiler this binary was built with.
    static var swiftVersion: String {
        #if compiler(>=6.3)
        "built with Swift 6.3 or later"
        #elseif compiler(>=6.2)
        "built with Swift 6.2"
        #elseif compiler(>=6.1)
        "built with Swift 6.1"
        #else
        "built with Swift 6.0"
        #endif
    }

    static func megabytes(_ bytes: UInt64) -> String {
        bytes >= 10_000_000_000 ? "\(bytes / 1_000_000_000) GB" : String(format: "%.1f MB", Double(bytes) / 1e6)
    }

    /// Creates the directory (0700) if needed and writes and removes a probe file.
    static func writable(_ dir: String) -> Bool {
        guard (try? Directories.ensurePrivateDirectory(dir)) != nil else { return false }
        let probe = dir + "/.doctor-\(getpid())"
        guard FileManager.default.createFile(atPath: probe, contents: Data()) else { return false }
        try? FileManager.default.removeItem(atPath: probe)
        return true
    }
}
