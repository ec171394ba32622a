import CLua
import Foundation
import LuaShim
import TeachBack

/// A script file to load, and the name messages give it (`plugins/hedging.lua`, `~/x/mine.lua`).
struct ScriptFile: Sendable, Equatable {
    enum Kind: Sendable { case mode, plugin, config }
    var path: String
    var display: String
    var kind: Kind
}

/// How one file fared at load time, for `:plugins`.
package struct LoadedFile: Sendable, Equatable {
    package var file: String
    package var registered: [String]
    package var error: String?
    /// Bytes the state grew by while the file loaded.
    package var memory: Int
}

/// Time budgets in seconds for each kind of call into Lua (DESIGN §4).
package struct Budgets: Sendable {
    package var heuristic = 0.2
    package var mode = 0.2
    package var command = 2.0
    package var load = 1.0
    package var memoryCap = 64 << 20
    /// Research's `--clamp`: a score outside [0, 1] (infinity too) is clamped instead of failing the
    /// heuristic (NaN still fails). Off everywhere else: nothing is changed silently.
    package var clampScores = false
    package init() {}
}

/// One Lua state with everything loaded into it: the sandbox, the `teachback` API and the
/// registrations of every script. `:reload` builds a new runtime and swaps it in.
final class ScriptRuntime {
    let lua: LuaState
    let budgets: Budgets
    let commonWords: Result<WordList, Problem>
    var registry = Registry()
    private(set) var files: [LoadedFile] = []
    let log: ScriptLog
    /// The file being loaded; registration is only allowed while this is set.
    var loading: (file: ScriptFile, registered: [String], failure: String?)?
    private var makeEnv: Int32 = 0
    /// The prelude's `lazy_lists(sources)`.
    var lazyLists: Int32 = 0
    /// The session lists contexts copy from (`ScriptRuntime+ContextLists`).
    var lists = ContextLists()
    /// The last text split into words and sentences (`TextHelpers`).
    var splits = SplitCache()
    /// Concept tables handed to heuristics, by topic pack name.
    var conceptRefs: [String: Int32] = [:]
    var termRefs: [String: Int32] = [:]
    /// Which pack (if any) a session topic matched, looked up once per topic.
    var packByTopic: [String: TopicPack?] = [:]

    init?(budgets: Budgets, commonWords: Result<WordList, Problem>, log: ScriptLog) {
        guard let lua = LuaState(memoryCap: budgets.memoryCap) else { return nil }
        self.lua = lua
        self.budgets = budgets
        self.commonWords = commonWords
        self.log = log
        tb_set_owner(lua.L, Unmanaged.passUnretained(self).toOpaque())
        guard installSandbox() else { return nil }
    }

    /// The runtime a Swift callback belongs to (the state's owner pointer).
    static func of(_ L: OpaquePointer?) -> ScriptRuntime {
        Unmanaged<ScriptRuntime>.fromOpaque(tb_owner(L)).takeUnretainedValue()
    }

    private func installSandbox() -> Bool {
        let libraries: [(String, lua_CFunction)] = [
            ("_G", luaopen_base), ("string", luaopen_string), ("table", luaopen_table), ("math", luaopen_math),
            ("utf8", luaopen_utf8), ("coroutine", luaopen_coroutine), ("os", luaopen_os),
        ]
        for (name, open) in libraries {
            luaL_requiref(lua.L, name, open, 1)
            lua.pop()
        }
        // Before the prelude: `("x"):find(...)` reaches the same table through the string metatable.
        tb_install_bounded(lua.L)
        if lua.load(text: Prelude.source, name: Prelude.name) != nil { return false }
        pushAPI()
        lua.pushFunction { L in ScriptRuntime.of(L).readModule() }
        lua.pushFunction(TextHelpers.printLog)
        guard lua.call(nargs: 3, nresults: 2, budget: budgets.load) == nil else { return false }
        lazyLists = lua.ref()
        makeEnv = lua.ref()
        return true
    }

    /// Loads one file into a fresh environment. A file that fails keeps none of its registrations.
    func load(_ file: ScriptFile) {
        let memoryBefore = lua.memoryUsed
        let snapshot = registry
        var error = loadProtected(file)
        let registered = loading?.registered ?? []
        // A failed registration fails the file even when the script caught the error with pcall.
        if error == nil { error = loading?.failure }
        loading = nil
        if error == nil, registered.isEmpty, file.kind != .config {
            error = "\(file.display): registers nothing (call teachback.mode{...}, teachback.heuristic{...}, ...)"
        }
        if let failed = error {
            registry = snapshot
            if !registered.isEmpty {
                error = failed + " — so nothing of \(file.display) is loaded (dropped: \(registered.joined(separator: ", ")))"
            }
        }
        files.append(LoadedFile(file: file.display, registered: error == nil ? registered : [], error: error,
                                memory: max(0, lua.memoryUsed - memoryBefore)))
    }

    private func loadProtected(_ file: ScriptFile) -> String? {
        let text: String
        do {
            text = try String(contentsOfFile: file.path, encoding: .utf8)
        } catch {
            return "\(file.display): cannot read: \(error.localizedDescription)"
        }
        if let error = lua.load(text: text, name: file.display) { return error.message }
        lua.pushRef(makeEnv)
        lua.push((file.path as NSString).deletingLastPathComponent)
        if let error = lua.call(nargs: 1, nresults: 1, budget: budgets.load) {
            lua.pop()
            return "\(file.display): \(error.message)"
        }
        _ = lua_setupvalue(lua.L, -2, 1)   // the environment becomes the chunk's _ENV
        loading = (file, [], nil)
        return lua.call(nargs: 0, nresults: 0, budget: budgets.load)?.message
    }

    /// Records what the file being loaded registered (`mode socratic`).
    func noteRegistered(_ what: String) { loading?.registered.append(what) }

    /// Logs argument 1 (a string or number) with the position of the Lua function `callerLevel`
    /// levels up the stack.
    func appendLog(callerLevel: Int32) -> Int32 {
        let message = lua.string(at: 1) ?? lua.number(at: 1).map { "\($0)" } ?? lua.typeName(at: 1)
        let (file, line) = lua.position(level: callerLevel)
        log.append(ScriptLog.Line(file: file, line: line, message: message))
        return 0
    }

    /// Raises `message` from the Swift function being called, prefixed with the script's position.
    /// The position is written out in full (Lua's own `luaL_where` shortens long paths to "...tail").
    func raise(_ message: String) -> Int32 {
        let (file, line) = lua.position(level: 1)
        lua.push(line > 0 ? "\(file):\(line): \(message)" : message)
        return -1
    }

    private func readModule() -> Int32 {
        guard let path = lua.string(at: 1), let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            lua.pushNil()
            return 1
        }
        lua.push(text)
        return 1
    }
}
