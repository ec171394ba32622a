/// Comparing gap, jargon and strength phrases the way people write them: "Base case.",
/// "base  case" and "base case" are one term (DESIGN §8).
public enum Terms {
    /// Trimmed, lower-cased, inner white space collapsed, trailing `.,;:!?` removed.
    public static func normalize(_ term: String) -> String {
        var words = term.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        while let last = words.last, ".,;:!?".contains(last) { words.removeLast() }
        return words.trimmingWhitespace()
    }

    /// Items of all lists in order, the first spelling of each normalised term kept, empties dropped.
    public static func union(_ lists: [String]...) -> [String] { union(lists) }

    public static func union(_ lists: [[String]]) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for list in lists {
            for item in list {
                let key = normalize(item)
                if !key.isEmpty, seen.insert(key).inserted { out.append(item.trimmingWhitespace()) }
            }
        }
        return out
    }
}

extension String {
    func trimmingWhitespace() -> String {
        guard let start = firstIndex(where: { !$0.isWhitespace }),
              let end = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[start...end])
    }
}
