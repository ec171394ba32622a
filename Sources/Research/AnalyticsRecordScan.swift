import Foundation

/// What the fast analytics path reads from a record, found in place in its bytes: the id as a
/// byte range, the scores, and the gaps and jargon counted into tallies as they are met — no
/// `Value` tree, no `String` per field. It accepts only what the general path (`SessionRecord`)
/// would accept with the same result; anything else — an error, an escape in a term or an id,
/// a key given twice — returns nil, and the caller takes the general path, which then names
/// the problem exactly as before.
struct AnalyticsRecordScan {
    var clarity: [Double] = []
    var confidence: [Double] = []
    /// Each score's text in the record when it is already how Python prints the number (see
    /// `reprText`), else an empty range.
    var clarityText: [Range<Int>] = []
    var confidenceText: [Range<Int>] = []
    var gaps = TermTally()
    var jargon = TermTally()
    /// The id's bytes (between the quotes, no escapes), else the session_id's; nil when the
    /// record has neither and is named by its file:line.
    var id: Range<Int>?

    /// Reads `record`; false sends it to the general path.
    mutating func read(_ record: UnsafeBufferPointer<UInt8>) -> Bool {
        clarity.removeAll(keepingCapacity: true)
        confidence.removeAll(keepingCapacity: true)
        clarityText.removeAll(keepingCapacity: true)
        confidenceText.removeAll(keepingCapacity: true)
        gaps.reset()
        jargon.reset()
        id = nil
        guard InputRecord.firstInvalidUTF8(record) == nil else { return false }
        var s = JSONScanner(record)
        do {
            return try members(&s)
        } catch {
            return false
        }
    }

    private enum TopKey { case id, sessionID, analyses, other }

    private mutating func members(_ s: inout JSONScanner) throws(JSONScanner.Failure) -> Bool {
        s.skipSpace()
        guard s.peek == UInt8(ascii: "{") else { return false }
        s.i += 1
        var seen: (id: Range<Int>??, sessionID: Range<Int>??, analyses: Bool) = (nil, nil, false)
        s.skipSpace()
        if s.peek == UInt8(ascii: "}") {
            s.i += 1
        } else {
            while true {
                s.skipSpace()
                guard let key = rawString(&s) else { return false }
                s.skipSpace()
                try s.expect(UInt8(ascii: ":"))
                switch Self.topKey(s.bytes, key) {
                case .id:
                    guard seen.id == nil, let value = try optionalRawString(&s) else { return false }
                    seen.id = value
                case .sessionID:
                    guard seen.sessionID == nil, let value = try optionalRawString(&s) else { return false }
                    seen.sessionID = value
                case .analyses:
                    guard !seen.analyses, try analyses(&s) else { return false }
                    seen.analyses = true
                case .other:
                    try s.skip()
                }
                s.skipSpace()
                if s.peek == UInt8(ascii: ",") { s.i += 1; continue }
                try s.expect(UInt8(ascii: "}"))
                break
            }
        }
        s.skipSpace()
        guard s.i == s.bytes.count else { return false }
        id = (seen.id ?? nil) ?? (seen.sessionID ?? nil)
        return true
    }

    private static func topKey(_ bytes: UnsafeBufferPointer<UInt8>, _ key: Range<Int>) -> TopKey {
        let k = UnsafeBufferPointer(rebasing: bytes[key])
        if k.equals("id") { return .id }
        if k.equals("session_id") { return .sessionID }
        if k.equals("analyses") { return .analyses }
        return .other
    }

    /// `analyses`: null (no turns) or a list of analysis objects.
    private mutating func analyses(_ s: inout JSONScanner) throws(JSONScanner.Failure) -> Bool {
        s.skipSpace()
        guard let isList = try Self.nullOrList(&s) else { return false }
        var first = true
        while isList, try Self.itemFollows(&s, first: &first) {
            guard try analysis(&s) else { return false }
        }
        return true
    }

    /// Past a `null` (false) or a list's `[` (true); nil for anything else.
    private static func nullOrList(_ s: inout JSONScanner) throws(JSONScanner.Failure) -> Bool? {
        if s.peek == UInt8(ascii: "n") { try s.literal("null"); return false }
        guard s.peek == UInt8(ascii: "[") else { return nil }
        s.i += 1
        return true
    }

    /// In a list: true when an item follows (after its `,`), false past the closing `]`.
    /// `first` is true before the first item.
    private static func itemFollows(_ s: inout JSONScanner, first: inout Bool) throws(JSONScanner.Failure) -> Bool {
        s.skipSpace()
        if first {
            first = false
            if s.peek == UInt8(ascii: "]") { s.i += 1; return false }
            return true
        }
        if s.peek == UInt8(ascii: ",") { s.i += 1; s.skipSpace(); return true }
        try s.expect(UInt8(ascii: "]"))
        return false
    }

    /// One analysis object: both scores within [0, 1], the three lists null or lists of strings.
    /// Other members are parsed whole (not skipped), as the general path parses them.
    private mutating func analysis(_ s: inout JSONScanner) throws(JSONScanner.Failure) -> Bool {
        guard s.peek == UInt8(ascii: "{") else { return false }
        s.i += 1
        gaps.nextTurn()
        jargon.nextTurn()
        var seen: UInt8 = 0
        var scores: (confidence: (Double, Range<Int>)?, clarity: (Double, Range<Int>)?) = (nil, nil)
        s.skipSpace()
        if s.peek == UInt8(ascii: "}") { return false }   // no scores
        while true {
            s.skipSpace()
            guard let key = rawString(&s) else { return false }
            s.skipSpace()
            try s.expect(UInt8(ascii: ":"))
            s.skipSpace()
            let k = UnsafeBufferPointer(rebasing: s.bytes[key])
            if let field = Self.field(k) {
                guard seen & (1 << field) == 0 else { return false }
                seen |= 1 << field
                switch field {
                case 0: scores.confidence = try score(&s)
                case 1: scores.clarity = try score(&s)
                default: guard try strings(&s, field) else { return false }
                }
            } else {
                _ = try s.value()
            }
            s.skipSpace()
            if s.peek == UInt8(ascii: ",") { s.i += 1; continue }
            try s.expect(UInt8(ascii: "}"))
            break
        }
        guard let confidence = scores.confidence, let clarity = scores.clarity else { return false }
        self.confidence.append(confidence.0)
        confidenceText.append(confidence.1)
        self.clarity.append(clarity.0)
        clarityText.append(clarity.1)
        return true
    }

    /// The index of an analysis member this path reads: 0 confidence, 1 clarity, 2 gaps,
    /// 3 jargon, 4 strengths; nil for others. By length first: no array, no hashing.
    private static func field(_ k: UnsafeBufferPointer<UInt8>) -> Int? {
        switch k.count {
        case 16: k.equals("confidence_score") ? 0 : nil
        case 13: k.equals("clarity_score") ? 1 : nil
        case 14: k.equals("knowledge_gaps") ? 2 : nil
        case 18: k.equals("unexplained_jargon") ? 3 : nil
        case 9: k.equals("strengths") ? 4 : nil
        default: nil
        }
    }

    /// A number within [0, 1] and its `reprText`, or nil for anything else (which the general
    /// path reports).
    private func score(_ s: inout JSONScanner) throws(JSONScanner.Failure) -> (Double, Range<Int>)? {
        switch s.peek {
        case UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            return nil
        default:
            let start = s.i
            let n = try s.number()
            guard n.isFinite && (0...1).contains(n) else { return nil }
            return (n, Self.isRepr(UnsafeBufferPointer(rebasing: s.bytes[start..<s.i])) ? start..<s.i : start..<start)
        }
    }

    /// Whether a score's text is exactly Python's `repr` of its double, so it can be copied to the
    /// output instead of formatted: `0.0`, `1.0`, or `0.` and 1–15 digits, the first and last not
    /// zero. Fifteen significant digits or fewer always read back as themselves, and no shorter
    /// text gives the same double; from 0.1 up `repr` writes no exponent.
    static func isRepr(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard text.count >= 3, text.count <= 17, text[1] == UInt8(ascii: ".") else { return false }
        if text.count == 3, text[2] == UInt8(ascii: "0") { return text[0] == UInt8(ascii: "0") || text[0] == UInt8(ascii: "1") }
        guard text[0] == UInt8(ascii: "0"), text[2] != UInt8(ascii: "0"), text[text.count - 1] != UInt8(ascii: "0") else { return false }
        return text[2...].allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// A list of strings without escapes; gaps (field 2) and jargon (3) are counted, strengths
    /// only checked.
    private mutating func strings(_ s: inout JSONScanner, _ field: Int) throws(JSONScanner.Failure) -> Bool {
        guard let isList = try Self.nullOrList(&s) else { return false }
        var first = true
        while isList, try Self.itemFollows(&s, first: &first) {
            guard let term = rawString(&s) else { return false }
            let bytes = UnsafeBufferPointer(rebasing: s.bytes[term])
            if field == 2 { gaps.add(bytes) } else if field == 3 { jargon.add(bytes) }
        }
        return true
    }

    /// A string's bytes between its quotes, or nil when it is not a string or holds an escape
    /// (the record then goes the general way, so the rest of it need not be read). Keys and terms
    /// are short: a byte loop, not `memchr`.
    private func rawString(_ s: inout JSONScanner) -> Range<Int>? {
        guard s.peek == UInt8(ascii: "\"") else { return nil }
        let start = s.i + 1
        var i = start
        while i < s.bytes.count {
            switch s.bytes[i] {
            case UInt8(ascii: "\""):
                s.i = i + 1
                return start..<i
            case UInt8(ascii: "\\"): return nil
            default: i += 1
            }
        }
        return nil
    }

    /// `.some(nil)` for null, `.some(range)` for a plain string, nil for anything else.
    private func optionalRawString(_ s: inout JSONScanner) throws(JSONScanner.Failure) -> Range<Int>?? {
        s.skipSpace()
        if s.peek == UInt8(ascii: "n") { try s.literal("null"); return .some(nil) }
        guard let range = rawString(&s) else { return nil }
        return .some(range)
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Byte equality with a literal: record keys are compared millions of times.
    func equals(_ literal: StaticString) -> Bool {
        count == literal.utf8CodeUnitCount && (count == 0 || memcmp(baseAddress!, literal.utf8Start, count) == 0)
    }
}
