import LuaHost
import TeachBack

/// Case 5: every built-in heuristic (the real Lua host) on a short and a long explanation.
enum LocalAnalysisCase {
    static let shortWords = 300, longWords = 10_000
    static let shortRuns = 50, longRuns = 10, warmUp = 5
    static let target = 1.0  // ms for 300 words

    static func run(_ layout: Layout) async throws -> CaseResult {
        var result = CaseResult(5, "Local analysis")
        let host = try LuaScriptHost(paths: ScriptPaths(builtinRoot: layout.repoRoot, userConfig: nil))
        let heuristics = await host.heuristics.count
        guard heuristics > 0 else { throw BenchmarkError("no built-in heuristics loaded from \(layout.repoRoot)") }
        // A different text each call (the sentences in another order), so that nothing a script
        // or the host remembers of the last text flatters the next call.
        let shorts = (0..<(warmUp + shortRuns)).map { Prose.text(words: shortWords, seed: 1 + $0) }
        let longs = (0..<(warmUp + longRuns)).map { Prose.text(words: longWords, seed: 100 + $0) }
        let shortCount = shorts.map(Prose.wordCount).reduce(0, +) / shorts.count
        let longCount = longs.map(Prose.wordCount).reduce(0, +) / longs.count

        let context = AnalysisContext(topic: "recursion", mode: "socratic", number: 1, history: [])
        let problems = await host.analyze(shorts[0], context: context).problems
        guard problems.isEmpty else {
            throw BenchmarkError("heuristics failed: " + problems.map(\.message).joined(separator: "; "))
        }
        let shortTimes = await time(host, shorts)
        let longTimes = await time(host, longs)
        let (shortMedian, longMedian) = (Stats.median(shortTimes), Stats.median(longTimes))
        let growth = (longMedian / shortMedian) / (Double(longCount) / Double(shortCount))

        result.row("\(shortCount) words (mean of \(shortRuns) texts): per call, median (p95)",
                   "\(Format.ms(shortMedian)) (\(Format.ms(Stats.percentile(shortTimes, 95))))",
                   target: "≤ 1 ms", Verdict(shortMedian <= target))
        result.row("\(Format.count(Double(longCount))) words (mean of \(longRuns) texts): per call, median (p95)",
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

    /// Wall time of each call to `analyze`, in milliseconds, after `warmUp` unmeasured calls.
    private static func time(_ host: LuaScriptHost, _ texts: [String]) async -> [Double] {
        let context = AnalysisContext(topic: "recursion", mode: "socratic", number: 1, history: [])
        let clock = ContinuousClock()
        var times: [Double] = []
        for (index, text) in texts.enumerated() {
            let started = clock.now
            _ = await host.analyze(text, context: context)
            if index >= warmUp { times.append((clock.now - started).ms) }
        }
        return times
    }
}
