import CLua
import LuaShim

/// A script failure with the `file:line: message` Lua produced and the traceback, if any.
struct LuaError: Error {
    var message: String
    var traceback: String?
}

/// One Lua state and the Swift side of its C API. Not thread-safe: a `ScriptRuntime` owns it
/// and an actor owns the runtime, so no two threads ever touch it.
final class LuaState {
    let L: OpaquePointer
    let memoryCap: Int

    init?(memoryCap: Int) {
        guard let L = tb_newstate(memoryCap) else { return nil }
        self.L = L
        self.memoryCap = memoryCap
    }

    deinit { tb_close(L) }

    var memoryUsed: Int { tb_memory_used(L) }
    /// Whether the last call's budget was kept by a deadline timer rather than the count hook.
    var budgetKeptByTimer: Bool { tb_budget_timed(L) != 0 }
    /// ThreadSanitizer holds signals back while Lua runs, so its builds keep budgets by the hook.
    static var builtWithThreadSanitizer: Bool { tb_thread_sanitized() != 0 }

    /// The linked library's version, as `lua_version` reports it (504 → "Lua 5.4").
    static var version: String {
        let n = Int(lua_version(nil))
        return "Lua \(n / 100).\(n % 100)"
    }
    var top: Int32 { lua_gettop(L) }
    func pop(_ n: Int32 = 1) { tb_pop(L, n) }
    func setTop(_ index: Int32) { lua_settop(L, index) }

    /// Calls the function below `nargs` arguments, protected, with a time budget in seconds.
    /// On success the results are on the stack; on failure nothing is.
    func call(nargs: Int32, nresults: Int32, budget: Double) -> LuaError? {
        let status = tb_pcall(L, nargs, nresults, budget)
        guard status != LUA_OK else { return nil }
        defer { pop() }
        if status == LUA_ERRMEM {
            return LuaError(message: "memory cap of \(memoryCap >> 20) MiB reached")
        }
        let full = string(at: -1) ?? "unknown error"
        guard let range = full.range(of: "\nstack traceback:") else { return LuaError(message: full) }
        return LuaError(message: String(full[..<range.lowerBound]),
                        traceback: String(full[range.lowerBound...].dropFirst()))
    }

    /// Compiles text (never bytecode) into a function on the stack; `name` appears in messages.
    func load(text: String, name: String) -> LuaError? {
        var text = text
        let status = text.withUTF8 { buf in
            buf.withMemoryRebound(to: CChar.self) { tb_loadtext(L, $0.baseAddress, $0.count, "@" + name) }
        }
        guard status != LUA_OK else { return nil }
        defer { pop() }
        return LuaError(message: string(at: -1) ?? "cannot load \(name)")
    }

    // MARK: Pushing (only outside running calls or inside Swift helpers, where the memory cap
    // is lifted, so a push never raises).

    func push(_ s: String) {
        var s = s
        s.withUTF8 { buf in
            buf.withMemoryRebound(to: CChar.self) { _ = lua_pushlstring(L, $0.baseAddress, $0.count) }
        }
    }
    func push(_ n: Double) { lua_pushnumber(L, n) }
    func push(_ i: Int) { lua_pushinteger(L, lua_Integer(i)) }
    func push(_ b: Bool) { lua_pushboolean(L, b ? 1 : 0) }
    func pushNil() { lua_pushnil(L) }
    func pushFunction(_ fn: tb_swift_function) { tb_pushswiftfunction(L, fn) }
    func newTable(arrayCount: Int = 0, fieldCount: Int = 0) {
        lua_createtable(L, Int32(clamping: arrayCount), Int32(clamping: fieldCount))
    }

    /// Pops the top value into the table at `table` (absolute index) under `key`.
    func setField(_ table: Int32, _ key: String) { lua_setfield(L, table, key) }

    func pushArray(_ items: [String]) {
        newTable(arrayCount: items.count)
        for (i, item) in items.enumerated() {
            push(item)
            lua_rawseti(L, -2, lua_Integer(i + 1))
        }
    }

    /// A new table holding the array part of the referenced one: its items are shared, as
    /// strings and numbers always are.
    func pushCopy(ofArray ref: Int32) {
        pushRef(ref)
        let count = rawLength(at: -1)
        newTable(arrayCount: count)
        for i in stride(from: 1, through: count, by: 1) {
            lua_rawgeti(L, -2, lua_Integer(i))
            lua_rawseti(L, -2, lua_Integer(i))
        }
        lua_copy(L, -1, -2)
        pop()
    }

    // MARK: References to values kept by Swift (registered functions).

    /// Pops the top value and keeps it in the registry.
    func ref() -> Int32 { luaL_ref(L, tb_registryindex()) }
    func pushRef(_ ref: Int32) { lua_rawgeti(L, tb_registryindex(), lua_Integer(ref)) }

    // MARK: Reading (raw access only: no metamethod may run, and so nothing may raise).

    func type(at index: Int32) -> Int32 { lua_type(L, index) }
    func typeName(at index: Int32) -> String { String(cString: lua_typename(L, lua_type(L, index))) }

    /// The string at `index` if it is a string (numbers are not converted in place).
    func string(at index: Int32) -> String? {
        bytes(at: index).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The bytes of the string at `index`, valid while it stays on the stack.
    func bytes(at index: Int32) -> UnsafeRawBufferPointer? {
        guard lua_type(L, index) == LUA_TSTRING else { return nil }
        var len = 0
        guard let p = tb_tostring(L, index, &len) else { return nil }
        return UnsafeRawBufferPointer(start: p, count: len)
    }

    func number(at index: Int32) -> Double? {
        guard lua_type(L, index) == LUA_TNUMBER else { return nil }
        return lua_tonumberx(L, index, nil)
    }

    /// The chunk and current line of the function `level` levels up the stack (1: the caller of
    /// the running C function), as messages name it: `plugins/foo.lua`, 12.
    /// C frames (a `pcall` around the call) are skipped to the nearest Lua function.
    func position(level: Int32) -> (file: String, line: Int) {
        var ar = lua_Debug()
        var level = level
        while lua_getstack(L, level, &ar) != 0, lua_getinfo(L, "Sl", &ar) != 0, ar.currentline < 0 { level += 1 }
        guard ar.currentline >= 0, let source = ar.source else { return ("?", 0) }
        let name = String(cString: source)
        let file = name.hasPrefix("@") || name.hasPrefix("=") ? String(name.dropFirst()) : "[string]"
        return (file, Int(ar.currentline))
    }

    /// The line where the referenced Lua function is defined (0 for a C function).
    func lineDefined(_ ref: Int32) -> Int {
        pushRef(ref)
        var ar = lua_Debug()
        guard lua_getinfo(L, ">S", &ar) != 0 else { return 0 }   // pops the function
        return Int(max(0, ar.linedefined))
    }

    func absolute(_ index: Int32) -> Int32 { lua_absindex(L, index) }

    /// Pushes `table[key]` without metamethods.
    func rawGet(_ table: Int32, _ key: String) {
        let t = absolute(table)
        push(key)
        lua_rawget(L, t)
    }

    func rawLength(at index: Int32) -> Int { Int(lua_rawlen(L, index)) }
    func rawGet(_ table: Int32, _ i: Int) { lua_rawgeti(L, table, lua_Integer(i)) }
}
