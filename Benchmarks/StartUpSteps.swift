import Foundation
import LuaHost
import Store

/// Two steps of start-up timed in this process: loading the built-in scripts into a new Lua
/// state, and opening the database, as a start-up after the first finds it (migrated, WAL).
struct StartUpSteps {
    static let runs = 10
    var scripts: Double
    var files: Int
    var database: Double

    static func measure(_ layout: Layout) async throws -> StartUpSteps {
        let clock = ContinuousClock()
        var scripts: [Double] = []
        var files = 0
        for _ in 0..<runs {
            let started = clock.now
            let host = try LuaScriptHost(paths: ScriptPaths(builtinRoot: layout.repoRoot, userConfig: nil))
            scripts.append((clock.now - started).ms)
            files = await host.files.count
        }
        let directory = try Layout.temporaryDirectory("database")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/teachback.sqlite"
        _ = try SQLiteStore(path: path)
        var database: [Double] = []
        for _ in 0..<runs {
            let started = clock.now
            _ = try SQLiteStore(path: path)
            database.append((clock.now - started).ms)
        }
        return StartUpSteps(scripts: Stats.median(scripts), files: files, database: Stats.median(database))
    }
}
