import ArgumentParser
import Claude
import Foundation
import LuaHost
import REPL
import Store
import TeachBack

/// Builds the parts a command needs from the environment and the flags: the one place where
/// modules meet.
struct Wiring {
    let environment = ProcessInfo.processInfo.environment
    let options: CommonOptions
    let host: LuaScriptHost
    let mode: String
    /// Claude's settings, or nil when offline (no key, or `--offline`).
    let claude: ClaudeConfig?
    let config: ScriptConfig
    /// The session database, or nil (with the reason) when it cannot be used: then turns wait in
    /// memory and go to a rescue file at the end.
    let store: SQLiteStore?
    let storeProblem: String?

    static let defaultMode = "socratic"

    /// `budgets`: the scripts' limits (research's `--clamp` changes how scores are taken).
    init(_ options: CommonOptions, budgets: Budgets = Budgets()) async throws {
        self.options = options
        host = try LuaScriptHost(paths: try Self.scriptPaths(options, environment: environment, userScripts: true),
                                 budgets: budgets, log: Self.scriptLog(verbose: options.verbose))
        // Every command reports scripts that failed to load; the rest work regardless.
        for error in await host.loadErrors {
            FileHandle.standardError.write(Data("warning: \(error)\n".utf8))
        }
        let modes = await host.modes().map(\.name)
        let wanted = options.mode ?? Self.defaultMode
        // A missing default persona (a broken override, say) is no reason to refuse to start.
        guard options.mode == nil || modes.contains(wanted) else {
            throw ValidationError("no persona named '\(wanted)' (known: \(modes.joined(separator: ", ")))")
        }
        mode = modes.contains(wanted) ? wanted : (modes.first ?? wanted)
        config = await host.config
        claude = Self.claudeConfig(environment: environment, options: options, config: config)
        do {
            store = try Self.openStore(options, environment: environment, config: config)
            storeProblem = nil
        } catch {
            store = nil
            storeProblem = error.description
        }
    }

    /// What a session says at its start when the database cannot be used.
    var storeWarning: String? {
        storeProblem.map { "\($0); turns are kept in memory and written to a rescue file when the session ends" }
    }

    /// The session database at `--db` or `$XDG_DATA_HOME/teachback/teachback.sqlite`, waiting
    /// `busy_timeout` seconds (init.lua) for another process's lock.
    static func openStore(_ options: CommonOptions, environment: [String: String], config: ScriptConfig?) throws(StoreError) -> SQLiteStore {
        try SQLiteStore(path: options.db ?? SQLiteStore.standardPath(dataDirectory: Directories.data(environment)),
                        busyTimeout: config?.busyTimeout ?? SQLiteStore.defaultBusyTimeout)
    }

    /// Where the scripts come from. A folder named by `--modes`, `--plugins` or `TEACHBACK_HOME`
    /// that does not exist is a usage error: a typo must not silently run without the scripts.
    /// `userScripts: false` leaves out `$XDG_CONFIG_HOME/teachback` (for reproducible research).
    static func scriptPaths(_ options: CommonOptions, environment: [String: String], userScripts: Bool) throws -> ScriptPaths {
        for (flag, dirs) in [("--modes", options.modeDirs), ("--plugins", options.pluginDirs)] {
            for dir in dirs where !isDirectory(dir) { throw ValidationError("\(flag) \(dir): no such folder") }
        }
        if let home = environment["TEACHBACK_HOME"], !home.isEmpty, !isDirectory(home) {
            throw ValidationError("TEACHBACK_HOME=\(home): no such folder")
        }
        let paths = ScriptPaths(
            builtinRoot: Self.builtinRoot(environment),
            userConfig: userScripts ? Directories.config(environment) : nil,
            modeDirs: options.modeDirs.map(Self.absolute), pluginDirs: options.pluginDirs.map(Self.absolute))
        if paths.builtinRoot == nil {
            FileHandle.standardError.write(Data("warning: built-in modes and plugins not found; set TEACHBACK_HOME\n".utf8))
        }
        return paths
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    /// The scripts' log; with --verbose every line reaches stderr as it is written (REPL, ask,
    /// analyze, rescore).
    static func scriptLog(verbose: Bool) -> ScriptLog {
        ScriptLog(echo: verbose ? echoLog : nil)
    }

    @Sendable private static func echoLog(_ line: ScriptLog.Line) {
        FileHandle.standardError.write(Data("log: \(Sanitizer.clean(line.text))\n".utf8))
    }

    static func claudeConfig(environment: [String: String], options: CommonOptions, config: ScriptConfig) -> ClaudeConfig? {
        guard !options.offline, let key = environment["ANTHROPIC_API_KEY"], !key.isEmpty else { return nil }
        let model = [options.model, environment["TEACHBACK_MODEL"], config.model].compactMap { $0 }.first { !$0.isEmpty }
        let base = environment["ANTHROPIC_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? ClaudeConfig.defaultBaseURL
        let defaults = Timeouts()
        let timeouts = Timeouts(connect: config.connectTimeout ?? defaults.connect, stall: config.stallTimeout ?? defaults.stall,
                                total: config.totalTimeout ?? defaults.total)
        return ClaudeConfig(apiKey: key, baseURL: base, model: model ?? ClaudeConfig.defaultModel, timeouts: timeouts,
                            retry: RetryPolicy(maxRetries: config.maxRetries ?? RetryPolicy().maxRetries))
    }

    /// A TurnEngine with Claude when configured, in the parallel mode the flags and init.lua ask
    /// for; `save: false` keeps its sessions out of the database (`ask --no-save`).
    func engine(save: Bool = true) -> TurnEngine {
        TurnEngine(script: host, mode: mode, backend: backend(), parallel: parallel, store: save ? savingStore : nil)
    }

    /// Claude, or nil when offline.
    func backend() -> (any StudentBackend)? {
        claude.map { ClaudeBackend(client: MessagesClient(config: $0), historyTurns: config.historyTurns) }
    }

    var parallel: Bool { !options.sequential && (config.parallel ?? true) }

    /// Where turns are saved: the database, or a stand-in whose saves fail so turns wait for rescue.
    var savingStore: any SessionStore {
        store ?? UnavailableStore(reason: storeProblem ?? "the database could not be opened")
    }

    var backendInfo: BackendInfo { Self.backendInfo(claude: claude, options: options, config: config) }

    /// For `:reload`: the backend, its description and the parallel setting init.lua's settings give.
    var reconfigure: Reconfigure {
        { [environment, options] config in
            let claude = Self.claudeConfig(environment: environment, options: options, config: config)
            return Reconfigured(backend: claude.map { ClaudeBackend(client: MessagesClient(config: $0), historyTurns: config.historyTurns) },
                                info: Self.backendInfo(claude: claude, options: options, config: config),
                                parallel: !options.sequential && (config.parallel ?? true))
        }
    }

    static func backendInfo(claude: ClaudeConfig?, options: CommonOptions, config: ScriptConfig) -> BackendInfo {
        guard let claude else {
            let why = options.offline ? "--offline" : "no ANTHROPIC_API_KEY"
            return BackendInfo(banner: "offline (\(why)): the student is played by local scripts",
                               details: ["backend: offline (\(why)); local heuristics and scripted questions"], price: nil)
        }
        return BackendInfo(banner: "Claude \(claude.model)",
                           details: ["backend: claude", "model: \(claude.model)", "base URL: \(claude.baseURL)",
                                     "API key: \(claude.maskedKey)"],
                           price: config.prices[claude.model])
    }

    func console() -> Console {
        Console.detect(environment: environment, noColorFlag: options.noColor)
    }

    /// The built-in scripts' folder, found from the running binary (DESIGN §4).
    static func builtinRoot(_ environment: [String: String]) -> String? {
        let argument = ProcessInfo.processInfo.arguments.first.map { URL(fileURLWithPath: $0).path } ?? ""
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? argument
        return ScriptPaths.locateBuiltins(environment: environment, executable: executable)
    }

    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}
