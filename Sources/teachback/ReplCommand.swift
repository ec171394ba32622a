import ArgumentParser
import Foundation
import REPL
import TeachBack

/// `teachback` with no subcommand: the interactive loop.
struct ReplCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "repl", abstract: "The interactive teach-back loop (the default).")

    @OptionGroup var common: CommonOptions

    @Option(help: "Start a session on TOPIC right away.")
    var topic: String?

    @Flag(name: [.customShort("c"), .customLong("continue")], help: "Continue the most recent session.")
    var continueLast = false

    func run() async throws {
        let wiring = try await Wiring(common)
        let interactive = isatty(0) == 1
        let reader: any LineReader
        if interactive, let editor = EditLineReader(historyFile: HistoryFile.standard(environment: wiring.environment)) {
            reader = editor
        } else {
            reader = PlainLineReader()
        }
        let console = interactive ? wiring.console() : Console(color: false)
        let repl = REPL(engine: wiring.engine(), host: wiring.host, reader: reader, console: console,
                        interactive: interactive, verbose: common.verbose, environment: wiring.environment,
                        backendInfo: wiring.backendInfo, store: wiring.store,
                        analyticsEvery: wiring.config.analyticsEvery ?? 5, reconfigure: wiring.reconfigure,
                        reporter: wiring.sessionReporter)
        if let warning = wiring.storeWarning { console.warning(warning) }
        let start: REPL.Start = continueLast ? .continueLast : topic.map(REPL.Start.topic) ?? .none
        let code = await repl.run(start)
        if code != 0 { throw ExitCode(code) }
    }
}
