/// What one heuristic said about one explanation (`rescore --by-heuristic`, `analyze --explain`):
/// the fields it returned, its notes, or its error. The host reports script time for all
/// heuristics together, so there is no per-heuristic time.
package struct HeuristicBreakdown: Sendable, Encodable {
    var fields: [String: FieldValue]
    var notes: [String]
    var error: String?

    enum FieldValue: Sendable, Encodable {
        case score(Double), terms([String])
        func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .score(let v): try c.encode(v)
            case .terms(let v): try c.encode(v)
            }
        }
    }

    enum CodingKeys: String, CodingKey { case fields, notes, error }

    /// Every key present; no error is `null`.
    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(fields, forKey: .fields)
        try c.encode(notes, forKey: .notes)
        try c.encode(error, forKey: .error)
    }
}

extension CheckedAnalysis {
    /// Each heuristic's returned fields and notes, or its error, by name.
    package var breakdown: [String: HeuristicBreakdown] {
        var out: [String: HeuristicBreakdown] = [:]
        for r in results {
            var fields: [String: HeuristicBreakdown.FieldValue] = [:]
            if let v = r.confidenceScore { fields["confidence_score"] = .score(v) }
            if let v = r.clarityScore { fields["clarity_score"] = .score(v) }
            for (key, terms) in [("knowledge_gaps", r.knowledgeGaps), ("unexplained_jargon", r.unexplainedJargon),
                                 ("strengths", r.strengths)] where !terms.isEmpty {
                fields[key] = .terms(terms)
            }
            out[r.name] = HeuristicBreakdown(fields: fields, notes: r.notes, error: nil)
        }
        for failure in failures {
            out[failure.name ?? "(unnamed)"] = HeuristicBreakdown(fields: [:], notes: [], error: failure.message)
        }
        return out
    }
}
