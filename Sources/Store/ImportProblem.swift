import Foundation

/// Why one imported record was skipped, in words a user can act on: the path to the value and
/// what was wrong with it (`analyses[1].clarity_score: expected a number`), not DecodingError's dump.
package struct ImportProblem: Error, Equatable, CustomStringConvertible {
    package var message: String
    package var description: String { message }

    package init(message: String) { self.message = message }

    init(_ error: DecodingError) {
        func path(_ keys: [any CodingKey]) -> String {
            var out = ""
            for key in keys {
                if let index = key.intValue { out += "[\(index)]" } else { out += (out.isEmpty ? "" : ".") + key.stringValue }
            }
            return out
        }
        func at(_ keys: [any CodingKey]) -> String { keys.isEmpty ? "" : path(keys) + ": " }
        switch error {
        case .typeMismatch(let type, let context):
            message = at(context.codingPath) + "expected " + Self.name(type)
        case .valueNotFound(let type, let context):
            message = at(context.codingPath) + "expected " + Self.name(type) + ", got null"
        case .keyNotFound(let key, let context):
            message = (context.codingPath.isEmpty ? "" : path(context.codingPath) + ": ") + "'\(key.stringValue)' is missing"
        case .dataCorrupted(let context):
            message = context.codingPath.isEmpty ? "not valid JSON (or not UTF-8)" : at(context.codingPath) + context.debugDescription
        @unknown default:
            message = "not a session record"
        }
    }

    private static func name(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type, is Int.Type, is Float.Type: "a number"
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        default: String(describing: type).hasPrefix("Array") ? "a list" : "an object"
        }
    }

    /// Every score of the record's analyses (`analyses[i]`, and `turns[i]`'s `analysis`,
    /// `local_analysis`, `claude_analysis`) is a number within [0, 1]. Decoding an `Analysis`
    /// would otherwise read 85 as 0.85 without a word.
    static func checkScores(_ data: Data) throws(ImportProblem) {
        guard let record = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { return }
        var analyses: [(String, Any)] = []
        for (i, item) in ((record["analyses"] as? [Any]) ?? []).enumerated() { analyses.append(("analyses[\(i)]", item)) }
        for (i, turn) in ((record["turns"] as? [Any]) ?? []).enumerated() {
            for key in ["analysis", "local_analysis", "claude_analysis"] {
                if let value = (turn as? [String: Any])?[key] { analyses.append(("turns[\(i)].\(key)", value)) }
            }
        }
        for (path, value) in analyses {
            guard let fields = value as? [String: Any] else { continue }
            for key in ["clarity_score", "confidence_score"] {
                guard let score = fields[key] as? NSNumber, !(0...1).contains(score.doubleValue) else { continue }
                throw ImportProblem(message: "\(path).\(key): \(score) is outside [0, 1] (skipped, not rescaled)")
            }
        }
    }
}
