import Foundation

/// Case 4: the release binary from spawn to exit, REPL reading `:quit` from a pipe (non-TTY),
/// built-in modes and plugins loaded, offline (no API key), a fresh HOME; then what the steps of
/// that cost; then the debug build, when `.build/debug/teachback` is there (`make run` builds
/// and starts the release one).
enum StartUpCase {
    static let runs = 20, warmUp = 2
    static let targetMs = 40.0, debugTargetMs = 100.0

    static func run(_ layout: Layout) async throws -> CaseResult {
        var result = CaseResult(4, "Start-up")
        let (times, peakRSS) = try startUps(layout.teachback, layout)
        let median = Stats.median(times)
        result.row("spawn → exit on `:quit`, median (p95), \(runs) runs", "\(Format.ms(median)) (\(Format.ms(Stats.percentile(times, 95))))",
                   target: "≤ 40 ms", Verdict(median <= targetMs))
        result.metrics = ["median_ms": median, "p95_ms": Stats.percentile(times, 95), "min_ms": times.min() ?? .nan,
                          "max_rss_kib": Double(peakRSS)]
        let bare = Stats.median(try startUps(layout.teachback, layout, arguments: ["--version"]).times)
        let steps = try await StartUpSteps.measure(layout)
        result.row("of which: process, libraries, runtime, arguments (`teachback --version`), median", Format.ms(bare),
                   target: "(the floor)")
        result.row("of which: loading the built-in scripts (in process), median", Format.ms(steps.scripts),
                   target: "(\(steps.files) files)")
        result.row("of which: opening the database (in process), median", Format.ms(steps.database),
                   target: "(made by an earlier run)")
        result.metrics["version_median_ms"] = bare
        result.metrics["scripts_median_ms"] = steps.scripts
        result.metrics["database_median_ms"] = steps.database
        let debug = layout.repoRoot + "/.build/debug/teachback"
        if FileManager.default.isExecutableFile(atPath: debug) {
            let debugTimes = try startUps(debug, layout).times
            let debugMedian = Stats.median(debugTimes)
            result.row("the debug build (`make build`; `make run` starts the release one), median (p95)",
                       "\(Format.ms(debugMedian)) (\(Format.ms(Stats.percentile(debugTimes, 95))))", target: "≤ 100 ms",
                       Verdict(debugMedian <= debugTargetMs))
            result.metrics["debug_median_ms"] = debugMedian
            result.metrics["debug_p95_ms"] = Stats.percentile(debugTimes, 95)
        } else {
            result.notes.append("no debug build at .build/debug/teachback: its start-up is not measured")
        }
        result.notes.append("wall time from fork to wait4 of a fresh offline process with its own HOME/XDG dirs, after \(warmUp) unmeasured runs; "
                            + "the steps are medians of \(StartUpSteps.runs) runs each")
        return result
    }

    /// Wall times of `runs` start-ups of `binary` after `warmUp` unmeasured ones, and the peak RSS.
    private static func startUps(_ binary: String, _ layout: Layout, arguments: [String] = []) throws -> (times: [Double], peakRSS: Int) {
        let home = try Layout.temporaryDirectory("startup")
        defer { try? FileManager.default.removeItem(atPath: home) }
        let environment = layout.teachbackEnvironment(home: home)
        var times: [Double] = []
        var peakRSS = 0
        for index in 0..<(warmUp + runs) {
            let finished = try ChildProcess.run(binary, arguments, environment: environment, stdin: Array(":quit\n".utf8))
            try finished.check(binary)
            if index >= warmUp {
                times.append(finished.wall.ms)
                peakRSS = max(peakRSS, finished.maxRSSKiB)
            }
        }
        return (times, peakRSS)
    }
}

/// Case 8: one offline REPL session of 200 turns fed through a pipe; the child's peak RSS.
enum MemoryCase {
    static let turns = 200
    static let targetBytes = 40_000_000.0

    static func run(_ layout: Layout) throws -> CaseResult {
        var result = CaseResult(8, "Memory")
        let home = try Layout.temporaryDirectory("memory")
        defer { try? FileManager.default.removeItem(atPath: home) }
        var input = ":teach recursion\n"
        for turn in 0..<turns { input += Prose.explanation(turn: turn) + "\n" }
        input += ":quit\n"
        let finished = try session(layout, home: home, input: input)
        // Each turn prints its question (and the analysis line) on stdout: check they all ran.
        let printed = (try? String(contentsOfFile: home + "/stdout.txt", encoding: .utf8))?.split(separator: "\n").count ?? 0
        guard printed >= turns else { throw BenchmarkError("only \(printed) lines of output for \(turns) turns") }
        let empty = try session(layout, home: home, input: ":teach recursion\n:quit\n")
        let bytes = Double(finished.maxRSSKiB) * 1024
        result.row("peak RSS (ru_maxrss) of `teachback --offline` after \(turns) turns", Format.mb(kib: finished.maxRSSKiB),
                   target: "≤ 40 MB", Verdict(bytes <= targetBytes))
        result.row("the same with no turns (`:teach`, `:quit`)", Format.mb(kib: empty.maxRSSKiB))
        result.row("wall time of the \(turns)-turn session", String(format: "%.2f s (%.1f ms per turn)", finished.wall.ms / 1000, finished.wall.ms / Double(turns)))
        result.metrics = ["max_rss_kib": Double(finished.maxRSSKiB), "no_turns_max_rss_kib": Double(empty.maxRSSKiB),
                          "wall_ms": finished.wall.ms, "measuring_floor_kib": Double(MeasuredChild.floorKiB)]
        result.notes.append("MB = 10^6 bytes; turns are saved to SQLite in a temporary XDG_DATA_HOME, as a user's would be; "
                            + "RSS measured by a forked go-between whose own floor is \(Format.mb(kib: MeasuredChild.floorKiB)) (README)")
        return result
    }

    /// One offline session fed `input` through a pipe; fails unless it ends cleanly.
    private static func session(_ layout: Layout, home: String, input: String) throws -> ChildProcess.Finished {
        let finished = try ChildProcess.run(layout.teachback, ["--offline"], environment: layout.teachbackEnvironment(home: home),
                                            stdin: Array(input.utf8), stdout: .file(home + "/stdout.txt"))
        try finished.check("teachback")
        return finished
    }
}
