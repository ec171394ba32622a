/// Splits prose into words and sentences for readability statistics.
///
/// Both scans walk the UTF-8 bytes once (linear time) and only decode a
/// scalar, or look up its Unicode properties, when a byte is not ASCII.
package enum Tokenizer {
    /// Maximal runs of letters and digits, in their original case. An
    /// apostrophe (’ becomes '), hyphen or underscore between two word
    /// characters stays inside the word ("don't", "well-known", "snake_case"),
    /// and so does a `.` or `,` between two digits, so "3.14" and "1,000"
    /// count as one word each.
    package static func words(in text: String) -> [String] {
        var text = text
        return text.withUTF8 { WordScanner(bytes: $0).run() }
    }

    /// Sentences, trimmed, in order. A sentence ends at `.`, `!`, `?` or `…`
    /// (a run such as "?!" or "..." counts once, and closing quotes or
    /// brackets stay with it) when what follows is whitespace and then an
    /// uppercase letter, digit or opening quote, or the end of the text. A
    /// period after a common abbreviation ("e.g.", "Dr.") or an initial
    /// ("J. Smith") does not end one. Blank lines and line breaks that start
    /// a list item ("- ", "* ", "1. ") also end a sentence; the list marker
    /// itself is dropped.
    package static func sentences(in text: String) -> [String] {
        var text = text
        return text.withUTF8 { SentenceScanner(bytes: $0).run() }
    }
}

// MARK: - Words

private struct WordScanner {
    let bytes: UnsafeBufferPointer<UInt8>

    func run() -> [String] {
        var words: [String] = []
        var start: Int?
        var end = 0
        var previousIsDigit = false
        var hasCurlyApostrophe = false
        var i = 0
        while i < bytes.count {
            if bytes[i].isASCIIAlphanumeric { // the common case, without decoding
                if start == nil { start = i }
                end = i + 1
                previousIsDigit = bytes[i].isASCIIDigit
                i += 1
                continue
            }
            let (scalar, length) = bytes.scalar(at: i)
            if isWordCharacter(scalar, inWord: start != nil) {
                if start == nil { start = i }
                end = i + length
            } else if start != nil, joins(scalar, afterDigit: previousIsDigit, at: i + length) {
                hasCurlyApostrophe = hasCurlyApostrophe || scalar == "\u{2019}"
            } else if let wordStart = start {
                words.append(word(wordStart..<end, normalising: hasCurlyApostrophe))
                start = nil
                hasCurlyApostrophe = false
            }
            previousIsDigit = scalar.isASCIIDigit
            i += length
        }
        if let wordStart = start {
            words.append(word(wordStart..<end, normalising: hasCurlyApostrophe))
        }
        return words
    }

    /// Letters and digits start a word; combining marks only continue one.
    func isWordCharacter(_ scalar: Unicode.Scalar, inWord: Bool) -> Bool {
        if scalar.isASCII { return UInt8(scalar.value).isASCIIAlphanumeric }
        let properties = scalar.properties
        if properties.isAlphabetic || properties.generalCategory == .decimalNumber { return true }
        guard inWord else { return false }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Whether `scalar`, just after a word character, links it to a word
    /// character starting at `next`.
    func joins(_ scalar: Unicode.Scalar, afterDigit: Bool, at next: Int) -> Bool {
        guard next < bytes.count else { return false }
        let (following, _) = bytes.scalar(at: next)
        switch scalar {
        case "'", "\u{2019}", "-", "_", "\u{2010}", "\u{2011}":
            return isWordCharacter(following, inWord: false)
        case ".", ",":
            return afterDigit && following.isASCIIDigit
        default:
            return false
        }
    }

    func word(_ range: Range<Int>, normalising curlyApostrophes: Bool) -> String {
        guard curlyApostrophes else {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        var result: [UInt8] = []
        var k = range.lowerBound
        while k < range.upperBound {
            if bytes.hasPrefix(rightSingleQuote, at: k) {
                result.append(UInt8(ascii: "'"))
                k += rightSingleQuote.count
            } else {
                result.append(bytes[k])
                k += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}

// MARK: - Sentences

private struct SentenceScanner {
    let bytes: UnsafeBufferPointer<UInt8>

    func run() -> [String] {
        var sentences: [String] = []
        var start = skipWhitespace(from: 0)
        if let markerEnd = listMarkerEnd(at: start) { start = markerEnd }
        var i = start
        while i < bytes.count {
            if bytes[i] > UInt8(ascii: "?"), bytes[i] != 0xE2 {
                i += 1 // a letter, or other text with nothing to decide
            } else if bytes[i] == UInt8(ascii: "\n") {
                let next = skipWhitespace(from: i + 1)
                let isBlankLine = bytes[(i + 1)..<next].contains(UInt8(ascii: "\n"))
                let markerEnd = listMarkerEnd(at: next)
                if isBlankLine || markerEnd != nil {
                    append(start..<i, to: &sentences)
                    start = markerEnd ?? next
                }
                i = max(next, start)
            } else if bytes.isTerminator(at: i) {
                let runEnd = terminatorRunEnd(from: i)
                let end = closingPunctuationEnd(from: runEnd)
                if endsSentence(terminators: i..<runEnd, punctuationEnd: end) {
                    append(start..<end, to: &sentences)
                    start = end
                }
                i = end
            } else {
                i += 1
            }
        }
        append(start..<bytes.count, to: &sentences)
        return sentences
    }

    /// Whether the text after the terminators (and any closing quotes or
    /// brackets, which end at `end`) starts a new sentence. The end of the
    /// text is left to the caller.
    func endsSentence(terminators: Range<Int>, punctuationEnd end: Int) -> Bool {
        let next = skipWhitespace(from: end)
        guard next > end, next < bytes.count, bytes.scalar(at: next).0.canStartSentence else { return false }
        let isSinglePeriod = terminators.count == 1 && bytes[terminators.lowerBound] == UInt8(ascii: ".")
        return !isSinglePeriod || !isAbbreviation(endingAt: terminators.lowerBound)
    }

    func terminatorRunEnd(from start: Int) -> Int {
        var i = start
        while i < bytes.count, bytes.isTerminator(at: i) {
            i += bytes[i] == 0xE2 ? 3 : 1
        }
        return i
    }

    func closingPunctuationEnd(from start: Int) -> Int {
        var i = start
        while i < bytes.count {
            let (scalar, length) = bytes.scalar(at: i)
            switch scalar {
            case "\"", "'", ")", "]", "}", "\u{201D}", "\u{2019}", "\u{00BB}": i += length
            default: return i
            }
        }
        return i
    }

    /// Whether the word just before a period at `periodIndex` is an
    /// abbreviation or an initial, whose period does not end a sentence.
    func isAbbreviation(endingAt periodIndex: Int) -> Bool {
        var tokenStart = periodIndex
        while tokenStart > 0, !bytes[tokenStart - 1].isASCIIWhitespace,
              !"\"'([{".utf8.contains(bytes[tokenStart - 1]) {
            tokenStart -= 1
        }
        let token = bytes[tokenStart..<periodIndex]
        if token.count == 1, let letter = token.first {
            return letter &- UInt8(ascii: "A") < 26 && letter != UInt8(ascii: "I")
        }
        let lowered = String(decoding: token.map { $0 | 0x20 }, as: UTF8.self)
        if abbreviations.contains(lowered) { return true }
        // Dotted forms such as "U.S", "a.m" or "Ph.D" (the last period is the one being checked).
        let pieces = token.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return pieces.count > 1 && pieces.allSatisfy { piece in
            (1...2).contains(piece.count) && piece.allSatisfy { ($0 | 0x20) &- UInt8(ascii: "a") < 26 }
        }
    }

    /// The end of a list marker ("- ", "* ", "+ ", "• ", "12. ", "3) ") that
    /// starts at `i`, including the space after it.
    func listMarkerEnd(at i: Int) -> Int? {
        var j = i
        if j < bytes.count, "-*+".utf8.contains(bytes[j]) {
            j += 1
        } else if bytes.hasPrefix([0xE2, 0x80, 0xA2], at: j) { // •
            j += 3
        } else {
            while j < bytes.count, j - i < 3, bytes[j].isASCIIDigit { j += 1 }
            guard j > i, j < bytes.count, bytes[j] == UInt8(ascii: ".") || bytes[j] == UInt8(ascii: ")") else {
                return nil
            }
            j += 1
        }
        guard j < bytes.count, bytes[j] == UInt8(ascii: " ") || bytes[j] == UInt8(ascii: "\t") else { return nil }
        return j + 1
    }

    func skipWhitespace(from start: Int, to end: Int? = nil) -> Int {
        let end = end ?? bytes.count
        var i = start
        while i < end {
            let (scalar, length) = bytes.scalar(at: i)
            guard scalar.isWhitespace else { return i }
            i += length
        }
        return end
    }

    /// Appends the text in `range`, trimmed, unless it is blank.
    func append(_ range: Range<Int>, to sentences: inout [String]) {
        let lower = skipWhitespace(from: range.lowerBound, to: range.upperBound)
        var upper = range.upperBound
        while upper > lower {
            var lastStart = upper - 1
            while bytes[lastStart] & 0xC0 == 0x80 { lastStart -= 1 } // UTF-8 continuation byte
            guard bytes.scalar(at: lastStart).0.isWhitespace else { break }
            upper = lastStart
        }
        guard lower < upper else { return }
        sentences.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self))
    }
}

/// Lower-case abbreviations, without their final period, that rarely end a
/// sentence.
private let abbreviations: Set<String> = [
    "e.g", "i.e", "etc", "vs", "cf", "al", "approx", "mr", "mrs", "ms", "dr", "prof",
    "sr", "jr", "st", "fig", "figs", "eq", "eqs", "vol", "pp", "ch", "sec", "inc", "ltd", "corp",
]

// MARK: - Byte helpers

/// ’ (U+2019) in UTF-8.
private let rightSingleQuote: [UInt8] = [0xE2, 0x80, 0x99]

private extension UnsafeBufferPointer<UInt8> {
    /// Decodes the scalar starting at `i`. The buffer comes from a String and
    /// so is valid UTF-8; a truncated sequence still yields U+FFFD, one byte long.
    func scalar(at i: Int) -> (Unicode.Scalar, length: Int) {
        let lead = self[i]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard i + length <= count else { return ("\u{FFFD}", 1) }
        var value = UInt32(lead) & (0x7F >> length)
        for k in 1..<length { value = value << 6 | UInt32(self[i + k] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    func hasPrefix(_ prefix: [UInt8], at i: Int) -> Bool {
        i + prefix.count <= count && self[i..<(i + prefix.count)].elementsEqual(prefix)
    }

    /// "…" (U+2026).
    func isEllipsis(at i: Int) -> Bool { hasPrefix([0xE2, 0x80, 0xA6], at: i) }

    func isTerminator(at i: Int) -> Bool {
        switch self[i] {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"): true
        default: isEllipsis(at: i)
        }
    }
}

private extension UInt8 {
    var isASCIIDigit: Bool { self &- UInt8(ascii: "0") < 10 }
    var isASCIIAlphanumeric: Bool { isASCIIDigit || (self | 0x20) &- UInt8(ascii: "a") < 26 }
    var isASCIIWhitespace: Bool { self == 0x20 || (0x09...0x0D).contains(self) }
}

private extension Unicode.Scalar {
    var isASCIIDigit: Bool { value &- 0x30 < 10 }

    var isWhitespace: Bool {
        isASCII ? UInt8(value).isASCIIWhitespace : properties.isWhitespace
    }

    /// Uppercase or caseless letters, digits and opening quotes or brackets.
    var canStartSentence: Bool {
        switch self {
        case "A"..."Z", "0"..."9", "\"", "'", "(", "[", "\u{201C}", "\u{2018}", "\u{00AB}", "\u{00BF}", "\u{00A1}":
            true
        default:
            !isASCII && properties.isAlphabetic && !properties.isLowercase
        }
    }
}
