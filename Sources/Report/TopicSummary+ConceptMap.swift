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
                let gaps = Set(turn.analysis.knowledgeGaps.map(Terms.normalize))
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
        var keys: [String] = [], nodes: [ConceptMap.Node] = [], index: [String: Int] = [:]
        for (status, lists) in [(ConceptMap.Status.gap, analyses.map(\.knowledgeGaps)), (.jargon, analyses.map(\.unexplainedJargon))] {
            var order: [String] = [], counts: [String: Int] = [:], spelling: [String: String] = [:]
            for list in lists {
                for term in list {
                    let key = Terms.normalize(term)
                    guard !key.isEmpty, index[key] == nil else { continue }
                    if spelling[key] == nil { spelling[key] = term; order.append(key) }
                }
                for key in Set(list.map(Terms.normalize)) where spelling[key] != nil { counts[key, default: 0] += 1 }
            }
            let recurring = order.enumerated().filter { (counts[$0.element] ?? 0) >= 2 }
                .sorted { ((counts[$1.element] ?? 0), $0.offset) < ((counts[$0.element] ?? 0), $1.offset) }
            for (_, key) in recurring.prefix(Self.maxTermNodes / 2) {
                index[key] = keys.count
                keys.append(key)
                nodes.append(ConceptMap.Node(name: spelling[key] ?? key, status: status, turns: counts[key] ?? 0))
            }
        }
        var pairs = [Int](repeating: 0, count: keys.count * keys.count)
        for analysis in analyses where !keys.isEmpty {
            let present = Set((analysis.knowledgeGaps + analysis.unexplainedJargon).compactMap { index[Terms.normalize($0)] }).sorted()
            for (n, i) in present.enumerated() { for j in present[(n + 1)...] { pairs[i * keys.count + j] += 1 } }
        }
        return ConceptMap(title: title, nodes: nodes, edges: Self.edges(pairs, count: keys.count),
                          explanation: "No topic pack for this topic: the knowledge gaps and unexplained jargon flagged in two "
                            + "or more turns (at most \(Self.maxTermNodes / 2) of each). Links join terms flagged in the same turn.")
    }

    private static func edges(_ pairs: [Int], count: Int) -> [ConceptMap.Edge] {
        var out: [ConceptMap.Edge] = []
        for i in 0..<count { for j in (i + 1)..<max(count, i + 1) where pairs[i * count + j] > 0 {
            out.append(ConceptMap.Edge(from: i, to: j, turns: pairs[i * count + j]))
        } }
        return out
    }
}
