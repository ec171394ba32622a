import Foundation
import TeachBack

/// Reads Claude's analysis robustly (DESIGN §3): the JSON object may come inside code fences or
/// with text around it, scores on 0...100 or as numeric strings, lists as a single string. What
/// still does not parse is a failed call, and the turn falls back to the local analysis.
package enum AnalysisParser {
    package static func parse(_ text: String) -> Analysis? {
        var rest = Substring(text)
        while let start = rest.firstIndex(of: "{") {
            if let object = firstJSONObject(in: String(rest[start...])), let analysis = analysis(fromJSON: object) { return analysis }
            rest = rest[rest.index(after: start)...]
        }
        return nil
    }

    private static func analysis(fromJSON object: String) -> Analysis? {
        guard let dict = (try? JSONSerialization.jsonObject(with: Data(object.utf8))) as? [String: Any] else { return nil }
        let confidence = score(dict["confidence_score"])
        let clarity = score(dict["clarity_score"])
        guard confidence != nil || clarity != nil else { return nil }
        return Analysis(confidenceScore: confidence ?? Analysis.neutralScore, clarityScore: clarity ?? Analysis.neutralScore,
                        knowledgeGaps: list(dict["knowledge_gaps"]), unexplainedJargon: list(dict["unexplained_jargon"]),
                        strengths: list(dict["strengths"]), source: .claude)
    }

    /// The first balanced `{...}` in `text`, skipping braces inside JSON strings.
    static func firstJSONObject(in text: String) -> String? {
        let bytes = Array(text.utf8)
        guard let start = bytes.firstIndex(of: UInt8(ascii: "{")) else { return nil }
        var depth = 0, inString = false, escaped = false
        for i in start..<bytes.count {
            let b = bytes[i]
            if inString {
                if escaped { escaped = false } else if b == UInt8(ascii: "\\") { escaped = true } else if b == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch b {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "}"):
                depth -= 1
                if depth == 0 { return String(decoding: bytes[start...i], as: UTF8.self) }
            default: break
            }
        }
        return nil
    }

    private static func score(_ value: Any?) -> Double? {
        switch value {
        case let n as NSNumber: return Analysis.normalizedScore(n.doubleValue)
        case let s as String: return Double(s.trimmingCharacters(in: .whitespaces)).map(Analysis.normalizedScore)
        default: return nil
        }
    }

    private static func list(_ value: Any?) -> [String] {
        switch value {
        case let items as [Any]: return items.compactMap { ($0 as? String) ?? ($0 as? NSNumber)?.stringValue }.filter { !$0.isEmpty }
        case let single as String where !single.isEmpty: return [single]
        default: return []
        }
    }
}
