import Foundation
import LuaHost
import TeachBack

/// The built-in `:commands` (DESIGN §5), and dispatch to plugin commands.
extension REPL {
    struct Builtin {
        var name: String
        var usage: String
        var help: String
    }

    static let builtins: [Builtin] = [
        Builtin(name: "teach", usage: ":teach TOPIC", help: "start a new session on TOPIC with the current persona"),
        Builtin(name: "mode", usage: ":mode [NAME]", help: "show or switch the persona (the session keeps its history)"),
        Builtin(name: "modes", usage: ":modes", help: "list personas: name, description, file"),
        Builtin(name: "stats", usage: ":stats [--json]", help: "session analytics: averages, learning curve, trend, gaps to review"),
        Builtin(name: "history", usage: ":history", help: "the session's transcript"),
        Builtin(name: "sessions", usage: ":sessions", help: "saved sessions, most recent first"),
        Builtin(name: "resume", usage: ":resume ID", help: "continue a saved session (a unique prefix of its id is enough)"),
        Builtin(name: "export", usage: ":export [FILE]", help: "the session as Markdown (or JSON/JSONL by FILE's extension); no FILE prints it"),
        Builtin(name: "report", usage: ":report [FILE]", help: "the session as an HTML report with charts (opens it when a browser is at hand)"),
        Builtin(name: "review", usage: ":review", help: "topics due for review (SM-2 schedule from finished sessions)"),
        Builtin(name: "plugins", usage: ":plugins", help: "loaded heuristics, topics, commands and hooks, with errors, recent log lines and memory"),
        Builtin(name: "log", usage: ":log [N]", help: "the last N lines the scripts logged (teachback.log, print), with file:line"),
        Builtin(name: "reload", usage: ":reload", help: "reload modes and plugins into a fresh Lua state and apply init.lua again"),
        Builtin(name: "parallel", usage: ":parallel [on|off]", help: "Claude's analysis and question at once (on), or the question after the analysis"),
        Builtin(name: "prompt", usage: ":prompt [EXPLANATION]",
                help: "the exact Claude requests teaching EXPLANATION next would send (system, messages, model, max_tokens); no call made"),
        Builtin(name: "backend", usage: ":backend", help: "Claude or offline, model, base URL, the last failure and why"),
        Builtin(name: "edit", usage: ":edit", help: "write the next explanation in $VISUAL or $EDITOR"),
        Builtin(name: "help", usage: ":help [COMMAND]", help: "list commands, or explain one"),
        Builtin(name: "quit", usage: ":quit", help: "leave (the session is kept; Ctrl-D does the same)"),
    ]

    func commandNames() async -> [String] {
        Self.builtins.map(\.name) + (await host.commands.map(\.name)).filter { name in !Self.builtins.contains { $0.name == name } }
    }

    /// Prefixes that would be ambiguous but have an obvious meaning.
    static let aliases = ["h": "help"]

    func command(_ typed: String, args: String) async -> Flow {
        if let alias = Self.aliases[typed] { return await run(alias, args: args) }
        switch CommandMatch.resolve(typed, among: await commandNames()) {
        case .unknown:
            fail("unknown command :\(typed) — :help lists the commands (start a line with :: to send a literal ':')")
        case .ambiguous(let names):
            fail(":\(typed) is ambiguous: " + names.map { ":" + $0 }.joined(separator: ", "))
        case .found(let name):
            return await run(name, args: args)
        }
        return .proceed
    }

    private func run(_ name: String, args: String) async -> Flow {
        switch name {
        case "teach": await teachCommand(args)
        case "mode": await modeCommand(args)
        case "modes": printLines(Views.modes(await host.modes(), current: await engine.mode))
        case "stats": await statsCommand(args)
        case "parallel": await parallelCommand(args)
        case "sessions": await sessionsCommand()
        case "resume": await resumeCommand(args)
        case "export": await exportCommand(args)
        case "report": await reportCommand(args)
        case "review": await reviewCommand()
        case "backend": await backendCommand()
        case "prompt": await promptCommand(args)
        case "history": await withSession { printLines(Views.history($0)) }
        case "plugins":
            printLines(Views.plugins(heuristics: await host.heuristics, topics: await host.topics, commands: await host.commands,
                                hooks: await host.hooks, files: await host.files, log: host.log, memoryUsed: await host.memoryUsed,
                                memoryCap: await host.memoryCap))
        case "log":
            if let lines = Views.log(host.log, args: args) { printLines(lines) } else { fail("usage: :log [N] (N a positive number)") }
        case "reload": await reloadCommand()
        case "edit": await editCommand()
        case "help": await helpCommand(args)
        case "quit": return .quit
        default: await pluginCommand(name, args: args)
        }
        return .proceed
    }

    private func printLines(_ lines: [String]) {
        console.out(Sanitizer.clean(lines.joined(separator: "\n")))
    }

    private func withSession(_ body: (Session) -> Void) async {
        guard let session = await engine.session else {
            fail("no session yet: start one with :teach TOPIC")
            return
        }
        body(session)
    }

    /// `:mode NAME` takes a unique prefix of a persona's name too (`:mode five`).
    private func modeCommand(_ typed: String) async {
        guard !typed.isEmpty else {
            console.out("mode: \(await engine.mode)")
            return
        }
        let known = await host.modes().map(\.name)
        switch CommandMatch.resolve(typed.lowercased(), among: known) {
        case .found(let name):
            _ = await engine.switchMode(to: name)
            console.out("now asking as \(name)")
        case .ambiguous(let names):
            fail("'\(typed)' could be \(names.joined(separator: " or "))")
        case .unknown:
            fail("no persona named '\(typed)' (known: \(known.joined(separator: ", ")))")
        }
    }

    private func statsCommand(_ args: String) async {
        guard args.isEmpty || args == "--json" else {
            fail("usage: :stats [--json]")
            return
        }
        guard let session = await engine.session else {
            fail("no session yet: start one with :teach TOPIC")
            return
        }
        let (analytics, behind) = await analytics.snapshot(for: session)
        guard args == "--json" else {
            printLines(Views.stats(session, analytics: analytics, behind: behind, prices: backendInfo.price))
            return
        }
        /// DESIGN §8's object for this session, with which session and how many turns it trails.
        struct Stats: Encodable {
            var sessionId, topic, mode: String
            var turns, behind: Int
            var analytics: SessionAnalytics
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let stats = Stats(sessionId: session.id, topic: session.topic, mode: session.mode, turns: session.turns.count,
                          behind: behind, analytics: analytics)
        console.out(String(decoding: (try? encoder.encode(stats)) ?? Data("{}".utf8), as: UTF8.self))
    }

    private func parallelCommand(_ args: String) async {
        switch args.lowercased() {
        case "": break
        case "on": await engine.setParallel(true)
        case "off": await engine.setParallel(false)
        default:
            fail("usage: :parallel on|off")
            return
        }
        console.out("parallel: \(await engine.parallel ? "on (analysis and question at once)" : "off (question after the analysis)")")
    }

    private func backendCommand() async {
        var lines = backendInfo.details
        lines.append("parallel: \(await engine.parallel ? "on" : "off")")
        let failures = (await engine.session?.turns ?? []).filter { $0.fallbackReason != nil }
        if let last = failures.last, let reason = last.fallbackReason {
            lines.append("last fallback: turn \(last.number): \(reason)")
        } else {
            lines.append("last fallback: none this session")
        }
        printLines(lines)
    }

    /// A plugin command named like a built-in one can never run: say so rather than let it vanish.
    func warnShadowedCommands() async {
        for command in await host.commands where Self.builtins.contains(where: { $0.name == command.name }) {
            console.warning("\(command.file): command :\(command.name) has the name of a built-in command and never runs; rename it")
        }
    }

    private func reloadCommand() async {
        let before = await host.config
        let files = await host.reload()
        let failed = files.filter { $0.error != nil }
        for file in failed { console.warning(file.error ?? "") }
        console.status(console.dim("reloaded \(files.count) files, \(failed.count) with errors"))
        await warnShadowedCommands()
        await apply(await host.config, replacing: before)
        let mode = await engine.mode
        if !(await host.modes().contains { $0.name == mode }) {
            console.warning("the current persona '\(mode)' no longer exists; questions fall back to the default")
        }
    }

    /// Applies init.lua's settings again after `:reload` and says what changed; `parallel` only when
    /// init.lua changed it, so a `:parallel` toggle survives a reload that leaves it alone.
    private func apply(_ config: ScriptConfig, replacing old: ScriptConfig) async {
        let changes = config.changes(from: old)
        guard !changes.isEmpty, let reconfigure else { return }
        let applied = reconfigure(config)
        await engine.setBackend(applied.backend)
        backendInfo = applied.info
        if config.parallel != old.parallel { await engine.setParallel(applied.parallel) }
        for change in changes { console.status("init.lua: " + change) }
        if config.analyticsEvery != old.analyticsEvery { console.status(console.dim("(analytics_every applies from the next start)")) }
    }

    private func editCommand() async {
        do {
            guard let text = try await ExternalEditor.edit(environment: environment, onTerminal: interactive) else {
                console.status(console.dim("empty: nothing sent"))
                return
            }
            await teach(text)
        } catch {
            fail(error.description)
        }
    }

    private func helpCommand(_ topic: String) async {
        let plugins = await host.commands
        let all = Self.builtins.map { ($0.name, $0.usage, $0.help) } + plugins.map { ($0.name, $0.usage ?? ":" + $0.name, $0.description) }
        if !topic.isEmpty {
            let wanted = topic.hasPrefix(":") ? String(topic.dropFirst()) : topic
            guard case .found(let name) = CommandMatch.resolve(wanted, among: all.map(\.0)),
                  let entry = all.first(where: { $0.0 == name }) else {
                fail("no command :\(wanted)")
                return
            }
            printLines(["\(entry.1)  \(entry.2)"])
            return
        }
        let width = all.map(\.1.count).max() ?? 0
        printLines(all.map { "  \($0.1.padding(toLength: width, withPad: " ", startingAt: 0))  \($0.2)" } + [
            "", "Anything not starting with ':' is an explanation for the student.",
            "\"\"\" on a line opens and closes a multi-line block; a trailing \\ continues a line; :: sends a literal ':'.",
            "Unique prefixes work (:st → :stats). Tab completes commands, personas and topics.",
        ])
    }

    private func pluginCommand(_ name: String, args: String) async {
        do {
            if let text = try await host.runCommand(name, args: args, session: await engine.session?.info) {
                printLines([text])
            }
        } catch {
            show([error])
        }
    }
}
