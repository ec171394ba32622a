import Foundation

/// Where scripts come from, in load order (DESIGN §4): the built-in `modes/` and `plugins/`, then
/// the user's `$XDG_CONFIG_HOME/teachback/{modes,plugins}`, then `--modes`/`--plugins` directories.
/// A later file with the same path relative to its directory replaces an earlier one.
package struct ScriptPaths: Sendable, Equatable {
    /// The folder holding the built-in `modes/` and `plugins/`.
    package var builtinRoot: String?
    /// `$XDG_CONFIG_HOME/teachback`: user `modes/`, `plugins/` and `init.lua`.
    package var userConfig: String?
    package var modeDirs: [String]
    package var pluginDirs: [String]
    /// Single files loaded last (`teachback check FILE`).
    package var singleFiles: [String]

    package init(builtinRoot: String?, userConfig: String?, modeDirs: [String] = [], pluginDirs: [String] = [],
                singleFiles: [String] = []) {
        self.builtinRoot = builtinRoot
        self.userConfig = userConfig
        self.modeDirs = modeDirs
        self.pluginDirs = pluginDirs
        self.singleFiles = singleFiles
    }

    /// The built-in scripts: `$TEACHBACK_HOME`, else `<executable>/../share/teachback`, else the
    /// nearest ancestor of the executable holding `modes/` and `plugins/` (a checkout).
    package static func locateBuiltins(environment: [String: String], executable: String) -> String? {
        let fm = FileManager.default
        func holdsScripts(_ dir: String) -> Bool {
            fm.fileExists(atPath: dir + "/modes") && fm.fileExists(atPath: dir + "/plugins")
        }
        if let home = environment["TEACHBACK_HOME"], !home.isEmpty { return home }
        var dir = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        let shared = dir.deletingLastPathComponent().appendingPathComponent("share/teachback").path
        if holdsScripts(shared) { return shared }
        while dir.path != "/" {
            if holdsScripts(dir.path) { return dir.path }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }

    package var commonWordsFile: String? { builtinRoot.map { $0 + "/plugins/data/common-words.txt" } }
    package var configFile: String? { userConfig.map { $0 + "/init.lua" } }

    /// Every script to load, in order, with names for messages.
    func files() -> [ScriptFile] {
        var ordered: [(key: String, file: ScriptFile)] = []
        func add(_ dir: String, kind: ScriptFile.Kind, builtin: Bool) {
            for relative in Self.luaFiles(in: dir) {
                let path = dir + "/" + relative
                let key = "\(kind)/\(relative)"
                let display = builtin ? (kind == .mode ? "modes/" : "plugins/") + relative : Self.display(path)
                let file = ScriptFile(path: path, display: display, kind: kind)
                if let i = ordered.firstIndex(where: { $0.key == key }) { ordered[i].file = file } else { ordered.append((key, file)) }
            }
        }
        if let root = builtinRoot {
            add(root + "/modes", kind: .mode, builtin: true)
            add(root + "/plugins", kind: .plugin, builtin: true)
        }
        if let user = userConfig {
            add(user + "/modes", kind: .mode, builtin: false)
            add(user + "/plugins", kind: .plugin, builtin: false)
        }
        modeDirs.forEach { add($0, kind: .mode, builtin: false) }
        pluginDirs.forEach { add($0, kind: .plugin, builtin: false) }
        var files = ordered.map(\.file)
        files += singleFiles.map { ScriptFile(path: $0, display: Self.display($0), kind: .plugin) }
        if let config = configFile, FileManager.default.fileExists(atPath: config) {
            files.append(ScriptFile(path: config, display: Self.display(config), kind: .config))
        }
        return files
    }

    /// Folders holding data files and modules for `require`, not scripts to load on their own.
    static let skippedFolders: Set<String> = ["data", "lib"]

    /// `.lua` files below `dir`, sorted, skipping `data/`, `lib/` and LuaCATS `*.d.lua` stubs.
    static func luaFiles(in dir: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: dir) else { return [] }
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
            if let top = relative.split(separator: "/").first, skippedFolders.contains(String(top)) { continue }
            if relative.hasSuffix(".lua"), !relative.hasSuffix(".d.lua") { found.append(relative) }
        }
        return found.sorted()
    }

    /// A path as messages show it: `./...` under the current directory, `~/...` under the home
    /// directory. Short names matter: Lua cuts a chunk name past 59 bytes to "...tail" in its errors.
    static func display(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath, home = NSHomeDirectory()
        if cwd != "/", path.hasPrefix(cwd + "/") { return "." + path.dropFirst(cwd.count) }
        return path.hasPrefix(home + "/") ? "~" + path.dropFirst(home.count) : path
    }
}
