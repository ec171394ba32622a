/// Comparing gap, jargon and strength phrases the way people write them: "Base case.",
/// "base  case" and "base case" are one term (DESIGN §8).
package enum Terms {
    /// Trimmed, lower-cased, inner white space collapsed, trailing `.,;:!?` removed.
    package static func normalize(_ term: String) -> String {
        String(decoding: key(term), as: UTF8.self)
    }

    /// `normalize` as UTF-8 bytes: what terms are compared and counted by. Byte keys hash
    /// without Unicode normalisation, which batch analytics does millions of times — and compare
    /// code points exactly, as the Python reference does.
    package static func key(_ term: String) -> [UInt8] {
        if let ascii = normalizeASCII(term) { return ascii }
        var words = term.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        while let last = words.last, ".,;:!?".contains(last) { words.removeLast() }
        return Array(words.trimmingWhitespace().utf8)
    }

    /// `key` for plain ASCII, byte by byte.
    static func normalizeASCII(_ term: String) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(term.utf8.count)
        var pendingSpace = false
        for b in term.utf8 {
            guard b < 0x80 else { return nil }
            if b == 0x20 || (0x09...0x0D).contains(b) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(0x20) }
            pendingSpace = false
            out.append((0x41...0x5A).contains(b) ? b + 0x20 : b)
        }
        while let last = out.last, trailingPunctuation.contains(last) { out.removeLast() }
        while out.last == 0x20 { out.removeLast() }
        return out
    }

    private static let trailingPunctuation: Set<UInt8> = Set(".,;:!?".utf8)

    /// Items of all lists in order, the first spelling of each normalised term kept, empties dropped.
    package static func union(_ lists: [String]...) -> [String] { union(lists) }

    package static func union(_ lists: [[String]]) -> [String] {
        var seen = Set<[UInt8]>()
        var out: [String] = []
        for list in lists {
            for item in list {
                let key = key(item)
                if !key.isEmpty, seen.insert(key).inserted { out.append(item.trimmingWhitespace()) }
            }
        }
        return out
    }
}

extension String {
    package func trimmingWhitespace() -> String {
        // Most terms start and end with a visible ASCII character: nothing to trim.
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return self
        }
        guard let start = firstIndex(where: { !$0.isWhitespace }),
              let end = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[start...end])
    }
}
