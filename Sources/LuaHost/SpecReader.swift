import CLua

/// A field of a script's table that does not have the shape the API needs; the message names
/// the field and what was expected, e.g. "field 'weight' must be a number, got string".
struct SpecError: Error {
    var message: String
}

/// Reads one Lua table through an explicit schema: every accessor names the field and the type it
/// wants, so a wrong table gets a precise error. Uses raw access only, so no script code runs.
struct SpecReader {
    let lua: LuaState
    let table: Int32

    init(_ lua: LuaState, table: Int32) {
        self.lua = lua
        self.table = lua.absolute(table)
    }

    /// Fails on the first key `schema` does not know, naming the nearest known one; `path`
    /// prefixes nested keys (`timeouts.`).
    func check(_ schema: Schema, path: String = "") throws(SpecError) {
        var unknown: String?
        lua.pushNil()
        while lua_next(lua.L, table) != 0 {
            if let key = lua.string(at: -2) {
                if !schema.keys.contains(key) { unknown = schema.unknownKey(key, path: path) }
            } else {
                let key = lua_isinteger(lua.L, -2) != 0 ? "\(lua_tointegerx(lua.L, -2, nil))" : lua.typeName(at: -2)
                unknown = "unexpected key [\(key)]\(path.isEmpty ? "" : " in '\(path.dropLast())'") (fields are named: \(schema.keys.joined(separator: ", ")))"
            }
            if unknown != nil {
                lua.pop(2)
                break
            }
            lua.pop()
        }
        if let unknown { throw SpecError(message: unknown) }
    }

    /// A string, or nil when absent; `required` makes absence an error.
    func string(_ key: String, required: Bool = false) throws(SpecError) -> String? {
        try field(key, required: required, expected: "a string") { lua.string(at: -1) }
    }

    func number(_ key: String, required: Bool = false) throws(SpecError) -> Double? {
        try field(key, required: required, expected: "a number") { lua.number(at: -1) }
    }

    func bool(_ key: String) throws(SpecError) -> Bool? {
        try field(key, required: false, expected: "a boolean") {
            lua.type(at: -1) == LUA_TBOOLEAN ? lua_toboolean(lua.L, -1) != 0 : nil
        }
    }

    /// A list of strings; an empty table is an empty list.
    func strings(_ key: String, required: Bool = false, limit: Int = 10_000) throws(SpecError) -> [String]? {
        try field(key, required: required, expected: "a list of strings") { () throws(SpecError) -> [String]? in
            guard lua.type(at: -1) == LUA_TTABLE else { return nil }
            return try Self.stringList(lua, at: -1, key: key, limit: limit)
        }
    }

    /// A nested table, pushed on the stack for the caller to read and pop; nil (nothing pushed)
    /// when absent.
    func table(_ key: String) throws(SpecError) -> SpecReader? {
        lua.rawGet(table, key)
        if lua.type(at: -1) == LUA_TTABLE { return SpecReader(lua, table: -1) }
        defer { lua.pop() }
        if lua.type(at: -1) == LUA_TNIL { return nil }
        throw mismatch(key, expected: "a table")
    }

    /// A function, kept in the registry; returns its reference.
    func function(_ key: String, required: Bool = false) throws(SpecError) -> Int32? {
        lua.rawGet(table, key)
        if lua.type(at: -1) == LUA_TFUNCTION { return lua.ref() }
        defer { lua.pop() }
        if lua.type(at: -1) == LUA_TNIL, !required { return nil }
        throw mismatch(key, expected: "a function")
    }

    /// A string or a function of the session (`greeting`, `system`).
    func text(_ key: String, required: Bool = false) throws(SpecError) -> ScriptText? {
        lua.rawGet(table, key)
        switch lua.type(at: -1) {
        case LUA_TFUNCTION: return .function(lua.ref())
        case LUA_TSTRING:
            defer { lua.pop() }
            return .text(lua.string(at: -1) ?? "")
        case LUA_TNIL where !required:
            lua.pop()
            return nil
        default:
            defer { lua.pop() }
            throw mismatch(key, expected: "a string or a function")
        }
    }

    /// Calls `each` with every element of the list field `key`, on top of the stack.
    func forEach(_ key: String, limit: Int = 10_000, _ each: (Int) throws(SpecError) -> Void) throws(SpecError) {
        lua.rawGet(table, key)
        defer { lua.pop() }
        guard lua.type(at: -1) == LUA_TTABLE else { throw mismatch(key, expected: "a list of tables") }
        let count = lua.rawLength(at: -1)
        guard count <= limit else { throw SpecError(message: "field '\(key)' has \(count) items, more than \(limit)") }
        for i in 0..<count {
            lua.rawGet(-1, i + 1)
            defer { lua.pop() }
            try each(i + 1)
        }
    }

    static func stringList(_ lua: LuaState, at index: Int32, key: String, limit: Int) throws(SpecError) -> [String] {
        let t = lua.absolute(index)
        let count = lua.rawLength(at: t)
        guard count <= limit else { throw SpecError(message: "field '\(key)' has \(count) items, more than \(limit)") }
        var out: [String] = []
        out.reserveCapacity(count)
        for i in 0..<count {
            lua.rawGet(t, i + 1)
            defer { lua.pop() }
            guard let s = lua.string(at: -1) else {
                throw SpecError(message: "field '\(key)' item \(i + 1) must be a string, got \(lua.typeName(at: -1))")
            }
            out.append(s)
        }
        return out
    }

    private func field<T>(_ key: String, required: Bool, expected: String,
                          _ read: () throws(SpecError) -> T?) throws(SpecError) -> T? {
        lua.rawGet(table, key)
        defer { lua.pop() }
        if lua.type(at: -1) == LUA_TNIL {
            if required { throw SpecError(message: "field '\(key)' is required (\(expected))") }
            return nil
        }
        guard let value = try read() else { throw mismatch(key, expected: expected) }
        return value
    }

    private func mismatch(_ key: String, expected: String) -> SpecError {
        SpecError(message: "field '\(key)' must be \(expected), got \(lua.typeName(at: -1))")
    }
}

/// A text field that scripts give either literally (with `{topic}`) or as a function of the session.
enum ScriptText {
    case text(String)
    case function(Int32)
}
