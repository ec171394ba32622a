// libFuzzer target: the Lua host's marshalling. The input is a Lua expression; it is returned by
// a heuristic and spread into a mode's registration table, so whatever tables, types, metatables
// or sizes it builds go through the schema readers. Anything may fail; nothing may crash.
import Foundation
@testable import LuaHost
import TeachBack

private let dir: String = {
    let path = NSTemporaryDirectory() + "teachback-fuzz-\(getpid())"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLua(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let expression = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let script = """
    local function value() return (\(expression)\n) end
    teachback.heuristic { name = "f", analyze = function() return value() end }
    teachback.command { name = "c", run = function() return value() end }
    """
    // The mode in a file of its own: a failed registration fails its whole file.
    let mode = """
    local ok, spec = pcall(function() return (\(expression)\n) end)
    if ok and type(spec) == "table" then spec.name = "m"; spec.fallback = spec.fallback or function() return "q" end end
    teachback.mode(ok and type(spec) == "table" and spec or { name = "m", fallback = function() return "q" end })
    """
    try? script.write(toFile: dir + "/f.lua", atomically: false, encoding: .utf8)
    try? mode.write(toFile: dir + "/m.lua", atomically: false, encoding: .utf8)
    var budgets = Budgets()
    budgets.heuristic = 0.05
    budgets.command = 0.05
    budgets.load = 0.05
    budgets.memoryCap = 8 << 20
    let done = DispatchSemaphore(value: 0)
    Task {
        if let host = try? LuaScriptHost(paths: ScriptPaths(builtinRoot: nil, userConfig: nil, pluginDirs: [dir]), budgets: budgets) {
            _ = await host.analyze("some text", context: AnalysisContext(topic: "t", mode: "m", number: 1, history: []))
            _ = try? await host.runCommand("c", args: "", session: nil)
            _ = try? await host.fallbackQuestion(mode: "m", turn: TurnContext(topic: "t", mode: "m", number: 1, explanation: "e",
                                                                              analysis: Analysis(), history: [], asked: [], question: nil))
        }
        done.signal()
    }
    done.wait()
    return 0
}
