/// One record of a batch input file, with where it came from: every output line and every
/// message about it names it, so a skipped record never shifts the others.
package struct InputRecord: Sendable {
    package var bytes: [UInt8]
    package var file: String
    /// The line the record starts on (1-based).
    package var line: Int

    package init(bytes: [UInt8], file: String, line: Int) {
        self.bytes = bytes
        self.file = file
        self.line = line
    }

    /// `file:line`, the prefix of every message about this record and its id when it has none.
    package var location: String { "\(file):\(line)" }

    /// The record's `id`, else its `session_id`, else `file:line`; a non-string id is an error.
    func identity(_ members: [String: JSONScanner.Value]) throws(RecordFailure) -> String {
        for key in ["id", "session_id"] {
            switch members[key] {
            case nil, .null?: continue
            case .string(let id)?: return id
            default: throw RecordFailure("'\(key)' is not a string")
            }
        }
        return location
    }

    /// The top-level members named `keys`; the record must be UTF-8 and one well-formed JSON object.
    func members(_ keys: Set<String>) throws(RecordFailure) -> [String: JSONScanner.Value] {
        if let bad = Self.firstInvalidUTF8(bytes) { throw RecordFailure("not UTF-8 at byte \(bad + 1)") }
        do {
            return try bytes.withUnsafeBufferPointer { buf throws(JSONScanner.Failure) in
                var scanner = JSONScanner(buf)
                return try scanner.members(keys)
            }
        } catch {
            throw RecordFailure(error.description)
        }
    }
}

extension InputRecord {
    /// The offset of the first byte that is not part of well-formed UTF-8 (Unicode table 3-7:
    /// no overlong forms, no surrogates, nothing above U+10FFFF), or nil. Invalid text would
    /// otherwise be replaced by U+FFFD without a word.
    static func firstInvalidUTF8(_ b: [UInt8]) -> Int? {
        b.withUnsafeBufferPointer { firstInvalidUTF8($0) }
    }

    /// The same over a buffer; runs of ASCII are stepped over 32 or 8 bytes at a time.
    static func firstInvalidUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = b.count
        let raw = UnsafeRawBufferPointer(b)
        while i < n {
            if i + 32 <= n {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 { i += 32; continue }
            }
            if i + 8 <= n {
                // Straight to the first byte with its high bit set (memory order is little-endian).
                let high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) & 0x8080_8080_8080_8080
                if high == 0 { i += 8; continue }
                i += high.trailingZeroBitCount / 8
            }
            let lead = b[i]
            if lead < 0x80 { i += 1; continue }
            let (length, low, high): (Int, UInt8, UInt8)
            switch lead {
            case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
            case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (length, low, high) = (3, 0x80, 0xBF)
            case 0xED: (length, low, high) = (3, 0x80, 0x9F)
            case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
            case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
            case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
            default: return i
            }
            guard i + length <= n, (low...high).contains(b[i + 1]) else { return i }
            for k in 2..<length where !(0x80...0xBF).contains(b[i + k]) { return i }
            i += length
        }
        return nil
    }
}

/// Why a record was skipped; reported as `file:line: message`.
package struct RecordFailure: Error, Sendable, CustomStringConvertible {
    package var message: String
    package init(_ message: String) { self.message = message }
    package var description: String { message }
}
