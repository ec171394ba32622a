import Foundation
@testable import LuaHost
import TeachBack
import Testing

/// Real script files in a fresh temporary directory, loaded by a real Lua host.
struct ScriptFixtures {
    let dir: String

    init(_ files: [String: String]) throws {
        // Short, because Lua shortens long chunk names in messages ("...tail.lua:3:").
        dir = "/tmp/tb-" + UUID().uuidString.prefix(8).lowercased()
        for (name, text) in files {
            let path = dir + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
    }

    /// A host with only these files as plugins (and, when asked, the repository's built-ins first).
    func host(builtins: Bool = false, budgets: Budgets = Budgets()) throws -> LuaScriptHost {
        try LuaScriptHost(paths: ScriptPaths(builtinRoot: builtins ? Self.repositoryRoot : nil, userConfig: nil,
                                             pluginDirs: [dir]), budgets: budgets)
    }

    /// Messages with this fixture's directory taken out, so they read `x.lua:1: ...`.
    func relative(_ messages: [String]) -> [String] {
        messages.map { $0.replacingOccurrences(of: dir + "/", with: "") }
    }

    /// The checkout holding `modes/` and `plugins/`.
    static let repositoryRoot: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// A host with just the built-in modes and plugins.
    static func builtinHost() throws -> LuaScriptHost {
        try LuaScriptHost(paths: ScriptPaths(builtinRoot: repositoryRoot, userConfig: nil))
    }

    static func context(topic: String = "recursion", number: Int = 1) -> AnalysisContext {
        AnalysisContext(topic: topic, mode: "socratic", number: number, history: [])
    }

    /// Runs `command` on `host` and interrupts it (Ctrl-C) 300 ms in, from a thread of its own:
    /// a task could not run while the command keeps a worker of the (2-thread) task pool busy.
    /// Returns the error the command failed with (nil if it returned) and how long it took to stop.
    static func interrupted(_ command: String, on host: LuaScriptHost) async throws -> (message: String?, stopping: Duration) {
        let clock = ContinuousClock()
        let asked = Protected<ContinuousClock.Instant?>(nil)
        let interrupter = Thread {
            usleep(300_000)
            asked.withLock { $0 = clock.now }
            host.interrupt()
        }
        interrupter.start()
        var message: String?
        do {
            _ = try await host.runCommand(command, args: "", session: nil)
        } catch {
            message = error.message
        }
        let stopped = clock.now
        return (message, stopped - (try #require(asked.withLock { $0 })))
    }
}
