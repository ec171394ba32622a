/// One heuristic's answer for one explanation: any subset of the analysis fields.
package struct HeuristicResult: Sendable, Equatable {
    package var name: String
    package var weight: Double
    package var confidenceScore: Double?
    package var clarityScore: Double?
    package var knowledgeGaps: [String]
    package var unexplainedJargon: [String]
    package var strengths: [String]
    package var notes: [String]
    /// Concepts of the topic pack this explanation covered (`covered` in the result): what the
    /// session remembers, so a later turn does not report them as gaps.
    package var covered: [String]

    package init(name: String, weight: Double = 1, confidenceScore: Double? = nil, clarityScore: Double? = nil,
                knowledgeGaps: [String] = [], unexplainedJargon: [String] = [], strengths: [String] = [],
                notes: [String] = [], covered: [String] = []) {
        self.name = name
        self.weight = weight
        self.confidenceScore = confidenceScore
        self.clarityScore = clarityScore
        self.knowledgeGaps = knowledgeGaps
        self.unexplainedJargon = unexplainedJargon
        self.strengths = strengths
        self.notes = notes
        self.covered = covered
    }

    /// The local analysis (DESIGN §4): each score is the weight-averaged mean over the heuristics
    /// that returned it (neutral when none did); lists are unions in registration order. Scores
    /// are taken as given: the script host fails a heuristic whose score is outside [0, 1].
    package static func combine(_ results: [HeuristicResult]) -> Analysis {
        func weightedMean(_ score: KeyPath<HeuristicResult, Double?>) -> Double {
            var sum = 0.0, weights = 0.0
            for r in results {
                if let s = r[keyPath: score], r.weight > 0 {
                    sum += s * r.weight
                    weights += r.weight
                }
            }
            return weights > 0 ? sum / weights : Analysis.neutralScore
        }
        return Analysis(
            confidenceScore: weightedMean(\.confidenceScore),
            clarityScore: weightedMean(\.clarityScore),
            knowledgeGaps: Terms.union(results.map(\.knowledgeGaps)),
            unexplainedJargon: Terms.union(results.map(\.unexplainedJargon)),
            strengths: Terms.union(results.map(\.strengths)),
            source: .local)
    }
}
