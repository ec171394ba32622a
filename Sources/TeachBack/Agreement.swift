/// How well two analysers agree over many turns (`teachback rescore`): Pearson's r for each score
/// and the mean Jaccard similarity of the gap and jargon lists, compared normalised.
package struct Agreement: Sendable, Equatable {
    package var turns = 0
    private var clarity = Correlation()
    private var confidence = Correlation()
    private var gapsJaccard = 0.0
    private var jargonJaccard = 0.0

    package init() {}

    package mutating func add(new: Analysis, recorded: Analysis) {
        turns += 1
        clarity.add(new.clarityScore, recorded.clarityScore)
        confidence.add(new.confidenceScore, recorded.confidenceScore)
        gapsJaccard += Self.jaccard(new.knowledgeGaps, recorded.knowledgeGaps)
        jargonJaccard += Self.jaccard(new.unexplainedJargon, recorded.unexplainedJargon)
    }

    /// nil when undefined (fewer than two turns, or a score that never varies).
    package var clarityPearson: Double? { clarity.r }
    package var confidencePearson: Double? { confidence.r }
    /// Why the correlation is undefined, e.g. `zero variance in local confidence`; nil when defined.
    package var clarityUndefined: String? { clarity.undefined(score: "clarity") }
    package var confidenceUndefined: String? { confidence.undefined(score: "confidence") }
    package var meanGapsJaccard: Double? { turns > 0 ? gapsJaccard / Double(turns) : nil }
    package var meanJargonJaccard: Double? { turns > 0 ? jargonJaccard / Double(turns) : nil }

    /// |A ∩ B| / |A ∪ B| of the normalised terms; two empty lists agree completely.
    package static func jaccard(_ a: [String], _ b: [String]) -> Double {
        let x = Set(a.map(Terms.normalize).filter { !$0.isEmpty })
        let y = Set(b.map(Terms.normalize).filter { !$0.isEmpty })
        let union = x.union(y).count
        return union == 0 ? 1 : Double(x.intersection(y).count) / Double(union)
    }

    /// Running sums for Pearson's r, and each side's range: a score that never varies is
    /// detected exactly (min == max), not from sums whose rounding leaves a variance of 1e-17
    /// and a meaningless r.
    package struct Correlation: Sendable, Equatable {
        var n = 0.0, sx = 0.0, sy = 0.0, sxx = 0.0, syy = 0.0, sxy = 0.0
        var xRange: ClosedRange<Double>?, yRange: ClosedRange<Double>?

        package init() {}

        package mutating func add(_ x: Double, _ y: Double) {
            n += 1; sx += x; sy += y; sxx += x * x; syy += y * y; sxy += x * y
            xRange = xRange.map { min($0.lowerBound, x)...max($0.upperBound, x) } ?? x...x
            yRange = yRange.map { min($0.lowerBound, y)...max($0.upperBound, y) } ?? y...y
        }

        package var r: Double? {
            guard undefined(score: "") == nil else { return nil }
            let cov = n * sxy - sx * sy
            let vx = n * sxx - sx * sx, vy = n * syy - sy * sy
            guard vx > 0, vy > 0 else { return nil }
            return max(-1, min(1, cov / (vx * vy).squareRoot()))
        }

        package func undefined(score: String) -> String? {
            if n < 2 { return "fewer than 2 turns compared" }
            if let x = xRange, x.lowerBound == x.upperBound { return "zero variance in local \(score)" }
            if let y = yRange, y.lowerBound == y.upperBound { return "zero variance in recorded \(score)" }
            return nil
        }
    }
}
