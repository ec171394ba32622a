import Foundation
import CLua
import LuaShim

/// `teachback.words`, `sentences`, `syllables`, `stem`, `is_common` and `log`: text work done
/// in Swift, where it is fast, for every heuristic to share.
enum TextHelpers {
    static let functions: [(String, tb_swift_function)] = [
        ("words", { L in ScriptRuntime.of(L).split("words", \.words, Tokenizer.words(in:)) }),
        ("sentences", { L in ScriptRuntime.of(L).split("sentences", \.sentences, Tokenizer.sentences(in:)) }),
        ("syllables", { L in ScriptRuntime.of(L).withText("syllables") { rt, word in rt.lua.push(Syllables.count(word)) } }),
        ("stem", { L in ScriptRuntime.of(L).withText("stem") { rt, word in rt.lua.push(PorterStemmer.stem(word)) } }),
        ("is_common", isCommon),
        ("log", log),
    ]

    /// `teachback.is_common(word)`, or an error naming the list that could not be read.
    static let isCommon: tb_swift_function = { L in
        let rt = ScriptRuntime.of(L)
        switch rt.commonWords {
        case .success(let list): return rt.withBytes("is_common") { rt, word in rt.lua.push(list.contains(utf8: word)) }
        case .failure(let problem): return rt.raise("teachback.is_common: \(problem.message)")
        }
    }

    /// `teachback.log(msg)`: the line goes to the log with the caller's `file:line`.
    static let log: tb_swift_function = { L in ScriptRuntime.of(L).appendLog(callerLevel: 1) }
    /// The sandbox's `print` (a Lua function joining its arguments) calls this one: the position
    /// logged is its caller's, one level further up. Nothing printed reaches the terminal directly.
    static let printLog: tb_swift_function = { L in ScriptRuntime.of(L).appendLog(callerLevel: 2) }
}

/// The text under analysis, and its words and sentences once a heuristic asked: every heuristic
/// splits that same text, and a repeat costs only a copy of the list. Other texts (a sentence,
/// a phrase) are split as asked, and never displace it.
struct SplitCache {
    var text: [UInt8] = []
    var words = LUA_NOREF
    var sentences = LUA_NOREF
}

extension ScriptRuntime {
    /// Makes `text` the one whose splits are kept, for one analysis.
    func keepSplits(of text: String) {
        luaL_unref(lua.L, tb_registryindex(), splits.words)
        luaL_unref(lua.L, tb_registryindex(), splits.sentences)
        splits = SplitCache(text: Array(text.utf8))
    }

    /// `teachback.words` or `sentences`: a fresh list every call (a script may change its own),
    /// for the text under analysis copied from the one kept.
    func split(_ name: String, _ which: WritableKeyPath<SplitCache, Int32>, _ splitter: (String) -> [String]) -> Int32 {
        withBytes(name) { rt, text in
            let kept = text.count == rt.splits.text.count
                && (text.isEmpty || rt.splits.text.withUnsafeBytes { memcmp($0.baseAddress!, text.baseAddress!, text.count) == 0 })
            if !kept || rt.splits[keyPath: which] == LUA_NOREF {
                rt.lua.pushArray(splitter(String(decoding: text, as: UTF8.self)))
                guard kept else { return }
                rt.splits[keyPath: which] = rt.lua.ref()
            }
            rt.lua.pushCopy(ofArray: rt.splits[keyPath: which])
        }
    }

    /// Calls `body` with the string argument of `teachback.<name>`, which pushes one result.
    func withText(_ name: String, _ body: (ScriptRuntime, String) -> Void) -> Int32 {
        withBytes(name) { rt, bytes in body(rt, String(decoding: bytes, as: UTF8.self)) }
    }

    /// `withText` with the string's bytes as Lua holds them, for helpers called once a word.
    func withBytes(_ name: String, _ body: (ScriptRuntime, UnsafeRawBufferPointer) -> Void) -> Int32 {
        guard let bytes = lua.bytes(at: 1) else {
            return raise("teachback.\(name) expects a string, got \(lua.typeName(at: 1))")
        }
        body(self, bytes)
        return 1
    }
}
