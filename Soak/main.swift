// `make soak`: 500 turns against a fake-claude failing 30 % of calls at random, with the real
// Lua host and a real database. Every turn must be saved; file descriptors, threads and memory
// must not grow with the number of turns. Prints its figures; exits 1 when a check fails.
import Claude
import FakeClaude
import Foundation
import LuaHost
import Store
import TeachBack

let turns = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 500
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().path
let scratch = NSTemporaryDirectory() + "teachback-soak-\(getpid())"

func fileDescriptors() -> Int { (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? -1 }
func threads() -> Int {
    let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
    return tasks.filter { !((try? String(contentsOfFile: "/proc/self/task/\($0)/comm", encoding: .utf8)) ?? "").hasPrefix("fake-claude") }.count
}
func residentKiB() -> Int {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
    return Int(line.split(separator: " ").dropFirst().first ?? "") ?? -1
}

let server = FakeClaudeServer(config: FakeClaudeConfig(failRate: 0.3, seed: 42))
try server.start()
let client = MessagesClient(config: ClaudeConfig(apiKey: "soak-key", baseURL: server.baseURL ?? "",
                                                 timeouts: Timeouts(connect: 2, stall: 2, total: 10)))
let store = try SQLiteStore(path: scratch + "/soak.sqlite")
let host = try LuaScriptHost(paths: ScriptPaths(builtinRoot: root, userConfig: nil))
let engine = TurnEngine(script: host, mode: "socratic", backend: ClaudeBackend(client: client), store: store)
_ = await engine.start(topic: "recursion")

var samples: [(turn: Int, fds: Int, threads: Int, rss: Int)] = []
var fallbacks = 0
var requests = 0
let clock = ContinuousClock()
let started = clock.now
for n in 1...turns {
    let text = "Turn \(n): recursion calls itself on a smaller input until the base case, like nested boxes."
    guard let outcome = await engine.teach(text) else { fatalError("no session") }
    if outcome.value.fallbackReason != nil { fallbacks += 1 }
    if n % 50 == 0 {
        requests += server.requests.count
        server.clearRecording()
    }   // the fake server's own log is not ours to count
    if n == 50 || n % 100 == 0 { samples.append((n, fileDescriptors(), threads(), residentKiB())) }
}
let elapsed = clock.now - started
let saved = try await store.session(matching: await engine.session?.id ?? "").turns.count
server.stop()

print("soak: \(turns) turns in \(elapsed), \(fallbacks) with a fallback, \(requests + server.requests.count) requests")
print("turn  fds  threads  RSS KiB")
for s in samples { print("\(s.turn)  \(s.fds)  \(s.threads)  \(s.rss)") }
var failures: [String] = []
if saved != turns { failures.append("saved \(saved) of \(turns) turns") }
if let first = samples.first, let last = samples.last {
    if last.fds > first.fds + 2 { failures.append("file descriptors grew from \(first.fds) to \(last.fds)") }
    if last.threads > first.threads + 2 { failures.append("threads grew from \(first.threads) to \(last.threads)") }
    // The session itself grows (it holds every turn); a leak would grow far faster than this.
    let perTurn = Double(last.rss - first.rss) / Double(max(1, last.turn - first.turn))
    print(String(format: "memory: %.1f KiB per turn from turn %d to %d", perTurn, first.turn, last.turn))
    if perTurn > 16 { failures.append(String(format: "memory grew by %.1f KiB per turn", perTurn)) }
}
print(failures.isEmpty ? "soak: every turn saved; descriptors and threads flat, memory within the session's own growth"
                       : "soak FAILED: " + failures.joined(separator: "; "))
try? FileManager.default.removeItem(atPath: scratch)
exit(failures.isEmpty ? 0 : 1)
