import ArgumentParser
import Foundation
import LuaHost
import REPL
import TeachBack

/// Builds the parts a command needs from the environment and the flags: the one place where
/// modules meet.
struct Wiring {
    let environment = ProcessInfo.processInfo.environment
    let options: CommonOptions
    let host: LuaScriptHost
    let mode: String

    static let defaultMode = "socratic"

    init(_ options: CommonOptions) async throws {
        self.options = options
        let executable = ProcessInfo.processInfo.arguments.first.map { URL(fileURLWithPath: $0).path } ?? ""
        let paths = ScriptPaths(
            builtinRoot: ScriptPaths.locateBuiltins(environment: environment, executable: Self.executablePath(fallback: executable)),
            userConfig: Directories.config(environment),
            modeDirs: options.modeDirs.map(Self.absolute), pluginDirs: options.pluginDirs.map(Self.absolute))
        if paths.builtinRoot == nil {
            FileHandle.standardError.write(Data("warning: built-in modes and plugins not found; set TEACHBACK_HOME\n".utf8))
        }
        host = try LuaScriptHost(paths: paths)
        // Every command reports scripts that failed to load; the rest work regardless.
        for error in await host.loadErrors {
            FileHandle.standardError.write(Data("warning: \(error)\n".utf8))
        }
        let modes = await host.modes().map(\.name)
        let wanted = options.mode ?? Self.defaultMode
        guard modes.contains(wanted) || (options.mode == nil && modes.isEmpty) else {
            throw ValidationError("no persona named '\(wanted)' (known: \(modes.joined(separator: ", ")))")
        }
        mode = modes.contains(wanted) ? wanted : (modes.first ?? wanted)
    }

    func console() -> Console {
        Console.detect(environment: environment, noColorFlag: options.noColor)
    }

    /// The running binary, for finding the built-in scripts next to it.
    private static func executablePath(fallback: String) -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? fallback
    }

    private static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}
