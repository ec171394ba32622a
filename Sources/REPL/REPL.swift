import Foundation
import LuaHost
import Store
import TeachBack

/// The interactive loop (DESIGN §5): reads lines, runs commands, sends explanations to the
/// TurnEngine and prints the student's answers. A failing command, plugin or turn prints an
/// error and the loop goes on; only `:quit` or Ctrl-D end it.
package actor REPL {
    let engine: TurnEngine
    let host: LuaScriptHost
    let reader: any LineReader
    let console: Console
    let interactive: Bool
    let verbose: Bool
    let environment: [String: String]
    /// Replaced by `:reload` when init.lua changes the model or prices.
    var backendInfo: BackendInfo
    /// How init.lua's settings become a backend, for `:reload`; nil keeps the backend as it is.
    let reconfigure: Reconfigure?
    /// The session database, when it could be opened.
    let store: SQLiteStore?
    let analytics: AnalyticsBoard
    /// Renders `:report` (the executable wires the Report module in; front ends never import each other).
    let reporter: SessionReporter?
    private var assembler = InputAssembler()
    /// Turns the current session had when it started or was resumed: only new practice counts
    /// as a review.
    private var turnsAtStart = 0
    let interrupter = Interrupter()
    /// Commands and inputs that failed; a piped run that had any exits 1.
    private(set) var failures = 0
    private let terminator = Terminator()

    package init(engine: TurnEngine, host: LuaScriptHost, reader: any LineReader, console: Console,
                interactive: Bool, verbose: Bool, environment: [String: String], backendInfo: BackendInfo,
                store: SQLiteStore?, analyticsEvery: Int = 5, reconfigure: Reconfigure? = nil, reporter: SessionReporter? = nil) {
        self.reconfigure = reconfigure
        self.engine = engine
        self.host = host
        self.reader = reader
        self.console = console
        self.interactive = interactive
        self.verbose = verbose
        self.environment = environment
        self.backendInfo = backendInfo
        self.store = store
        analytics = AnalyticsBoard(every: analyticsEvery)
        self.reporter = reporter
        if interactive { interrupter.install { [host] in host.interrupt() } }
    }

    /// SIGTERM and SIGHUP (the terminal closed) end the session as `:quit` does.
    private func installTerminator() {
        terminator.install { [self] signal in
            Task { await self.endBySignal(signal) }
        }
    }

    enum Flow { case proceed, quit }

    /// How the loop begins: plainly, on a topic, or continuing the last saved session (`-c`).
    package enum Start: Sendable { case none, topic(String), continueLast }

    /// Runs until `:quit` or end of input; returns the exit code.
    package func run(_ start: Start = .none) async -> Int32 {
        installTerminator()
        await warnShadowedCommands()
        if interactive {
            console.status(console.dim("teachback — \(backendInfo.banner). :teach TOPIC to start, :help for commands, Ctrl-D to quit."))
        }
        switch start {
        case .none: break
        case .topic(let topic): await teachCommand(topic)
        case .continueLast: await continueLast()
        }
        while true {
            await refreshCompletions()
            let prompt = assembler.isPending ? "... " : await promptText()
            switch await reader.read(prompt: interactive ? prompt : "") {
            case .endOfInput:
                if interactive { console.out("") }
                if let unfinished = assembler.flush() {
                    console.warning("the input ended inside a \"\"\" block or after a trailing \\; sending what was typed")
                    await teach(unfinished)
                }
                return await finish()
            case .interrupted(let hadText):
                if !hadText, !assembler.isPending { console.status("Use Ctrl-D or :quit to exit.") }
                assembler.reset()
            case .line(let line):
                guard let input = assembler.feed(line) else { continue }
                // A whole block is one history entry, so up-arrow brings it back whole.
                reader.remember(input)
                if await handle(input) == .quit { return await finish() }
            }
        }
    }

    /// Handles one complete input; multi-line input is always an explanation.
    func handle(_ input: String) async -> Flow {
        let parsed = input.contains("\n") ? .explanation(input) : ParsedInput.parse(input)
        switch parsed {
        case .empty: return .proceed
        case .explanation(let text): await teach(text)
        case .command(let name, let args): return await command(name, args: args)
        }
        return .proceed
    }

    func startedWith(turns: Int) { turnsAtStart = turns }

    /// A session that ends counts as a review of its topic (SM-2, see `ReviewItem`).
    func scheduleReview() async {
        guard let store, let session = await engine.session, session.turns.count > turnsAtStart else { return }
        do {
            try await store.recordReview(of: session, topic: await engine.script.scheduledTopic(session.topic))
        } catch {
            console.warning("could not update the review schedule: \(error)")
        }
    }

    private func promptText() async -> String {
        let mode = await engine.mode
        let topic = await engine.session?.topic
        let inner = topic.map { "\(mode) · \($0)" } ?? mode
        let unsaved = await engine.unsavedCount
        return console.bold("teachback[\(inner)]") + (unsaved > 0 ? console.yellow(" [unsaved: \(unsaved)]") : "") + "> "
    }

    private func refreshCompletions() async {
        guard interactive else { return }
        let sessionIDs = (try? await store?.sessions(limit: 50).map(\.id)) ?? []
        let completer = Completer(commands: await commandNames(), modes: await host.modes().map(\.name),
                                  topics: await host.topics.map(\.name), sessionIDs: sessionIDs)
        reader.setCompleter(completer)
    }

    // MARK: Turns

    func teach(_ explanation: String) async {
        guard await engine.session != nil else {
            fail("no session yet: start one with :teach TOPIC")
            return
        }
        let printer = TurnPrinter(console: console)
        let waiting = await engine.unsavedCount
        let result = TurnResult()
        await interrupter.run { [engine] in
            await result.set(await engine.teach(explanation, progress: printer.progress))
        }
        printer.closeLine()
        guard let outcome = await result.value else { return }
        show(outcome.problems)
        reportSaved(since: waiting, now: await engine.unsavedCount)
        let turn = outcome.value
        if let session = await engine.session { await analytics.turnCompleted(session) }
        if turn.interrupted {
            console.status(console.dim("[interrupted] — the explanation is kept; the question stopped where it was"))
        } else {
            if let reason = outcome.fallbackWarning { console.warning("using the local fallback: \(reason)") }
            if !(printer.didStream && turn.backend.question == .claude) {
                console.student(turn.question)
            }
        }
        console.dimLine(Views.turnLine(turn, prices: backendInfo.price))
        if verbose, turn.backend.analysis == .local {
            console.status(console.dim(String(format: "local analysis: %.3f ms for %d heuristics", turn.timings.analysis ?? 0,
                                              await host.heuristics.count)))
        }
    }

    func teachCommand(_ topic: String) async {
        guard !topic.isEmpty else {
            fail("usage: :teach TOPIC (e.g. :teach recursion)")
            return
        }
        await scheduleReview()
        let outcome = await engine.start(topic: topic)
        turnsAtStart = 0
        show(outcome.problems)
        console.student(outcome.value)
    }

    /// An error the user caused or must know about; counted for the exit code of a piped run.
    func fail(_ message: String) {
        failures += 1
        console.error(message)
    }

    func show(_ problems: [Problem]) {
        for problem in problems {
            console.warning(problem.message)
            if verbose, let traceback = problem.traceback { console.status(console.dim(Sanitizer.clean(traceback))) }
        }
    }
}

/// The outcome of a turn run in its own (interruptible) task.
actor TurnResult {
    private(set) var value: TurnEngine.Outcome<Turn>?
    func set(_ outcome: TurnEngine.Outcome<Turn>?) { value = outcome }
}

/// What the REPL shows about the backend: the banner, `:backend`, the price for cost lines.
package struct BackendInfo: Sendable {
    package var banner: String
    package var details: [String]
    package var price: Price?
    package init(banner: String, details: [String], price: Price?) {
        self.banner = banner
        self.details = details
        self.price = price
    }
}
