import TeachBack

extension JSONScanner.Value {
    var string: String? { if case .string(let s) = self { s } else { nil } }
    var number: Double? { if case .number(let n) = self { n } else { nil } }

    /// An analysis read from an input file, checked rather than repaired: both scores present,
    /// finite and within [0, 1] (an `85` is an error, never read as 0.85), the lists lists of
    /// strings. `what` names the object in the message, e.g. "analyses item 2".
    func checkedAnalysis(_ what: String, source: Analysis.Source = .claude) throws(RecordFailure) -> Analysis {
        guard case .object(let fields) = self else { throw RecordFailure("\(what) is not an object") }
        func score(_ key: String) throws(RecordFailure) -> Double {
            guard let value = fields[key]?.presentValue else { throw RecordFailure("\(what): '\(key)' is missing") }
            guard let n = value.number else { throw RecordFailure("\(what): '\(key)' is not a number") }
            guard n.isFinite, (0...1).contains(n) else {
                throw RecordFailure("\(what): '\(key)' is \(n), outside [0, 1] (skipped, not rescaled)")
            }
            return n
        }
        func strings(_ key: String) throws(RecordFailure) -> [String] {
            guard let value = fields[key]?.presentValue else { return [] }
            guard case .array(let items) = value else { throw RecordFailure("\(what): '\(key)' is not a list") }
            var out: [String] = []
            out.reserveCapacity(items.count)
            for item in items {
                guard let s = item.string else { throw RecordFailure("\(what): '\(key)' holds a non-string") }
                out.append(s)
            }
            return out
        }
        return Analysis(confidenceScore: try score("confidence_score"), clarityScore: try score("clarity_score"),
                        knowledgeGaps: try strings("knowledge_gaps"), unexplainedJargon: try strings("unexplained_jargon"),
                        strengths: try strings("strengths"), source: source)
    }

    /// nil for JSON `null`.
    var presentValue: JSONScanner.Value? { if case .null = self { nil } else { self } }
}
