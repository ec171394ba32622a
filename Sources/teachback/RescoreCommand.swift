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
        discussion: "Exit codes: 0 ok, 1 some records skipped, 2 usage error, 3 some heuristic failed (unless --allow-failures).")

    @OptionGroup var common: CommonOptions
    @Argument(help: "Files of sessions: our JSON/JSONL exports or the original service's session dicts.") var files: [String]
    @Option(help: "Lua states working at once (default: one per core).") var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    @Flag(help: "The summary as JSON.") var json = false
    @Flag(help: "Also load $XDG_CONFIG_HOME/teachback/plugins (left out by default, so results do not depend on the machine).")
    var userPlugins = false
    @Flag(help: "Exit 0 even when a heuristic failed on some turn.") var allowFailures = false
    @Flag(help: "Clamp a heuristic's score outside [0, 1] instead of counting it as a failure.") var clamp = false
    @Flag(help: "Add each heuristic's fields, notes and error to every line.") var byHeuristic = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let paths = try Wiring.scriptPaths(common, environment: environment, userScripts: userPlugins)
        var hosts: [LuaScriptHost] = []
        for _ in 0..<jobs { hosts.append(try LuaScriptHost(paths: paths)) }
        let first = hosts[0]
        for error in await first.loadErrors { FileHandle.standardError.write(Data("warning: \(error)\n".utf8)) }
        let heuristics = await first.heuristics
        let rescore = Rescore(heuristicFiles: Dictionary(heuristics.map { ($0.name, $0.file) }, uniquingKeysWith: { $1 }),
                              clamp: clamp, byHeuristic: byHeuristic)
        let out = BufferedOutput(fd: 1)
        var summary = try await rescore.run(files: files, hosts: hosts, heuristics: heuristics.map(\.name), output: out.line) {
            FileHandle.standardError.write(Data(($0 + "\n").utf8))
        }
        out.flush()
        summary.scripts = await first.files.filter { $0.error == nil }.map { LoadedScript(path: Self.fullPath($0.file, paths: paths)) }
        FileHandle.standardError.write(Data(((json ? try JSONOutput.encode(summary) : summary.text) + "\n").utf8))
        if summary.skippedRecords > 0 { throw ExitCode.failure }
        if summary.tally.failures > 0, !allowFailures { throw ExitCode(3) }
    }

    /// Loaded files are named as messages show them (`plugins/x.lua` for built-ins, `~/…`).
    static func fullPath(_ display: String, paths: ScriptPaths) -> String {
        if let root = paths.builtinRoot, display.hasPrefix("modes/") || display.hasPrefix("plugins/") { return root + "/" + display }
        if display.hasPrefix("~/") { return NSHomeDirectory() + display.dropFirst() }
        return display
    }
}
