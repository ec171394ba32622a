import ArgumentParser
import Foundation

/// `teachback`: the REPL by default, and one-shot `ask` / `analyze` (DESIGN §6).
@main
struct TeachbackCommand: AsyncParsableCommand {
    static let version = "0.1.0"
    static let configuration = CommandConfiguration(
        commandName: "teachback",
        abstract: "Learn by teaching: explain a topic to an AI student who analyses it and asks back.",
        version: "teachback \(version)",
        subcommands: [ReplCommand.self, AskCommand.self, AnalyzeCommand.self, AnalyticsCommand.self, RescoreCommand.self, JudgeCommand.self,
                      SessionsCommand.self, ExportCommand.self, ImportCommand.self, ProgressCommand.self, ReviewCommand.self,
                      DoctorCommand.self, MCPCommand.self, ReportCommand.self, CheckCommand.self, NewCommand.self],
        defaultSubcommand: ReplCommand.self)

    /// As ArgumentParser's, but a usage error exits with 2 (DESIGN §6), not 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Flags every command shares.
struct CommonOptions: ParsableArguments {
    @Flag(help: "Never call Claude; the local heuristics and scripted questions answer.")
    var offline = false

    @Flag(help: "Ask Claude for the question only after its analysis (better questions, about twice the wait).")
    var sequential = false

    @Option(help: "The Claude model (default: TEACHBACK_MODEL, init.lua, then a current Sonnet).")
    var model: String?

    @Option(help: "The student persona to start with.")
    var mode: String?

    @Option(name: .customLong("modes"), help: ArgumentHelp("Also load personas from DIR (repeatable).", valueName: "DIR"))
    var modeDirs: [String] = []

    @Option(name: .customLong("plugins"), help: ArgumentHelp("Also load plugins from DIR (repeatable).", valueName: "DIR"))
    var pluginDirs: [String] = []

    @Option(help: ArgumentHelp("The session database (default: $XDG_DATA_HOME/teachback/teachback.sqlite).", valueName: "PATH"))
    var db: String?

    @Flag(help: "No colour, even on a terminal (NO_COLOR does the same).")
    var noColor = false

    @Flag(name: .shortAndLong, help: "Show script timings and tracebacks.")
    var verbose = false
}
