import Foundation

/// A small JSON reader for batch work, over raw bytes: it parses only the values asked for and
/// skips the rest (a recorded session is mostly conversation text that analytics never reads),
/// and it parses numbers with `strtod`, correctly rounded, as Python's `json` does — so the
/// Python reference and we see the very same doubles.
struct JSONScanner {
    enum Value {
        case null, bool(Bool), number(Double), string(String), array([Value]), object([String: Value])
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The top-level object's values for `keys`; other members are skipped (but must be well formed).
    mutating func members(_ keys: Set<String>) throws(Failure) -> [String: Value] {
        skipSpace()
        guard peek == UInt8(ascii: "{") else { throw fail("not a JSON object (a session dict)") }
        i += 1
        var found: [String: Value] = [:]
        skipSpace()
        if peek == UInt8(ascii: "}") { i += 1; return try end(found) }
        while true {
            skipSpace()
            let key = try string()
            skipSpace()
            try expect(UInt8(ascii: ":"))
            if keys.contains(key) { found[key] = try value() } else { try skip() }
            skipSpace()
            if peek == UInt8(ascii: ",") { i += 1; continue }
            try expect(UInt8(ascii: "}"))
            return try end(found)
        }
    }

    private mutating func end(_ found: [String: Value]) throws(Failure) -> [String: Value] {
        skipSpace()
        guard i == bytes.count else { throw fail("text after the JSON object") }
        return found
    }

    mutating func value() throws(Failure) -> Value {
        skipSpace()
        switch peek {
        case UInt8(ascii: "{"):
            i += 1
            var object: [String: Value] = [:]
            skipSpace()
            if peek == UInt8(ascii: "}") { i += 1; return .object(object) }
            while true {
                skipSpace()
                let key = try string()
                skipSpace()
                try expect(UInt8(ascii: ":"))
                object[key] = try value()
                skipSpace()
                if peek == UInt8(ascii: ",") { i += 1; continue }
                try expect(UInt8(ascii: "}"))
                return .object(object)
            }
        case UInt8(ascii: "["):
            i += 1
            var array: [Value] = []
            skipSpace()
            if peek == UInt8(ascii: "]") { i += 1; return .array(array) }
            while true {
                array.append(try value())
                skipSpace()
                if peek == UInt8(ascii: ",") { i += 1; continue }
                try expect(UInt8(ascii: "]"))
                return .array(array)
            }
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default: return .number(try number())
        }
    }

    /// Steps over one value without building it.
    mutating func skip() throws(Failure) {
        skipSpace()
        switch peek {
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while i < bytes.count {
                switch bytes[i] {
                case UInt8(ascii: "\""): try skipString(); continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { i += 1; return }
                default: break
                }
                i += 1
            }
            throw fail("unexpected end of the record")
        default: _ = try value()
        }
    }

    /// Finds the closing quote with `memchr` (conversation text is most of a record): a quote ends
    /// the string unless an odd run of backslashes precedes it.
    mutating func skipString() throws(Failure) {
        i += 1
        let start = i
        guard let base = bytes.baseAddress else { throw fail("unterminated string") }
        while i < bytes.count {
            guard let hit = memchr(base + i, Int32(UInt8(ascii: "\"")), bytes.count - i) else { break }
            let quote = UnsafeRawPointer(base).distance(to: hit)
            var backslashes = 0
            while quote - backslashes - 1 >= start, bytes[quote - backslashes - 1] == UInt8(ascii: "\\") { backslashes += 1 }
            i = quote + 1
            if backslashes % 2 == 0 { return }
        }
        i = bytes.count
        throw fail("unterminated string")
    }

    mutating func string() throws(Failure) -> String {
        guard peek == UInt8(ascii: "\"") else { throw fail("expected a string") }
        i += 1
        let start = i
        while i < bytes.count, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "\\") { i += 1 }
        guard i < bytes.count else { throw fail("unterminated string") }
        if bytes[i] == UInt8(ascii: "\"") {
            defer { i += 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        }
        var scratch = Array(bytes[start..<i])
        while i < bytes.count {
            let b = bytes[i]
            i += 1
            if b == UInt8(ascii: "\"") { return String(decoding: scratch, as: UTF8.self) }
            guard b == UInt8(ascii: "\\") else { scratch.append(b); continue }
            guard i < bytes.count else { break }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800..<0xDC00).contains(code), i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                    i += 2
                    let low = try hex4()
                    // A high surrogate without its low half decodes as U+FFFD, as Python does.
                    code = (0xDC00..<0xE000).contains(low) ? 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00) : 0xFFFD
                }
                scratch.append(contentsOf: Array(String(Unicode.Scalar(code) ?? "\u{FFFD}").utf8))
            default: scratch.append(e)
            }
        }
        throw fail("unterminated string")
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard i + 4 <= bytes.count, let v = UInt32(String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<i + 4]), as: UTF8.self), radix: 16) else {
            throw fail("bad \\u escape")
        }
        i += 4
        return v
    }

    mutating func number() throws(Failure) -> Double {
        let start = i
        while i < bytes.count, Self.isNumberByte(bytes[i]) { i += 1 }
        guard i > start, i - start < 64 else { throw fail("expected a value") }
        let text = UnsafeBufferPointer(rebasing: bytes[start..<i])
        if let exact = Self.shortDecimal(text) { return exact }
        let parsed = withUnsafeTemporaryAllocation(of: CChar.self, capacity: text.count + 1) { c -> Double? in
            for k in text.indices { c[k] = CChar(bitPattern: text[k]) }
            c[text.count] = 0
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(c.baseAddress!, &end)
            return end.map { c.baseAddress!.distance(to: $0) } == text.count ? value : nil
        }
        guard let parsed else { throw fail("bad number") }
        return parsed
    }

    private static func isNumberByte(_ b: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "-")
            || b == UInt8(ascii: "+") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E")
    }

    /// `-?D+(.D+)?` with at most 15 digits: the digits as an integer over a power of ten, both
    /// exact in a double, so the quotient is correctly rounded — the double `strtod` gives
    /// (Clinger's fast path), without its cost. nil for any other form.
    static func shortDecimal(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        var k = 0
        let negative = text.first == UInt8(ascii: "-")
        if negative { k = 1 }
        var mantissa: UInt64 = 0, digits = 0, whole = 0, fraction = -1
        while k < text.count {
            let b = text[k]
            if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) {
                mantissa = mantissa &* 10 &+ UInt64(b - UInt8(ascii: "0"))
                digits += 1
                if fraction >= 0 { fraction += 1 } else { whole += 1 }
            } else if b == UInt8(ascii: "."), fraction < 0, whole > 0 {
                fraction = 0
            } else {
                return nil
            }
            k += 1
        }
        guard whole > 0, fraction != 0, digits <= 15 else { return nil }
        let value = Double(mantissa) / powersOfTen[max(fraction, 0)]
        return negative ? -value : value
    }

    private static let powersOfTen: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15]

    mutating func literal(_ word: StaticString) throws(Failure) {
        let count = word.utf8CodeUnitCount
        guard i + count <= bytes.count else { throw fail("unexpected end of the record") }
        for k in 0..<count where bytes[i + k] != word.utf8Start[k] { throw fail("expected a value") }
        i += count
    }

    var peek: UInt8 { i < bytes.count ? bytes[i] : 0 }

    mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    mutating func expect(_ b: UInt8) throws(Failure) {
        guard peek == b else { throw fail(i < bytes.count ? "unexpected '\(Character(Unicode.Scalar(bytes[i])))'" : "unexpected end of the record") }
        i += 1
    }

    func fail(_ message: String) -> Failure { Failure(description: "\(message) at byte \(i + 1)") }
}
