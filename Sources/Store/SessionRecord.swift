import Foundation
import TeachBack

/// The part of a recorded session dict that analytics and rescoring read, parsed leniently the
/// way the original service wrote it (scores on 0...1 or 0...100, lists of strings).
enum SessionRecord {
    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    /// `analyses` of one recorded session dict; absent means a session with no turns.
    static func analyses(from bytes: [UInt8]) throws(Malformed) -> [Analysis] {
        let members: [String: JSONScanner.Value]
        do {
            members = try bytes.withUnsafeBufferPointer { buf throws(JSONScanner.Failure) in
                var scanner = JSONScanner(buf)
                return try scanner.members(["analyses"])
            }
        } catch {
            throw Malformed(description: error.description)
        }
        guard let raw = members["analyses"] else { return [] }
        guard case .array(let items) = raw else { throw Malformed(description: "'analyses' is not a list") }
        var out: [Analysis] = []
        out.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            guard case .object(let dict) = item else { throw Malformed(description: "analyses item \(i + 1) is not an object") }
            out.append(Analysis(confidenceScore: score(dict["confidence_score"]), clarityScore: score(dict["clarity_score"]),
                                knowledgeGaps: strings(dict["knowledge_gaps"]), unexplainedJargon: strings(dict["unexplained_jargon"]),
                                strengths: strings(dict["strengths"])))
        }
        return out
    }

    private static func score(_ value: JSONScanner.Value?) -> Double {
        if case .number(let n)? = value { return n }
        return Analysis.neutralScore
    }

    private static func strings(_ value: JSONScanner.Value?) -> [String] {
        guard case .array(let items)? = value else { return [] }
        return items.compactMap { if case .string(let s) = $0 { s } else { nil } }
    }
}
