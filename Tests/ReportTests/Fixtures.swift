import Foundation
import Report
import TeachBack

/// Deterministic sessions for the report tests: scores from a fixed linear congruential
/// sequence, times from a fixed day, so every run renders the same bytes.
enum Fixtures {
    /// 2026-12-03 12:00 UTC, a Thursday: "today" in every test.
    static let now = Date(timeIntervalSince1970: 1_796_299_200)
    static let recursionConcepts = ["base case", "recursive call", "smaller subproblem", "call stack", "infinite recursion"]

    struct Numbers {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 33) / Double(1 << 31)
        }
    }

    /// A session of `turns` turns, one a minute from `daysAgo` days before `now`; each turn
    /// leaves out some of `concepts` (as the coverage heuristic would report) and flags jargon.
    static func session(_ id: String, topic: String, daysAgo: Int, turns: Int, concepts: [String] = recursionConcepts,
                        seed: UInt64 = 1, mode: String = "socratic") -> Session {
        var numbers = Numbers(state: seed)
        let start = now.addingTimeInterval(Double(-daysAgo) * 86_400 - 3_600)
        let made = (1...max(turns, 1)).prefix(turns).map { n -> Turn in
            let gaps = concepts.filter { _ in numbers.next() < 0.4 }
            let jargon = numbers.next() < 0.5 ? ["stack frame"] : []
            let clarity = min(1, 0.4 + 0.5 * Double(n) / Double(turns) + 0.1 * numbers.next())
            let analysis = Analysis(confidenceScore: 0.3 + 0.6 * numbers.next(), clarityScore: clarity,
                                    knowledgeGaps: gaps, unexplainedJargon: jargon, strengths: ["uses a concrete example"])
            return Turn(number: n, mode: mode, explanation: "Explanation \(n) of \(topic).", question: "Question \(n)?",
                        localAnalysis: analysis, timings: .init(total: 40 + Double(n)), createdAt: start.addingTimeInterval(Double(n) * 60))
        }
        return Session(id: id, topic: topic, mode: mode, startedAt: start, turns: made)
    }

    /// A session whose turns flag exactly the given gaps, and "stack frame" as jargon in odd turns.
    static func scripted(_ id: String, topic: String, daysAgo: Int, gaps: [[String]]) -> Session {
        var session = session(id, topic: topic, daysAgo: daysAgo, turns: gaps.count)
        for (i, list) in gaps.enumerated() {
            let a = session.turns[i].localAnalysis
            session.turns[i] = Turn(number: i + 1, mode: session.mode, explanation: session.turns[i].explanation, question: session.turns[i].question,
                                    localAnalysis: Analysis(confidenceScore: a.confidenceScore, clarityScore: a.clarityScore, knowledgeGaps: list,
                                                            unexplainedJargon: i % 2 == 0 ? ["stack frame"] : []),
                                    timings: session.turns[i].timings, createdAt: session.turns[i].createdAt)
        }
        return session
    }

    static func input(_ sessions: [Session], scope: ReportInput.Scope = .everything, reviews: [ReviewItem] = [],
                      concepts: [String: [String]] = ["recursion": recursionConcepts]) -> ReportInput {
        ReportInput(scope: scope, sessions: sessions, reviewItems: reviews, concepts: concepts, now: now, timeZone: .zone(.gmt))
    }
}
