import ArgumentParser
import Foundation
import LuaHost
import Research
import TeachBack

/// `teachback rescore`: parses the flags, loads one Lua state per job and hands them to
/// `Research.Rescore`; lines go to stdout, the summary to stderr.
struct RescoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rescore",
        abstract: "Re-run the heuristics over recorded sessions and measure agreement with Claude's recorded analyses.",
        discussion: "Exit codes: 0 ok, 1 some records skipped, 2 usage error, 3 a heuristic failed or a script did not load (unless --allow-failures).")

    @OptionGroup var common: CommonOptions
    @Argument(help: "Files of sessions: our JSON/JSONL exports or the original service's session dicts.") var files: [String]
    @Option(help: "Lua states working at once; the default is one per core.") var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    @Flag(help: "The summary as JSON.") var json = false
    @Flag(help: "Also load $XDG_CONFIG_HOME/teachback/plugins (left out by default, so results do not depend on the machine).")
    var userPlugins = false
    @Flag(help: "Exit 0 even when a heuristic failed on some turn.") var allowFailures = false
    @Flag(help: "Clamp a heuristic's score outside [0, 1] instead of counting it as a failure.") var clamp = false
    @Flag(help: "Add each heuristic's fields, notes and error to every line.") var byHeuristic = false
    @Option(name: .customLong("baseline-plugins"), help: ArgumentHelp("Also score every turn with the built-ins plus DIR (repeatable) and compare, paired.", valueName: "DIR"))
    var baselinePlugins: [String] = []
    @Option(help: "The recorded analysis to compare with: claude or local.") var against: String = "claude"
    @Option(help: ArgumentHelp("Compare with Claude's analyses in FILE, the output of teachback judge (repeatable).", valueName: "FILE"))
    var judged: [String] = []
    @Option(help: "Bootstrap resamples for the comparison's 95 % intervals.") var resamples = 2000
    @Option(help: "The bootstrap's seed: the same seed, the same intervals.") var seed: UInt64 = 1

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard RecordedSession.Against(rawValue: against) != nil else { throw ValidationError("--against must be claude or local") }
        guard judged.isEmpty || against == "claude" else { throw ValidationError("--judged replaces Claude's recorded analyses: leave out --against local") }
        guard resamples >= 1 else { throw ValidationError("--resamples must be at least 1") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let paths = try Wiring.scriptPaths(common, environment: environment, userScripts: userPlugins)
        var baselineOptions = common
        baselineOptions.pluginDirs = baselinePlugins
        let baselinePaths = baselinePlugins.isEmpty ? nil : try Wiring.scriptPaths(baselineOptions, environment: environment, userScripts: userPlugins)
        var hosts: [(main: LuaScriptHost, baseline: LuaScriptHost?)] = []
        let log = Wiring.scriptLog(verbose: common.verbose)
        var budgets = Budgets()
        budgets.clampScores = clamp
        for _ in 0..<jobs {
            hosts.append((try LuaScriptHost(paths: paths, budgets: budgets, log: log),
                          try baselinePaths.map { try LuaScriptHost(paths: $0, budgets: budgets, log: log) }))
        }
        let workers = hosts.map { Rescore.Worker(host: $0.main, baseline: $0.baseline) }
        let main = await Scripts(hosts[0].main)
        var baseline: Scripts?
        if let host = hosts[0].baseline { baseline = await Scripts(host) }
        var rescore = Rescore(byHeuristic: byHeuristic)
        rescore.against = RecordedSession.Against(rawValue: against) ?? .claude
        if !judged.isEmpty {
            let analyses = JudgedAnalyses(files: judged) { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
            FileHandle.standardError.write(Data("compared with \(analyses.count) analyses from judge (\(judged.joined(separator: ", ")))\n".utf8))
            rescore.judged = analyses
        }
        let out = BufferedOutput(fd: 1)
        var summary = try await rescore.run(files: files, workers: workers, heuristics: main.names,
                                            baselineHeuristics: baseline?.names ?? [], output: out.line) {
            FileHandle.standardError.write(Data(($0 + "\n").utf8))
        }
        out.flush()
        summary.loadErrors = main.loadErrors + (baseline?.loadErrors ?? [])
        summary.comparison?.resamples = resamples
        summary.comparison?.seed = seed
        summary.scripts = main.loaded.map { LoadedScript(path: Self.fullPath($0, paths: paths)) }
        if let baseline, let baselinePaths { summary.baselineScripts = baseline.loaded.map { LoadedScript(path: Self.fullPath($0, paths: baselinePaths)) } }
        FileHandle.standardError.write(Data(((json ? try JSONOutput.encode(summary) : summary.text) + "\n").utf8))
        if summary.skippedRecords > 0 { throw ExitCode.failure }
        if summary.failures > 0, !allowFailures { throw ExitCode(3) }
    }

    /// What one set of scripts holds: its heuristics, and the files that loaded.
    struct Scripts {
        var names: [String]
        var loaded: [String]
        var loadErrors: [String]

        init(_ host: LuaScriptHost) async {
            loadErrors = await host.loadErrors
            let heuristics = await host.heuristics
            names = heuristics.map(\.name)
            loaded = await host.files.filter { $0.error == nil }.map(\.file)
        }
    }

    /// Loaded files are named as messages show them (`plugins/x.lua` for built-ins, `~/…`).
    static func fullPath(_ display: String, paths: ScriptPaths) -> String {
        if let root = paths.builtinRoot, display.hasPrefix("modes/") || display.hasPrefix("plugins/") { return root + "/" + display }
        if display.hasPrefix("~/") { return NSHomeDirectory() + display.dropFirst() }
        return display
    }
}
