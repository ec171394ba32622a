import Foundation
import LuaShim
import TeachBack

/// The Lua implementation of the core's `ScriptHost`: one actor owning one runtime (one Lua
/// state), so no two threads ever touch it. `:reload` builds a fresh runtime and swaps it in.
package actor LuaScriptHost: ScriptHost {
    package let paths: ScriptPaths
    package let budgets: Budgets
    /// The scripts' log, kept across `:reload`.
    package nonisolated let log: ScriptLog
    /// The common-word list, or why it could not be read.
    private let commonWords: Result<WordList, Problem>
    private var runtime: ScriptRuntime
    /// The current state's address, for `interrupt()` from any thread (Ctrl-C).
    private let interruptTarget = Protected<UInt?>(nil)

    package enum StartError: Error, CustomStringConvertible {
        case noState
        package var description: String { "could not create a Lua state (out of memory?)" }
    }

    package init(paths: ScriptPaths, budgets: Budgets = Budgets(), log: ScriptLog = ScriptLog()) throws(StartError) {
        self.paths = paths
        self.budgets = budgets
        self.log = log
        commonWords = Self.readCommonWords(paths)
        guard let runtime = Self.makeRuntime(paths: paths, budgets: budgets, commonWords: commonWords, log: log) else {
            throw .noState
        }
        self.runtime = runtime
        interruptTarget.withLock { $0 = UInt(bitPattern: runtime.lua.L) }
    }

    /// Without a built-in root (already warned about) the list is empty; a root without a readable
    /// list makes `teachback.is_common` fail, naming the file, in the scripts that call it: an
    /// empty list would quietly count every word as uncommon.
    private static func readCommonWords(_ paths: ScriptPaths) -> Result<WordList, Problem> {
        guard let file = paths.commonWordsFile else { return .success(WordList(words: [String]())) }
        do {
            return .success(try WordList(contentsOf: file))
        } catch {
            return .failure(Problem("no common-word list: cannot read \(file) (\(error.localizedDescription))"))
        }
    }

    private static func makeRuntime(paths: ScriptPaths, budgets: Budgets, commonWords: Result<WordList, Problem>, log: ScriptLog) -> ScriptRuntime? {
        guard let runtime = ScriptRuntime(budgets: budgets, commonWords: commonWords, log: log) else { return nil }
        paths.files().forEach(runtime.load)
        return runtime
    }

    /// Loads everything into a fresh state; the old one stays in use if no state can be made.
    @discardableResult
    package func reload() -> [LoadedFile] {
        if let fresh = Self.makeRuntime(paths: paths, budgets: budgets, commonWords: commonWords, log: log) {
            // Retarget Ctrl-C before the old state is freed by the swap.
            interruptTarget.withLock { $0 = UInt(bitPattern: fresh.lua.L) }
            runtime = fresh
        }
        return runtime.files
    }

    /// Stops the script running now (Ctrl-C) as if its budget had run out; safe from any thread.
    package nonisolated func interrupt() {
        interruptTarget.withLock { target in
            if let target, let L = OpaquePointer(bitPattern: target) { tb_interrupt(L) }
        }
    }

    /// "Lua 5.4.4", from the library actually linked.
    package static var luaVersion: String { LuaState.version }

    package var files: [LoadedFile] { runtime.files }
    package var loadErrors: [String] { runtime.files.compactMap(\.error) }
    package var config: ScriptConfig { runtime.registry.config }
    package var memoryUsed: Int { runtime.lua.memoryUsed }
    package var memoryCap: Int { runtime.lua.memoryCap }
    package var commonWordCount: Int { (try? commonWords.get())?.count ?? 0 }

    package var heuristics: [PluginItem] {
        runtime.registry.heuristics.map { PluginItem(name: $0.name, description: $0.description, file: $0.file) }
    }
    package var topics: [PluginItem] {
        runtime.registry.topics.map { PluginItem(name: $0.name, description: "\($0.concepts.count) concepts, \($0.terms.count) terms", file: $0.file) }
    }
    /// The concept names of the topic pack for `topic` (by name or alias), for the report's concept map.
    package func conceptNames(forTopic topic: String) -> [String]? { runtime.topicPack(for: topic)?.concepts.map(\.name) }
    package var commands: [PluginItem] {
        runtime.registry.commands.map { PluginItem(name: $0.name, description: $0.help, file: $0.file, usage: $0.usage) }
    }
    package var hooks: [PluginItem] {
        runtime.registry.hooks.map { PluginItem(name: $0.event.rawValue, description: "", file: $0.file) }
    }

    package func runCommand(_ name: String, args: String, session: SessionInfo?) throws(Problem) -> String? {
        guard let command = runtime.registry.commands.first(where: { $0.name == name }) else {
            throw Problem("no command :\(name)")
        }
        return try runtime.runCommand(command, args: args, session: session)
    }

    // MARK: ScriptHost

    package func modes() -> [ModeInfo] {
        runtime.registry.modes.map { ModeInfo(name: $0.name, description: $0.description, file: $0.file) }
    }

    package func analyze(_ text: String, context: AnalysisContext) -> LocalAnalysisReport {
        runtime.analyze(text, context: context)
    }

    package func greeting(mode: String, session: SessionInfo) throws(Problem) -> String {
        try runtime.greeting(mode: mode, session: session)
    }

    package func fallbackQuestion(mode: String, turn: TurnContext) throws(Problem) -> String {
        try runtime.fallbackQuestion(mode: mode, turn: turn)
    }

    package func questionPrompt(mode: String, turn: TurnContext, session: SessionInfo) throws(Problem) -> QuestionPrompt {
        try runtime.questionPrompt(mode: mode, turn: turn, session: session)
    }

    package func notify(_ event: HookEvent) -> [Problem] { runtime.notify(event) }
    package func scheduledTopic(_ topic: String) -> String { runtime.topicPack(for: topic)?.name ?? topic }
}

/// A registered heuristic, topic, command or hook, as `:plugins` lists it.
package struct PluginItem: Sendable, Equatable {
    package var name: String
    package var description: String
    package var file: String
    package var usage: String?
}
