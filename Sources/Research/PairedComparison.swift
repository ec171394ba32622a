import TeachBack

/// `rescore --baseline-plugins`: the same turns scored by two sets of scripts (A, the scripts
/// under test, and B, the baseline), each compared with the recorded analysis. For each figure
/// (Pearson r of clarity and of confidence, mean Jaccard of gaps and of jargon) it gives A, B,
/// A − B and a 95 % percentile bootstrap interval of A − B. Sessions are resampled whole (turns of
/// one session are not independent), with a seeded generator, so a run is reproducible.
package struct PairedComparison: Sendable {
    /// One turn on which both sets answered and something was recorded: only the numbers the
    /// figures need, so that a large corpus costs 80 bytes a turn.
    struct Pair: Sendable {
        struct Scores: Sendable { var clarity: Double, confidence: Double }
        var a: Scores, b: Scores, recorded: Scores
        var gapsA: Double, gapsB: Double, jargonA: Double, jargonB: Double
    }

    package struct Figure: Sendable, Encodable, Equatable {
        package var a: Double?, b: Double?, difference: Double?
        /// The 2.5th and 97.5th percentiles of A − B over the resamples where it was defined.
        package var interval: [Double]?
        package var n: Int
        /// Why A − B is undefined (e.g. zero variance in local confidence), when it is.
        package var undefined: String?

        enum CodingKeys: String, CodingKey { case a, b, difference, interval, n, undefined }

        /// Every key present: an undefined figure is `null`, with the reason beside it.
        package func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(a, forKey: .a)
            try c.encode(b, forKey: .b)
            try c.encode(difference, forKey: .difference)
            try c.encode(interval, forKey: .interval)
            try c.encode(n, forKey: .n)
            try c.encode(undefined, forKey: .undefined)
        }
    }

    private(set) var sessions: [[Pair]] = []
    package var resamples = 2000
    package var seed: UInt64 = 1

    package init() {}

    mutating func startSession() { sessions.append([]) }

    mutating func add(a: Analysis, b: Analysis, recorded: Analysis) {
        if sessions.isEmpty { startSession() }
        func scores(_ x: Analysis) -> Pair.Scores { Pair.Scores(clarity: x.clarityScore, confidence: x.confidenceScore) }
        sessions[sessions.count - 1].append(Pair(
            a: scores(a), b: scores(b), recorded: scores(recorded),
            gapsA: Agreement.jaccard(a.knowledgeGaps, recorded.knowledgeGaps), gapsB: Agreement.jaccard(b.knowledgeGaps, recorded.knowledgeGaps),
            jargonA: Agreement.jaccard(a.unexplainedJargon, recorded.unexplainedJargon),
            jargonB: Agreement.jaccard(b.unexplainedJargon, recorded.unexplainedJargon)))
    }

    package var turns: Int { sessions.reduce(0) { $0 + $1.count } }

    /// The four figures by name, in a fixed order.
    package var figures: [(name: String, figure: Figure)] {
        let used = sessions.filter { !$0.isEmpty }
        return Self.statistics.map { name, statistic in
            let full = statistic(used.flatMap { $0 })
            var figure = Figure(a: full.a, b: full.b, difference: full.difference, interval: nil, n: turns, undefined: full.undefined)
            guard full.difference != nil else { return (name, figure) }
            var generator = SplitMix64(seed: seed)
            var differences: [Double] = []
            differences.reserveCapacity(resamples)
            for _ in 0..<resamples {
                var sample: [Pair] = []
                for _ in used.indices { sample += used[Int(generator.next() % UInt64(used.count))] }
                if let d = statistic(sample).difference { differences.append(d) }
            }
            differences.sort()
            if !differences.isEmpty {
                func percentile(_ p: Double) -> Double { differences[min(differences.count - 1, Int(p * Double(differences.count)))] }
                figure.interval = [percentile(0.025), percentile(0.975)]
            }
            return (name, figure)
        }
    }

    typealias Statistic = @Sendable ([Pair]) -> (a: Double?, b: Double?, difference: Double?, undefined: String?)

    static let statistics: [(String, Statistic)] = [
        ("clarity_pearson", { pearson($0, \.clarity, "clarity") }),
        ("confidence_pearson", { pearson($0, \.confidence, "confidence") }),
        ("gaps_jaccard", { mean($0, \.gapsA, \.gapsB) }),
        ("jargon_jaccard", { mean($0, \.jargonA, \.jargonB) }),
    ]

    private static func pearson(_ pairs: [Pair], _ score: KeyPath<Pair.Scores, Double>, _ name: String)
        -> (a: Double?, b: Double?, difference: Double?, undefined: String?) {
        var a = Agreement.Correlation(), b = Agreement.Correlation()
        for p in pairs {
            a.add(p.a[keyPath: score], p.recorded[keyPath: score])
            b.add(p.b[keyPath: score], p.recorded[keyPath: score])
        }
        let why = a.undefined(score: name).map { "A: " + $0 } ?? b.undefined(score: name).map { "B: " + $0 }
        return (a.r, b.r, a.r.flatMap { ra in b.r.map { ra - $0 } }, why)
    }

    private static func mean(_ pairs: [Pair], _ a: KeyPath<Pair, Double>, _ b: KeyPath<Pair, Double>)
        -> (a: Double?, b: Double?, difference: Double?, undefined: String?) {
        guard !pairs.isEmpty else { return (nil, nil, nil, "no turns compared") }
        let ma = pairs.reduce(0) { $0 + $1[keyPath: a] } / Double(pairs.count)
        let mb = pairs.reduce(0) { $0 + $1[keyPath: b] } / Double(pairs.count)
        return (ma, mb, ma - mb, nil)
    }
}
