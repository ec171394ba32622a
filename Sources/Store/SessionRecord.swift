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
            guard let analysis = item.analysis else { throw Malformed(description: "analyses item \(i + 1) is not an object") }
            out.append(analysis)
        }
        return out
    }
}
