import Foundation

/// A set of known words, such as a list of common words that a text is
/// checked against. Lookups ignore case, treat ’ as ', and accept a
/// possessive "'s" on a listed word ("teacher's" for "teacher").
package struct WordList: Sendable {
    private let entries: Set<String>

    /// The distinct words in the list, blank ones left out.
    package var count: Int { entries.count }

    package init(words: some Sequence<some StringProtocol>) {
        var entries = Set<String>()
        for word in words {
            let key = Self.key(String(word))
            if !key.isEmpty { entries.insert(key) }
        }
        self.entries = entries
    }

    /// Reads a UTF-8 file with one word a line; surrounding whitespace and
    /// blank lines are ignored, and both LF and CRLF line ends work.
    package init(contentsOf path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        self.init(words: text.split(whereSeparator: \.isNewline))
    }

    package func contains(_ word: String) -> Bool {
        let key = Self.key(word)
        if entries.contains(key) { return true }
        guard key.hasSuffix("'s") else { return false }
        return entries.contains(String(key.dropLast(2)))
    }

    /// The form words are stored and looked up in: trimmed, lower-cased,
    /// with a plain apostrophe.
    private static func key(_ word: String) -> String {
        let scalars = word.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        var key = String(scalars[first...last]).lowercased()
        if key.unicodeScalars.contains("\u{2019}") {
            key = String(String.UnicodeScalarView(key.unicodeScalars.map { $0 == "\u{2019}" ? "'" : $0 }))
        }
        return key
    }
}
