import Foundation
import LuaHost
@testable import REPL
import Store
import TeachBack

/// One thing the user does: type a line, or change something outside between two lines.
enum Step: ExpressibleByStringLiteral, Sendable {
    case line(String)
    case meanwhile(@Sendable () throws -> Void)
    init(stringLiteral value: String) { self = .line(value) }
}

/// Input lines for the REPL, then end of input: the REPL's own `LineReader` seam, so the loop
/// runs in process on the real Lua host and a real database, as it does behind a pipe.
final class ScriptedReader: LineReader, @unchecked Sendable {
    private let steps: Protected<[Step]>
    init(_ steps: [Step]) { self.steps = Protected(steps) }

    func read(prompt: String) async -> LineResult {
        steps.withLock { steps in
            while let step = steps.first {
                steps.removeFirst()
                switch step {
                case .line(let line): return .line(line)
                case .meanwhile(let action): try? action()
                }
            }
            return .endOfInput
        }
    }
    /// What the REPL asked to keep in the history.
    let remembered = Protected<[String]>([])
    func remember(_ line: String) { remembered.withLock { $0.append(line) } }
    func setCompleter(_ completer: Completer) {}
    func restoreTerminal() {}
}

/// What a run printed on each stream.
final class Captured: Sendable {
    private let text = Protected((out: "", err: ""))
    var out: String { text.withLock { $0.out } }
    var err: String { text.withLock { $0.err } }
    func append(_ stream: Console.Stream, _ s: String) {
        text.withLock { stream == .out ? ($0.out += s) : ($0.err += s) }
    }
}

/// One REPL run over `lines`: its exit code and output, and the database it wrote.
struct REPLRun {
    let code: Int32
    let output: Captured
    let store: SQLiteStore
    let reader: ScriptedReader

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static func run(_ lines: [Step], store: SQLiteStore? = nil, pluginDirs: [String] = []) async throws -> REPLRun {
        let host = try LuaScriptHost(paths: ScriptPaths(builtinRoot: repositoryRoot, userConfig: nil, pluginDirs: pluginDirs))
        let store = try store ?? SQLiteStore(path: NSTemporaryDirectory() + "tb-repl-\(UUID().uuidString)/teachback.sqlite")
        let output = Captured()
        let engine = TurnEngine(script: host, mode: "socratic", store: store)
        let reader = ScriptedReader(lines)
        let repl = REPL(engine: engine, host: host, reader: reader, console: Console(color: false, sink: output.append),
                        interactive: false, verbose: false, environment: ["HOME": NSTemporaryDirectory()],
                        backendInfo: BackendInfo(banner: "offline", details: ["backend: offline"], price: nil), store: store)
        let code = await repl.run()
        return REPLRun(code: code, output: output, store: store, reader: reader)
    }
}
