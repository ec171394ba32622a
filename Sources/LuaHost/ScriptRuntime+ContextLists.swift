import CLua
import LuaShim
import TeachBack

/// The session's `history` and `asked` as Lua tables, which contexts copy from on first use (the
/// prelude's `lazy_lists`). They follow the session a turn at a time: a changed list becomes a new
/// table sharing the entries that did not change, and a table a context may see is never changed.
struct ContextLists {
    var history: [PastTurn] = []
    var historyTable = LUA_NOREF
    var asked: [String] = []
    var askedTable = LUA_NOREF
    /// The metatable for the current tables, for analysis contexts (`history`) and turns (both).
    var metatables: [Bool: Int32] = [:]
}

extension ScriptRuntime {
    /// Gives the context table on top of the stack its lists: `history`, and `asked` when given.
    func attachLists(history: [PastTurn], asked: [String]?) {
        var changed = false
        if lists.historyTable == LUA_NOREF || !Self.same(lists.history, history) {
            lists.historyTable = replace(lists.historyTable, count: history.count, keeping: Self.commonPrefix(lists.history, history)) { i in
                lua.push(history[i])
            }
            lists.history = history
            changed = true
        }
        if let asked, lists.askedTable == LUA_NOREF || !Self.same(lists.asked, asked) {
            lists.askedTable = replace(lists.askedTable, count: asked.count, keeping: Self.commonPrefix(lists.asked, asked)) { i in
                lua.push(asked[i])
            }
            lists.asked = asked
            changed = true
        }
        if changed {
            for ref in lists.metatables.values { luaL_unref(lua.L, tb_registryindex(), ref) }
            lists.metatables = [:]
        }
        lua.pushRef(metatable(withAsked: asked != nil))
        lua_setmetatable(lua.L, -2)
    }

    private func metatable(withAsked: Bool) -> Int32 {
        if let ref = lists.metatables[withAsked] { return ref }
        lua.pushRef(lazyLists)
        lua.newTable(fieldCount: 2)
        lua.pushRef(lists.historyTable)
        lua.setField(-2, "history")
        if withAsked {
            lua.pushRef(lists.askedTable)
            lua.setField(-2, "asked")
        }
        lua_callk(lua.L, 1, 1, 0, nil)   // makes a table: cannot fail but for memory, outside the cap
        let ref = lua.ref()
        lists.metatables[withAsked] = ref
        return ref
    }

    /// A new array of `count` items: the first `kept` taken from the table `old` refers to, the
    /// rest pushed by `push(i)`. Releases `old` (contexts holding it keep it alive).
    private func replace(_ old: Int32, count: Int, keeping kept: Int, push: (Int) -> Void) -> Int32 {
        lua.pushRef(old)
        lua.newTable(arrayCount: count)
        for i in 0..<count {
            if i < kept { lua.rawGet(-2, i + 1) } else { push(i) }
            lua_rawseti(lua.L, -2, lua_Integer(i + 1))
        }
        let ref = lua.ref()
        lua.pop()
        luaL_unref(lua.L, tb_registryindex(), old)
        return ref
    }

    /// The same list, known without comparing its items: one array buffer, shared.
    private static func same<T>(_ a: [T], _ b: [T]) -> Bool {
        a.count == b.count && a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress } }
    }

    private static func commonPrefix<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
        var n = 0
        while n < min(a.count, b.count), a[n] == b[n] { n += 1 }
        return n
    }
}
