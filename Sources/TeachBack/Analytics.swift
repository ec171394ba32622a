/// Session analytics (DESIGN §8): the original service's `compute_session_analytics` with its
/// two flaws fixed — gaps and jargon compared normalised, and a deterministic review order.
package struct SessionAnalytics: Codable, Sendable, Equatable {
    package enum Trend: String, Codable, Sendable { case noData = "no_data", stable, improving, declining }

    package var learningCurve: [Double]
    package var confidenceOverTime: [Double]
    package var averageClarity: Double
    package var averageConfidence: Double
    package var totalTurns: Int
    package var clarityTrend: Trend
    package var persistentGaps: [String]
    package var suggestedReviewTopics: [String]

    enum CodingKeys: String, CodingKey {
        case learningCurve = "learning_curve", confidenceOverTime = "confidence_over_time"
        case averageClarity = "average_clarity", averageConfidence = "average_confidence"
        case totalTurns = "total_turns", clarityTrend = "clarity_trend"
        case persistentGaps = "persistent_gaps", suggestedReviewTopics = "suggested_review_topics"
    }

    /// The trend needs a change of more than this between the first and last thirds.
    static let trendThreshold = 0.1
    package static let maxReviewTopics = 5

    /// `covered`: what the session has covered by now (a live session's memory). A gap that
    /// recurred before the learner covered it is not persistent any more; batch analytics passes
    /// nothing, so the original service's rules hold exactly.
    package init(analyses: [Analysis], covered: [String] = []) {
        learningCurve = analyses.map(\.clarityScore)
        confidenceOverTime = analyses.map(\.confidenceScore)
        totalTurns = analyses.count
        averageClarity = Self.roundedMean(learningCurve)
        averageConfidence = Self.roundedMean(confidenceOverTime)
        clarityTrend = Self.trend(learningCurve)
        let gaps = TermCounter(analyses.map(\.knowledgeGaps))
        let known = Set(covered.map(Terms.normalize))
        persistentGaps = gaps.ranked.filter { $0.count >= 2 && !known.contains(Terms.normalize($0.spelling)) }.map(\.spelling)
        let jargon = TermCounter(analyses.map(\.unexplainedJargon))
        suggestedReviewTopics = Array(Terms.union(persistentGaps, jargon.ranked.map(\.spelling)).prefix(Self.maxReviewTopics))
    }

    package static func roundedMean(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        return (values.reduce(0, +) / Double(values.count)).roundedToHundredths
    }

    package static func trend(_ curve: [Double]) -> Trend {
        if curve.isEmpty { return .noData }
        if curve.count < 3 { return .stable }
        let third = curve.count / 3
        let first = curve.prefix(third).reduce(0, +) / Double(third)
        let last = curve.suffix(third).reduce(0, +) / Double(third)
        if last - first > trendThreshold { return .improving }
        if first - last > trendThreshold { return .declining }
        return .stable
    }
}

/// Counts normalised terms across turns (once per turn), remembering each term's first spelling
/// and first appearance so that ranking is deterministic.
struct TermCounter {
    struct Entry { var spelling: String; var count: Int; var first: Int }
    private(set) var ranked: [Entry] = []

    init(_ perTurn: [[String]]) {
        var index: [[UInt8]: Int] = [:]
        var entries: [Entry] = []
        for terms in perTurn {
            var seenThisTurn = Set<[UInt8]>()
            for term in terms {
                let key = Terms.key(term)
                guard !key.isEmpty, seenThisTurn.insert(key).inserted else { continue }
                if let i = index[key] {
                    entries[i].count += 1
                } else {
                    index[key] = entries.count
                    entries.append(Entry(spelling: term.trimmingWhitespace(), count: 1, first: entries.count))
                }
            }
        }
        ranked = entries.sorted { $0.count != $1.count ? $0.count > $1.count : $0.first < $1.first }
    }
}
