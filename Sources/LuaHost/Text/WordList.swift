import Foundation

/// A set of known words, such as a list of common words that a text is checked against. Lookups
/// ignore case, treat ’ as ', and accept a possessive "'s" on a listed word ("teacher's").
///
/// Stored as one byte buffer of newline-ended words with their starts sorted, and searched by
/// bisection: loading the shipped 51,000-word list is one pass over its bytes, which keeps it off
/// the start-up time (a `Set<String>` of it took most of the program's start).
package struct WordList: Sendable {
    private let bytes: [UInt8]
    private let starts: [Int]

    /// The distinct words in the list, blank ones left out.
    package var count: Int { starts.count }

    package init(words: some Sequence<some StringProtocol>) {
        var buffer: [UInt8] = []
        for word in words { Self.appendKey(of: Substring(word), to: &buffer) }
        self.init(lines: buffer)
    }

    /// Reads a UTF-8 file with one word a line; surrounding whitespace and blank lines are
    /// ignored, and both LF and CRLF line ends work.
    package init(contentsOf path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var buffer: [UInt8] = []
        buffer.reserveCapacity(data.count + 1)
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var lineStart = 0
            for i in 0...raw.count where i == raw.count || raw[i] == 0x0A {
                let line = UnsafeRawBufferPointer(rebasing: raw[lineStart..<i])
                lineStart = i + 1
                if line.allSatisfy({ (0x61...0x7A).contains($0) || $0 == 0x27 || $0 == 0x2D }) {
                    if !line.isEmpty { buffer.append(contentsOf: line); buffer.append(0x0A) }   // already a key
                } else {
                    Self.appendKey(of: Substring(String(decoding: line, as: UTF8.self)), to: &buffer)
                }
            }
        }
        self.init(lines: buffer)
    }

    /// From newline-ended keys: sorted and de-duplicated (the shipped list already is both).
    private init(lines buffer: [UInt8]) {
        bytes = buffer
        var starts: [Int] = []
        var start = 0
        for (i, b) in buffer.enumerated() where b == 0x0A {
            starts.append(start)
            start = i + 1
        }
        let isSorted = zip(starts, starts.dropFirst()).allSatisfy { Self.compare(buffer, $0, $1) < 0 }
        if !isSorted {
            starts.sort { Self.compare(buffer, $0, $1) < 0 }
            var unique: [Int] = []
            for s in starts where unique.last.map({ Self.compare(buffer, $0, s) != 0 }) ?? true { unique.append(s) }
            starts = unique
        }
        self.starts = starts
    }

    package func contains(_ word: String) -> Bool {
        var key: [UInt8] = []
        Self.appendKey(of: Substring(word), to: &key)
        guard !key.isEmpty else { return false }
        key.removeLast()   // the newline
        if find(key) { return true }
        guard key.count > 2, key.suffix(2) == [0x27, 0x73] else { return false }   // 's
        return find(Array(key.dropLast(2)))
    }

    private func find(_ key: [UInt8]) -> Bool {
        var low = 0, high = starts.count
        while low < high {
            let mid = (low + high) / 2
            let order = compare(word: starts[mid], with: key)
            if order == 0 { return true }
            if order < 0 { low = mid + 1 } else { high = mid }
        }
        return false
    }

    /// Orders the listed word at `start` against `key`, bytewise.
    private func compare(word start: Int, with key: [UInt8]) -> Int {
        var i = start, j = 0
        while bytes[i] != 0x0A, j < key.count {
            if bytes[i] != key[j] { return Int(bytes[i]) - Int(key[j]) }
            i += 1
            j += 1
        }
        return (bytes[i] == 0x0A ? 0 : 1) - (j == key.count ? 0 : 1)
    }

    private static func compare(_ buffer: [UInt8], _ a: Int, _ b: Int) -> Int {
        var i = a, j = b
        while buffer[i] != 0x0A, buffer[j] != 0x0A {
            if buffer[i] != buffer[j] { return Int(buffer[i]) - Int(buffer[j]) }
            i += 1
            j += 1
        }
        return (buffer[i] == 0x0A ? 0 : 1) - (buffer[j] == 0x0A ? 0 : 1)
    }

    /// Appends the form words are stored and looked up in — trimmed, lower-cased, with a plain
    /// apostrophe — and a newline; nothing for a blank word.
    private static func appendKey(of word: Substring, to buffer: inout [UInt8]) {
        let scalars = word.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return }
        let lowered = String(scalars[first...last]).lowercased()
        for scalar in lowered.unicodeScalars {
            if scalar == "\u{2019}" { buffer.append(0x27) } else { buffer.append(contentsOf: String(scalar).utf8) }
        }
        buffer.append(0x0A)
    }
}
