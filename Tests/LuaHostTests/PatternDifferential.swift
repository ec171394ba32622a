import CLua
import LuaShim
@testable import LuaHost

/// Runs the bounded matcher and Lua's own side by side in one state: `bounded.find` etc. against
/// `string.find` etc., on the patterns and subjects a Lua chunk generates. Shared by the
/// differential test and the fuzz target's replay.
enum PatternDifferential {
    /// Compares every function on one pattern and subject (arguments 1 and 2 of the chunk).
    static let compareOne = #"""
    local bounded, p, s, init = ...
    local function pack(ok, ...) return { ok = ok, n = select("#", ...), ... } end
    local function show(r)
      local parts = { tostring(r.ok) }
      for i = 1, r.n do parts[#parts + 1] = type(r[i]) .. ":" .. tostring(r[i]) end
      return table.concat(parts, ",")
    end
    local function collect(iter_ok, iter)
      if not iter_ok then return { ok = false, n = 1, iter } end
      local out = { ok = true, n = 0 }
      for _ = 1, 50 do
        local r = pack(pcall(iter))
        if not r.ok then out.n = out.n + 1; out[out.n] = "error " .. tostring(r[1]); break end
        if r[1] == nil then break end
        for i = 1, r.n do out.n = out.n + 1; out[out.n] = r[i] end
      end
      return out
    end
    local repls = { "%0", "<%1>", "%%", "x", "%2", "%", function(a, b) return b and (a .. b) or a end, { a = "A", ["("] = false } }
    local diffs = {}
    local function check(what, mine, theirs)
      if show(mine) ~= show(theirs) then
        diffs[#diffs + 1] = string.format("%s(%q, %q, %s): bounded %s, Lua %s", what, s, p, tostring(init), show(mine), show(theirs))
      end
    end
    check("find", pack(pcall(bounded.find, s, p, init)), pack(pcall(string.find, s, p, init)))
    check("match", pack(pcall(bounded.match, s, p, init)), pack(pcall(string.match, s, p, init)))
    check("gmatch", collect(pcall(bounded.gmatch, s, p, init)), collect(pcall(string.gmatch, s, p, init)))
    for i, r in ipairs(repls) do
      check("gsub#" .. i, pack(pcall(bounded.gsub, s, p, r)), pack(pcall(string.gsub, s, p, r)))
    end
    check("gsub-n", pack(pcall(bounded.gsub, s, p, "-", 2)), pack(pcall(string.gsub, s, p, "-", 2)))
    return table.concat(diffs, "\n")
    """#

    /// A fuzz input as a case: the pattern before the first NUL byte, the subject after it. Only
    /// cases Lua's own (uninterruptible) matcher finishes quickly are kept: a short subject and at
    /// most three repetition operators.
    static func fuzzCase(_ bytes: [UInt8]) -> (pattern: String, subject: String)? {
        guard let split = bytes.firstIndex(of: 0) else { return nil }
        let pattern = bytes[..<split], subject = bytes[(split + 1)...]
        guard pattern.count <= 32, subject.count <= 48,
              pattern.filter({ "*+-?".utf8.contains($0) }).count <= 3 else { return nil }
        return (String(decoding: pattern, as: UTF8.self), String(decoding: subject, as: UTF8.self))
    }

    /// A state with the standard libraries (Lua's own matcher) and `compareOne` loaded.
    final class Runner {
        let lua: LuaState
        private let compare: Int32

        init() {
            lua = LuaState(memoryCap: 256 << 20)!
            luaL_openlibs(lua.L)
            _ = lua.load(text: PatternDifferential.compareOne, name: "differential")
            compare = lua.ref()
        }

        /// The differences between the two matchers on `pattern` and `subject` ("" when none).
        func differences(pattern: String, subject: String, initial: Int? = nil, budget: Double = 5) -> String {
            lua.pushRef(compare)
            tb_push_bounded_patterns(lua.L)
            lua.push(pattern)
            lua.push(subject)
            if let initial { lua.push(initial) } else { lua.pushNil() }
            if let error = lua.call(nargs: 4, nresults: 1, budget: budget) { return "error: \(error.message)" }
            defer { lua.pop() }
            return lua.string(at: -1) ?? ""
        }
    }
}
