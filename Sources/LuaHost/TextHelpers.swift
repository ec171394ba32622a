import CLua
import LuaShim

/// `teachback.words`, `sentences`, `syllables`, `stem`, `is_common` and `log`: text work done
/// in Swift, where it is fast, for every heuristic to share.
enum TextHelpers {
    static let functions: [(String, tb_swift_function)] = [
        ("words", { L in ScriptRuntime.of(L).withText("words") { rt, text in rt.lua.pushArray(Tokenizer.words(in: text)) } }),
        ("sentences", { L in ScriptRuntime.of(L).withText("sentences") { rt, text in rt.lua.pushArray(Tokenizer.sentences(in: text)) } }),
        ("syllables", { L in ScriptRuntime.of(L).withText("syllables") { rt, word in rt.lua.push(Syllables.count(word)) } }),
        ("stem", { L in ScriptRuntime.of(L).withText("stem") { rt, word in rt.lua.push(PorterStemmer.stem(word)) } }),
        ("is_common", { L in ScriptRuntime.of(L).withText("is_common") { rt, word in rt.lua.push(rt.commonWords.contains(word)) } }),
        ("log", log),
    ]

    /// `teachback.log(msg)`: the line goes to the log with the caller's `file:line`.
    static let log: tb_swift_function = { L in ScriptRuntime.of(L).appendLog(callerLevel: 1) }
    /// The sandbox's `print` (a Lua function joining its arguments) calls this one: the position
    /// logged is its caller's, one level further up. Nothing printed reaches the terminal directly.
    static let printLog: tb_swift_function = { L in ScriptRuntime.of(L).appendLog(callerLevel: 2) }
}

extension ScriptRuntime {
    /// Calls `body` with the string argument of `teachback.<name>`, which pushes one result.
    func withText(_ name: String, _ body: (ScriptRuntime, String) -> Void) -> Int32 {
        guard let text = lua.string(at: 1) else {
            return raise("teachback.\(name) expects a string, got \(lua.typeName(at: 1))")
        }
        body(self, text)
        return 1
    }
}
