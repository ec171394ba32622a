import Foundation
import Report
import TeachBack

/// Case 10: `HTMLReport.render` over 10,000 sessions / 100,000 turns on 40 topics (a third with a
/// topic pack), in this process: the time to render and the size of the page (issue 14: ≤ 1 s, ≤ 5 MB).
enum ReportCase {
    static let sessions = 10_000, turnsPerSession = 10, topics = 40
    static let runs = 5
    static let targetSeconds = 1.0, targetBytes = 5_000_000

    static func run() throws -> CaseResult {
        var result = CaseResult(10, "HTML report")
        let input = makeInput()
        let clock = ContinuousClock()
        var html = HTMLReport.render(input)  // warm-up
        var times: [Double] = []
        for _ in 0..<runs {
            let elapsed = clock.measure { html = HTMLReport.render(input) }
            times.append(elapsed.ms)
        }
        let median = Stats.median(times)
        let bytes = html.utf8.count
        result.row("render, median of \(runs) (max)", Format.ms(median) + " (\(Format.ms(times.max() ?? .nan)))",
                   target: "≤ 1 s", Verdict(median <= targetSeconds * 1000))
        result.row("page size", String(format: "%.2f MB", Double(bytes) / 1e6), target: "≤ 5 MB", Verdict(bytes <= targetBytes))
        result.metrics = ["sessions": Double(sessions), "turns": Double(sessions * turnsPerSession), "render_median_ms": median,
                          "render_max_ms": times.max() ?? .nan, "bytes": Double(bytes)]
        result.notes.append("\(Format.count(Double(sessions))) synthetic sessions × \(turnsPerSession) turns on \(topics) topics over "
                            + "400 days, rendered in process (release build); transcripts of the 20 most recent sessions in full")
        return result
    }

    /// Deterministic sessions: scores and gaps from a fixed sequence, explanations of realistic prose.
    static func makeInput() -> ReportInput {
        let now = Date(timeIntervalSince1970: 1_796_299_200)
        let concepts = ["base case", "recursive call", "smaller subproblem", "call stack", "infinite recursion", "combining results"]
        let texts = (0..<50).map { Prose.text(words: 60, seed: $0) }
        var state: UInt64 = 42
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 33) / Double(1 << 31)
        }
        var packs: [String: [String]] = [:]
        let all = (0..<sessions).map { i -> Session in
            let topic = "topic \(i % topics)"
            if i % topics % 3 == 0 { packs[topic] = concepts }
            let start = now.addingTimeInterval(-Double(i % 400) * 86_400 - Double(i % 7) * 3_600)
            let turns = (1...turnsPerSession).map { n in
                let analysis = Analysis(confidenceScore: next(), clarityScore: 0.3 + 0.7 * next(),
                                        knowledgeGaps: concepts.filter { _ in next() < 0.35 },
                                        unexplainedJargon: next() < 0.3 ? ["stack frame", "memoization"].filter { _ in next() < 0.6 } : [],
                                        strengths: ["uses a concrete example"])
                return Turn(number: n, mode: "socratic", explanation: texts[(i + n) % texts.count], question: "Why does that work?",
                            localAnalysis: analysis, timings: .init(total: 30 + 20 * next()), createdAt: start.addingTimeInterval(Double(n) * 90))
            }
            return Session(id: String(format: "%08x-bench", i), topic: topic, mode: "socratic", startedAt: start, turns: turns)
        }
        let reviews = (0..<topics).map { ReviewItem(topic: "topic \($0)", due: now.addingTimeInterval(Double($0 % 9 - 3) * 86_400)) }
        return ReportInput(scope: .everything, sessions: all, reviewItems: reviews, concepts: packs, now: now, timeZone: .zone(.gmt))
    }
}
