import CLua
import LuaShim

/// The `teachback.*` registration functions: each decodes its table through an explicit schema
/// and says precisely which field is wrong.
extension ScriptRuntime {
    func pushAPI() {
        let functions: [(String, tb_swift_function)] = [
            ("mode", { L in ScriptRuntime.of(L).register(.mode) }),
            ("heuristic", { L in ScriptRuntime.of(L).register(.heuristic) }),
            ("topic", { L in ScriptRuntime.of(L).register(.topic) }),
            ("command", { L in ScriptRuntime.of(L).register(.command) }),
            ("config", { L in ScriptRuntime.of(L).register(.config) }),
            ("on_turn", { L in ScriptRuntime.of(L).registerHook(.turn) }),
            ("on_session_start", { L in ScriptRuntime.of(L).registerHook(.sessionStart) }),
            ("on_session_end", { L in ScriptRuntime.of(L).registerHook(.sessionEnd) }),
        ]
        lua.newTable(fieldCount: functions.count + TextHelpers.functions.count)
        for (name, fn) in functions + TextHelpers.functions {
            lua.pushFunction(fn)
            lua.setField(-2, name)
        }
    }

    private enum Kind: String { case mode, heuristic, topic, command, config }

    /// Checks that a file is loading and that the argument is a table, then decodes it.
    private func register(_ kind: Kind) -> Int32 {
        let api = "teachback.\(kind.rawValue)"
        guard loading != nil else { return raise("\(api): registration is only allowed while a file loads") }
        guard lua.type(at: 1) == LUA_TTABLE else { return failRegistration("\(api) expects a table, got \(lua.typeName(at: 1))") }
        let spec = SpecReader(lua, table: 1)
        do throws(SpecError) {
            switch kind {
            case .mode: try registerMode(spec)
            case .heuristic: try registerHeuristic(spec)
            case .topic: try registerTopic(spec)
            case .command: try registerCommand(spec)
            case .config: try registerConfig(spec)
            }
            return 0
        } catch {
            return failRegistration("\(api): \(error.message)")
        }
    }

    /// Raises `message` at the caller's `file:line` and remembers it: the file then loads nothing,
    /// even if the script caught the error with `pcall`.
    private func failRegistration(_ message: String) -> Int32 {
        let (file, line) = lua.position(level: 1)
        if loading?.failure == nil { loading?.failure = "\(file):\(line): \(message)" }
        return raise(message)
    }

    private func name(_ spec: SpecReader, pattern: Bool = true) throws(SpecError) -> String {
        guard let name = try spec.string("name", required: true), !name.isEmpty else {
            throw SpecError(message: "field 'name' must not be empty")
        }
        if pattern, !name.utf8.allSatisfy({ (0x61...0x7a).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2d }) {
            throw SpecError(message: "field 'name' must match [a-z0-9-]+, got '\(name)'")
        }
        return name
    }

    private var currentFile: String { loading?.file.display ?? "?" }

    private func registerMode(_ spec: SpecReader) throws(SpecError) {
        try spec.check(.mode)
        let name = try name(spec)
        let maxTokens = try spec.number("max_tokens")
        if let maxTokens, !(1...1_000_000).contains(maxTokens) || maxTokens != maxTokens.rounded() {
            throw SpecError(message: "field 'max_tokens' must be an integer from 1 to 1000000")
        }
        let mode = ModeScript(
            name: name, description: try spec.string("description") ?? "", file: currentFile,
            greeting: try spec.text("greeting"), system: try spec.text("system"),
            prompt: try spec.function("prompt"), fallback: try fallback(spec),
            temperature: try spec.number("temperature"), maxTokens: maxTokens.map { Int($0) })
        registry.add(mode)
        noteRegistered("mode \(name)")
    }

    /// Every mode needs its offline question: a missing one is a load error, not a failure every
    /// offline turn.
    private func fallback(_ spec: SpecReader) throws(SpecError) -> Int32 {
        lua.rawGet(spec.table, "fallback")
        defer { lua.pop() }
        guard lua.type(at: -1) != LUA_TNIL else {
            throw SpecError(message: "field 'fallback' is required (a function of the turn; `persona.fallback` from modes/lib/persona.lua is a shared one)")
        }
        return try spec.function("fallback", required: true) ?? 0
    }

    private func registerHeuristic(_ spec: SpecReader) throws(SpecError) {
        try spec.check(.heuristic)
        let name = try name(spec)
        let weight = try spec.number("weight") ?? 1
        guard weight >= 0, weight.isFinite else { throw SpecError(message: "field 'weight' must be a number ≥ 0") }
        guard let analyze = try spec.function("analyze", required: true) else { return }
        registry.add(HeuristicScript(name: name, description: try spec.string("description") ?? "",
                                     file: currentFile, weight: weight, analyze: analyze, line: lua.lineDefined(analyze)))
        noteRegistered("heuristic \(name)")
    }

    private func registerTopic(_ spec: SpecReader) throws(SpecError) {
        try spec.check(.topic)
        let name = try name(spec, pattern: false)
        var concepts: [TopicPack.Concept] = []
        try spec.forEach("concepts") { (i: Int) throws(SpecError) in
            guard lua.type(at: -1) == LUA_TTABLE else {
                throw SpecError(message: "concepts item \(i) must be a table, got \(lua.typeName(at: -1))")
            }
            let concept = SpecReader(lua, table: -1)
            do throws(SpecError) {
                try concept.check(.concept)
                let conceptName = try concept.string("name", required: true) ?? ""
                concepts.append(.init(name: conceptName, match: try concept.strings("match") ?? [conceptName]))
            } catch {
                throw SpecError(message: "concepts item \(i): \(error.message)")
            }
        }
        var terms: [TopicPack.Term] = []
        lua.rawGet(spec.table, "terms")
        let hasTerms = lua.type(at: -1) != LUA_TNIL
        lua.pop()
        if hasTerms {
            try spec.forEach("terms") { (i: Int) throws(SpecError) in
                guard lua.type(at: -1) == LUA_TTABLE else {
                    throw SpecError(message: "terms item \(i) must be a table, got \(lua.typeName(at: -1))")
                }
                let term = SpecReader(lua, table: -1)
                do throws(SpecError) {
                    try term.check(.term)
                    terms.append(.init(name: try term.string("name", required: true) ?? "", aliases: try term.strings("aliases") ?? [],
                                       definition: try term.string("definition", required: true) ?? ""))
                } catch {
                    throw SpecError(message: "terms item \(i): \(error.message)")
                }
            }
        }
        registry.add(TopicPack(name: name, aliases: try spec.strings("aliases") ?? [], concepts: concepts, terms: terms,
                               file: currentFile))
        noteRegistered("topic \(name)")
    }

    private func registerCommand(_ spec: SpecReader) throws(SpecError) {
        try spec.check(.command)
        let name = try name(spec)
        guard let run = try spec.function("run", required: true) else { return }
        registry.add(CommandScript(name: name, usage: try spec.string("usage") ?? ":\(name)",
                                   help: try spec.string("help") ?? "", file: currentFile, run: run))
        noteRegistered("command :\(name)")
    }

    private func registerConfig(_ spec: SpecReader) throws(SpecError) {
        guard loading?.file.kind == .config else {
            throw SpecError(message: "only init.lua may set the configuration")
        }
        try spec.check(.config)
        var config = registry.config
        config.model = try spec.string("model") ?? config.model
        config.parallel = try spec.bool("parallel") ?? config.parallel
        if let every = try spec.number("analytics_every") {
            guard (1...100_000).contains(every), every == every.rounded() else {
                throw SpecError(message: "field 'analytics_every' must be an integer from 1 to 100000")
            }
            config.analyticsEvery = Int(every)
        }
        if let turns = try spec.number("history_turns") {
            guard (1...50).contains(turns), turns == turns.rounded() else {
                throw SpecError(message: "field 'history_turns' must be an integer from 1 to 50")
            }
            config.historyTurns = Int(turns)
        }
        if let timeouts = try spec.table("timeouts") {
            defer { lua.pop() }
            try timeouts.check(.timeouts, path: "timeouts.")
            config.connectTimeout = try Self.seconds(timeouts, "connect") ?? config.connectTimeout
            config.stallTimeout = try Self.seconds(timeouts, "stall") ?? config.stallTimeout
            config.totalTimeout = try Self.seconds(timeouts, "total") ?? config.totalTimeout
        }
        if let retries = try spec.number("max_retries") {
            guard (0...10).contains(retries), retries == retries.rounded() else {
                throw SpecError(message: "field 'max_retries' must be an integer from 0 to 10")
            }
            config.maxRetries = Int(retries)
        }
        if let busy = try spec.number("busy_timeout") {
            guard (0...600).contains(busy) else { throw SpecError(message: "field 'busy_timeout' must be seconds from 0 to 600") }
            config.busyTimeout = busy
        }
        lua.rawGet(spec.table, "prices")
        defer { lua.pop() }
        if lua.type(at: -1) == LUA_TTABLE {
            lua.pushNil()
            while lua_next(lua.L, -2) != 0 {
                defer { lua.pop() }
                guard let model = lua.string(at: -2), lua.type(at: -1) == LUA_TTABLE else {
                    throw SpecError(message: "field 'prices' must map model ids to {input=, output=}")
                }
                let price = SpecReader(lua, table: -1)
                do throws(SpecError) {
                    try price.check(.price)
                } catch {
                    lua.pop()   // the key, which lua_next would have consumed
                    throw SpecError(message: "prices['\(model)']: \(error.message)")
                }
                let input = try price.number("input", required: true) ?? 0
                let output = try price.number("output", required: true) ?? 0
                config.prices[model] = .init(input: input, output: output)
            }
        } else if lua.type(at: -1) != LUA_TNIL {
            throw SpecError(message: "field 'prices' must be a table, got \(lua.typeName(at: -1))")
        }
        registry.config = config
        noteRegistered("config")
    }

    /// A timeout in seconds from the `timeouts` table (on top of the stack), within 0.1...600.
    private static func seconds(_ timeouts: SpecReader, _ key: String) throws(SpecError) -> Double? {
        guard let value = try timeouts.number(key) else { return nil }
        guard (0.1...600).contains(value) else {
            throw SpecError(message: "field 'timeouts.\(key)' must be between 0.1 and 600 seconds")
        }
        return value
    }

    private func registerHook(_ event: HookScript.Event) -> Int32 {
        guard loading != nil else { return raise("teachback.\(event.rawValue): registration is only allowed while a file loads") }
        guard lua.type(at: 1) == LUA_TFUNCTION else {
            return failRegistration("teachback.\(event.rawValue) expects a function, got \(lua.typeName(at: 1))")
        }
        lua_settop(lua.L, 1)
        registry.hooks.append(HookScript(event: event, file: currentFile, function: lua.ref()))
        noteRegistered(event.rawValue)
        return 0
    }
}
