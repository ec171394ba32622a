// teachback benchmarks (issue 5): `make bench`, or `swift build -c release && .build/release/Benchmarks`.
// Prints a Markdown table on stdout and writes bench/results.json; progress goes to stderr.
// See Benchmarks/README.md for what each case measures and why.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

MeasuredChild.runIfRequested()  // when started again as the go-between that measures a child
signal(SIGPIPE, SIG_IGN)  // a child that exits early must not take the benchmark with it

let layout = Layout.locate()
let machine = Machine.current()
let clock = ContinuousClock()
let began = clock.now

func progress(_ message: String) {
    FileHandle.standardError.write(Data(String(format: "[%5.1f s] %@\n", (clock.now - began).ms / 1000, message).utf8))
}

for binary in [layout.teachback, layout.fakeClaude] where !FileManager.default.isExecutableFile(atPath: binary) {
    progress("missing \(binary): build it first (swift build -c release)")
    exit(1)
}
progress("machine: \(machine.summary); checkout: \(layout.repoRoot)")

/// `Benchmarks 4 8` runs only those cases; no arguments runs them all.
let selected = Set(CommandLine.arguments.dropFirst().compactMap { Int($0) })
var results: [CaseResult] = []

/// Runs one case (or the three turn cases), turning a failure into an ERROR row.
@MainActor
func measure(_ numbers: [Int], _ names: [String], _ body: () async throws -> [CaseResult]) async {
    guard selected.isEmpty || !selected.isDisjoint(with: numbers) else { return }
    progress("case \(numbers.map(String.init).joined(separator: ", ")): \(names.joined(separator: ", "))")
    do {
        results += try await body()
    } catch {
        results += zip(numbers, names).map { CaseResult.failed($0, $1, error) }
    }
}

await measure([5], ["Local analysis"]) { [try await LocalAnalysisCase.run(layout)] }
// When not cached, case 6's 100,000 sessions are generated in the background at nice 19 while
// cases 1–3 mostly wait on the network; alone, case 6 generates them first.
let overlap = selected.isEmpty || selected.isSuperset(of: [1, 6])
let sessionsFile = overlap ? Result { try BatchAnalyticsCase.prepare(layout) } : nil
await measure([1, 2, 3], ["Turn latency", "Overhead", "First question token"]) { try await TurnLatencyCase.run(layout) }
await measure([7], ["Concurrency"]) { [try await ConcurrencyCase.run(layout)] }
await measure([4], ["Start-up"]) { [try await StartUpCase.run(layout)] }
await measure([8], ["Memory"]) { [try MemoryCase.run(layout)] }
await measure([9], ["MCP tool call"]) { [try MCPCase.run(layout)] }
await measure([10], ["HTML report"]) { [try ReportCase.run()] }
await measure([11], ["Judge: 100,000 requests by Message Batches"]) { [try JudgeCase.run(layout)] }
await measure([6], ["Batch analytics"]) {
    let input = try sessionsFile?.get() ?? BatchAnalyticsCase.prepare(layout)
    return [try BatchAnalyticsCase.run(layout, input)]
}

let report = Report(date: ISO8601DateFormatter().string(from: Date()), machine: machine,
                    seconds: (clock.now - began).ms / 1000, cases: results.sorted { $0.number < $1.number })
print(report.markdown)
do {
    try FileManager.default.createDirectory(atPath: layout.resultsDir, withIntermediateDirectories: true)
    try report.write(to: layout.resultsDir + "/results.json")
    progress("wrote \(layout.resultsDir)/results.json")
} catch {
    progress("could not write results.json: \(error)")
    exit(1)
}
// A case that could not run is a broken benchmark; a missed target is a result, reported above.
exit(results.contains { $0.rows.contains { $0.verdict == .error } } ? 1 : 0)
