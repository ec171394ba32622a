import TeachBack

/// One analytics object as a JSON line, written by hand so the output is byte-for-byte what
/// Python's `json.dumps(obj, ensure_ascii=False, separators=(",", ":"))` gives for the same
/// object: the benchmark compares our output with the Python reference's. The record's `id` and
/// `line` lead, so every line can be joined back to its input.
enum AnalyticsJSON {
    static func line(_ a: SessionAnalytics, id: String, line: Int) -> String {
        var out = "{\"id\":"
        JSONString.append(id, to: &out)
        out += ",\"line\":\(line)"
        out += ",\"learning_curve\":"
        numbers(a.learningCurve, into: &out)
        out += ",\"confidence_over_time\":"
        numbers(a.confidenceOverTime, into: &out)
        out += ",\"average_clarity\":" + number(a.averageClarity)
        out += ",\"average_confidence\":" + number(a.averageConfidence)
        out += ",\"total_turns\":\(a.totalTurns)"
        out += ",\"clarity_trend\":"
        JSONString.append(a.clarityTrend.rawValue, to: &out)
        out += ",\"persistent_gaps\":"
        strings(a.persistentGaps, into: &out)
        out += ",\"suggested_review_topics\":"
        strings(a.suggestedReviewTopics, into: &out)
        out += "}"
        return out
    }

    /// Python's float repr: the shortest round-trip digits, always with a `.0` or an exponent.
    static func number(_ v: Double) -> String {
        let s = v.description
        // Byte checks: Foundation's String.contains goes through a locale-aware search.
        return s.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "n") || $0 == UInt8(ascii: "i") }
            ? s : s + ".0"
    }

    private static func numbers(_ values: [Double], into out: inout String) {
        out += "["
        for (i, v) in values.enumerated() {
            if i > 0 { out += "," }
            out += number(v)
        }
        out += "]"
    }

    private static func strings(_ values: [String], into out: inout String) {
        out += "["
        for (i, v) in values.enumerated() {
            if i > 0 { out += "," }
            JSONString.append(v, to: &out)
        }
        out += "]"
    }
}
