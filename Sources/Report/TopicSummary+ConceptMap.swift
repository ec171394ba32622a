import TeachBack

/// The concept map of a topic. With a topic pack, a concept counts as explained in a turn when
/// the turn's gaps do not name it (the coverage heuristic lists every pack concept a turn leaves
/// out). Without one, the map shows the gaps and jargon that recur.
extension TopicSummary {
    static let maxTermNodes = 16

    var conceptMap: ConceptMap {
        let title = "Concept map: \(name)"
        guard let concepts, !concepts.isEmpty else { return termMap(title: title) }
        let keys = concepts.map(Terms.normalize)
        let bySession = sessions.filter { !$0.turns.isEmpty }.count >= 2
        var turnsCovered = [Int](repeating: 0, count: keys.count)
        var unitsCovered = [Int](repeating: 0, count: keys.count)
        var pairs = [Int](repeating: 0, count: keys.count * keys.count)
        var units = 0
        for session in sessions where !session.turns.isEmpty {
            var inSession = [Bool](repeating: false, count: keys.count)
            for turn in session.turns {
                // A handful of gaps: a linear search beats hashing Strings (which normalises Unicode).
                let gaps = turn.analysis.knowledgeGaps.map(Terms.normalize)
                let covered = keys.indices.filter { !gaps.contains(keys[$0]) }
                for (n, i) in covered.enumerated() {
                    turnsCovered[i] += 1
                    inSession[i] = true
                    for j in covered[(n + 1)...] { pairs[i * keys.count + j] += 1 }
                    if !bySession { unitsCovered[i] += 1 }
                }
                if !bySession { units += 1 }
            }
            if bySession {
                units += 1
                for i in keys.indices where inSession[i] { unitsCovered[i] += 1 }
            }
        }
        let nodes = concepts.indices.map { i -> ConceptMap.Node in
            let status: ConceptMap.Status = unitsCovered[i] == 0 ? .never : (2 * unitsCovered[i] >= units ? .covered : .shaky)
            return ConceptMap.Node(name: concepts[i], status: status, turns: turnsCovered[i])
        }
        let unit = bySession ? "sessions" : "turns"
        return ConceptMap(title: title, nodes: nodes, edges: Self.edges(pairs, count: keys.count),
                          explanation: "The topic pack's concepts. Covered: explained in at least half of the \(unit); "
                            + "shaky: explained in fewer; never covered: in none. A concept counts as explained in a turn "
                            + "its analysis does not list as a gap. Links join concepts explained in the same turn.")
    }

    /// Gaps and jargon flagged in two or more turns, gaps first, then by how often.
    private func termMap(title: String) -> ConceptMap {
        let gapTurns = Self.normalized(analyses.map(\.knowledgeGaps)), jargonTurns = Self.normalized(analyses.map(\.unexplainedJargon))
        var keys: [String] = [], nodes: [ConceptMap.Node] = [], index: [String: Int] = [:]
        for (status, turns) in [(ConceptMap.Status.gap, gapTurns), (.jargon, jargonTurns)] {
            var order: [String] = [], seen: [String: (count: Int, spelling: String)] = [:]
            for turn in turns {
                for term in turn where index[term.key] == nil {
                    if let known = seen[term.key] {
                        seen[term.key] = (known.count + 1, known.spelling)
                    } else {
                        seen[term.key] = (1, term.spelling)
                        order.append(term.key)
                    }
                }
            }
            let recurring = order.enumerated().compactMap { n, key in seen[key].map { (n, key, $0) } }.filter { $0.2.count >= 2 }
                .sorted { ($1.2.count, $0.0) < ($0.2.count, $1.0) }
            for (_, key, entry) in recurring.prefix(Self.maxTermNodes / 2) {
                index[key] = keys.count
                keys.append(key)
                nodes.append(ConceptMap.Node(name: entry.spelling, status: status, turns: entry.count))
            }
        }
        var pairs = [Int](repeating: 0, count: keys.count * keys.count)
        for turn in analyses.indices where !keys.isEmpty {
            let present = Set((gapTurns[turn] + jargonTurns[turn]).compactMap { index[$0.key] }).sorted()
            for (n, i) in present.enumerated() { for j in present[(n + 1)...] { pairs[i * keys.count + j] += 1 } }
        }
        return ConceptMap(title: title, nodes: nodes, edges: Self.edges(pairs, count: keys.count),
                          explanation: "No topic pack for this topic: the knowledge gaps and unexplained jargon flagged in two "
                            + "or more turns (at most \(Self.maxTermNodes / 2) of each). Links join terms flagged in the same turn.")
    }

    /// Each turn's terms normalised once, empty ones and repeats within the turn dropped.
    private static func normalized(_ lists: [[String]]) -> [[(key: String, spelling: String)]] {
        lists.map { list in
            var keys: [String] = []
            return list.compactMap { term in
                let key = Terms.normalize(term)
                guard !key.isEmpty, !keys.contains(key) else { return nil }
                keys.append(key)
                return (key, term)
            }
        }
    }

    private static func edges(_ pairs: [Int], count: Int) -> [ConceptMap.Edge] {
        var out: [ConceptMap.Edge] = []
        for i in 0..<count { for j in (i + 1)..<max(count, i + 1) where pairs[i * count + j] > 0 {
            out.append(ConceptMap.Edge(from: i, to: j, turns: pairs[i * count + j]))
        } }
        return out
    }
}
