import LuaHost
import TeachBack

/// Case 5: every built-in heuristic (the real Lua host) on a short and a long explanation.
enum LocalAnalysisCase {
    static let shortWords = 300, longWords = 10_000
    static let shortRuns = 50, longRuns = 10, warmUp = 5
    static let target = 2.0  // ms for 300 words

    static func run(_ layout: Layout) async throws -> CaseResult {
        var result = CaseResult(5, "Local analysis")
        let host = try LuaScriptHost(paths: ScriptPaths(builtinRoot: layout.repoRoot, userConfig: nil))
        let heuristics = await host.heuristics.count
        guard heuristics > 0 else { throw BenchmarkError("no built-in heuristics loaded from \(layout.repoRoot)") }
        let short = Prose.text(words: shortWords, seed: 1)
        let long = Prose.text(words: longWords, seed: 2)
        let (shortCount, longCount) = (Prose.wordCount(short), Prose.wordCount(long))

        let context = AnalysisContext(topic: "recursion", mode: "socratic", number: 1, history: [])
        let problems = await host.analyze(short, context: context).problems
        guard problems.isEmpty else {
            throw BenchmarkError("heuristics failed: " + problems.map(\.message).joined(separator: "; "))
        }
        let shortTimes = await time(host, short, runs: shortRuns)
        let longTimes = await time(host, long, runs: longRuns)
        let (shortMedian, longMedian) = (Stats.median(shortTimes), Stats.median(longTimes))
        let growth = (longMedian / shortMedian) / (Double(longCount) / Double(shortCount))

        result.row("\(shortCount) words: per call, median (p95), \(shortRuns) runs",
                   "\(Format.ms(shortMedian)) (\(Format.ms(Stats.percentile(shortTimes, 95))))",
                   target: "≤ 2 ms", Verdict(shortMedian <= target))
        result.row("\(Format.count(Double(longCount))) words: per call, median (p95), \(longRuns) runs",
                   "\(Format.ms(longMedian)) (\(Format.ms(Stats.percentile(longTimes, 95))))")
        result.row("words/second, \(shortCount) / \(Format.count(Double(longCount))) words",
                   "\(Format.count(Double(shortCount) / shortMedian * 1000)) / \(Format.count(Double(longCount) / longMedian * 1000))")
        result.row("growth: (t\(longCount) / t\(shortCount)) / (\(longCount) / \(shortCount))", Format.ratio(growth),
                   target: "≈ 1 (linear)")
        result.metrics = [
            "heuristics": Double(heuristics),
            "short_words": Double(shortCount), "long_words": Double(longCount),
            "short_median_ms": shortMedian, "short_p95_ms": Stats.percentile(shortTimes, 95),
            "long_median_ms": longMedian, "long_p95_ms": Stats.percentile(longTimes, 95),
            "short_words_per_second": Double(shortCount) / shortMedian * 1000,
            "long_words_per_second": Double(longCount) / longMedian * 1000,
            "growth_ratio": growth,
        ]
        result.notes.append("\(heuristics) built-in heuristics; time per call is wall time around `LuaScriptHost.analyze`, after \(warmUp) warm-up calls")
        return result
    }

    /// Wall time of each call to `analyze`, in milliseconds, after a few unmeasured calls.
    private static func time(_ host: LuaScriptHost, _ text: String, runs: Int) async -> [Double] {
        let context = AnalysisContext(topic: "recursion", mode: "socratic", number: 1, history: [])
        let clock = ContinuousClock()
        for _ in 0..<warmUp { _ = await host.analyze(text, context: context) }
        var times: [Double] = []
        for _ in 0..<runs {
            let started = clock.now
            _ = await host.analyze(text, context: context)
            times.append((clock.now - started).ms)
        }
        return times
    }
}
