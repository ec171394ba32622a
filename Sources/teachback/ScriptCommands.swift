import ArgumentParser
import Foundation
import TeachBack
import LuaHost
import REPL

/// `teachback check FILE...|DIR`: a script author's lint, for their own CI (exit 0 clean, 1 problems).
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Load scripts as teachback would (with the built-ins), run them on sample explanations, report every problem with file:line.")

    @Argument(help: ArgumentHelp("Script files, or folders of them.", valueName: "FILE|DIR"))
    var paths: [String]

    func run() async throws {
        guard !paths.isEmpty else { throw ValidationError("name at least one script file or folder") }
        var dirs: [String] = [], files: [String] = []
        for path in paths.map(Wiring.absolute) {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ValidationError("no such file or folder: \(path)")
            }
            if isDirectory.boolValue { dirs.append(path) } else { files.append(path) }
        }
        let environment = ProcessInfo.processInfo.environment
        let host = try LuaScriptHost(paths: ScriptPaths(builtinRoot: Wiring.builtinRoot(environment), userConfig: nil,
                                                        pluginDirs: dirs, singleFiles: files))
        // Built-in scripts are named `modes/...` and `plugins/...`; everything else was asked for.
        let checked = await host.files.map(\.file).filter { !$0.hasPrefix("modes/") && !$0.hasPrefix("plugins/") }
        var problems = await host.check(files: Set(checked))
        if checked.isEmpty { problems.append("no .lua scripts in \(paths.joined(separator: ", "))") }
        for problem in problems { print(Sanitizer.clean(problem)) }
        let summary = "checked \(Views.count(checked.count, "file")): "
            + (problems.isEmpty ? "no problems" : "\(Views.count(problems.count, "problem"))")
        FileHandle.standardError.write(Data((summary + "\n").utf8))
        if !problems.isEmpty { throw ExitCode.failure }
    }
}

/// `teachback new persona|heuristic NAME`: a working, commented template in the config folder.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a working, commented persona or heuristic into $XDG_CONFIG_HOME/teachback (never overwriting).")

    enum Kind: String, ExpressibleByArgument, CaseIterable { case persona, heuristic }

    @Argument(help: "persona or heuristic") var kind: Kind
    @Argument(help: "Its name: lower-case letters, digits and '-'.") var name: String

    func validate() throws {
        guard !name.isEmpty, name.utf8.allSatisfy({ (0x61...0x7a).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2d }) else {
            throw ValidationError("the name must match [a-z0-9-]+, got '\(name)'")
        }
    }

    func run() throws {
        let dir = Directories.config(ProcessInfo.processInfo.environment) + (kind == .persona ? "/modes" : "/plugins")
        let path = dir + "/\(name).lua"
        guard !FileManager.default.fileExists(atPath: path) else {
            FileHandle.standardError.write(Data("\(path) already exists; not overwritten\n".utf8))
            throw ExitCode.failure
        }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let text = kind == .persona ? ScriptTemplates.persona(name) : ScriptTemplates.heuristic(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        print(path)
        FileHandle.standardError.write(Data("edit it, then `teachback check \(path)`; :reload in the REPL picks it up\n".utf8))
    }
}
