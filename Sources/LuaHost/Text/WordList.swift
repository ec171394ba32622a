import Foundation

/// A set of known words, such as a list of common words that a text is checked against. Lookups
/// ignore case, treat ’ as ', and accept a possessive "'s" on a listed word ("teacher's").
///
/// Held as one run of newline-ended words in byte order, searched by bisection on the bytes
/// themselves, with no index. A file already in that form — the shipped 51,000-word list is — is
/// mapped, not read: nothing is copied, and start-up only checks its order.
package struct WordList: Sendable {
    private let keys: Keys
    /// The distinct words in the list, blank ones left out.
    package let count: Int

    package init(words: some Sequence<some StringProtocol>) {
        var buffer: [UInt8] = []
        for word in words { Self.appendKey(of: Substring(word), to: &buffer) }
        (keys, count) = Self.sorted(buffer)
    }

    /// Reads a UTF-8 file with one word a line; surrounding whitespace and blank lines are
    /// ignored, both LF and CRLF line ends work, and the words may come in any order.
    package init(contentsOf path: String) throws {
        let mapped = try Keys(mapping: path)
        if let count = Self.canonicalCount(mapped.bytes) {
            (keys, self.count) = (mapped, count)
            return
        }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(mapped.bytes.count + 1)
        var lineStart = 0
        for i in 0...mapped.bytes.count where i == mapped.bytes.count || mapped.bytes[i] == 0x0A {
            let line = UnsafeRawBufferPointer(rebasing: mapped.bytes[lineStart..<i])
            lineStart = i + 1
            Self.appendKey(of: Substring(String(decoding: line, as: UTF8.self)), to: &buffer)
        }
        (keys, count) = Self.sorted(buffer)
    }

    package func contains(_ word: String) -> Bool {
        var word = word
        return word.withUTF8 { contains(utf8: UnsafeRawBufferPointer($0)) }
    }

    /// `contains` for a word as UTF-8 bytes. An ASCII word — nearly every one — is keyed on the
    /// stack, with no allocation: scripts ask this for every word of every text.
    package func contains(utf8 word: UnsafeRawBufferPointer) -> Bool {
        guard !word.contains(where: { $0 >= 0x80 }) else {
            var key: [UInt8] = []
            Self.appendKey(of: Substring(String(decoding: word, as: UTF8.self)), to: &key)
            return key.withUnsafeBufferPointer { contains(key: UnsafeBufferPointer(rebasing: $0.dropLast())) }
        }
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || (0x09...0x0D).contains($0) }
        guard let first = word.firstIndex(where: { !isSpace($0) }),
              let last = word.lastIndex(where: { !isSpace($0) }) else { return false }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: last - first + 1) { key in
            for i in first...last { key[i - first] = (0x41...0x5A).contains(word[i]) ? word[i] | 0x20 : word[i] }
            return contains(key: UnsafeBufferPointer(key))
        }
    }

    /// A key as stored (without its newline), or its word before a possessive 's.
    private func contains(key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !key.isEmpty else { return false }
        if find(key) { return true }
        guard key.count > 2, key[key.count - 2] == 0x27, key[key.count - 1] == 0x73 else { return false }   // 's
        return find(UnsafeBufferPointer(rebasing: key.dropLast(2)))
    }

    /// Bisection over whole lines: [low, high) always starts at a line's start and ends at one's end.
    private func find(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let bytes = keys.bytes
        var low = 0, high = bytes.count
        while low < high {
            var start = (low + high) / 2
            while start > low, bytes[start - 1] != 0x0A { start -= 1 }
            var end = start
            var i = key.startIndex
            var order = 0
            while bytes[end] != 0x0A {
                if order == 0 {
                    order = i == key.endIndex ? 1 : Int(bytes[end]) - Int(key[i])
                    i += 1
                }
                end += 1
            }
            if order == 0, i != key.endIndex { order = -1 }
            if order == 0 { return true }
            if order < 0 { low = end + 1 } else { high = start }
        }
        return false
    }

    /// The number of words when `bytes` is already in our form — keys (lower-case ASCII letters,
    /// `'` and `-`), each ended by a newline, strictly in byte order — else nil.
    private static func canonicalCount(_ bytes: UnsafeRawBufferPointer) -> Int? {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return 0 }
        guard bytes.last == 0x0A else { return nil }
        var count = 0
        var previous: (start: Int, length: Int)?
        var start = 0
        while start < bytes.count {
            var end = start
            while base[end] != 0x0A {
                let b = base[end]
                guard (0x61...0x7A).contains(b) || b == 0x27 || b == 0x2D else { return nil }
                end += 1
            }
            let length = end - start
            guard length > 0 else { return nil }
            if let (p, n) = previous {   // strictly after the previous word, bytewise
                let order = memcmp(base + p, base + start, min(n, length))
                guard order < 0 || (order == 0 && n < length) else { return nil }
            }
            previous = (start, length)
            count += 1
            start = end + 1
        }
        return count
    }

    /// Newline-ended keys put in byte order, without repeats.
    private static func sorted(_ buffer: [UInt8]) -> (Keys, Int) {
        var starts: [Int] = []
        var start = 0
        for (i, b) in buffer.enumerated() where b == 0x0A {
            starts.append(start)
            start = i + 1
        }
        buffer.withUnsafeBytes { raw in starts.sort { order(raw, $0, $1) < 0 } }
        var out: [UInt8] = []
        out.reserveCapacity(buffer.count)
        var last: Int?
        var count = 0
        buffer.withUnsafeBytes { raw in
            for s in starts where last.map({ order(raw, $0, s) != 0 }) ?? true {
                var i = s
                repeat { out.append(raw[i]); i += 1 } while raw[i - 1] != 0x0A
                (last, count) = (s, count + 1)
            }
        }
        return (Keys(copying: out), count)
    }

    /// Orders the newline-ended keys starting at `a` and `b`, bytewise.
    private static func order(_ bytes: UnsafeRawBufferPointer, _ a: Int, _ b: Int) -> Int {
        var i = a, j = b
        while bytes[i] != 0x0A, bytes[j] != 0x0A {
            if bytes[i] != bytes[j] { return Int(bytes[i]) - Int(bytes[j]) }
            i += 1
            j += 1
        }
        return (bytes[i] == 0x0A ? 0 : 1) - (bytes[j] == 0x0A ? 0 : 1)
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

/// The bytes of a word list: a read-only mapping of its file, or a copy of our own. Never written
/// after it is made, so it is shared freely between threads.
private final class Keys: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
    private let mapped: Bool

    init(mapping path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path]) }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: path]) }
        let size = Int(status.st_size)
        guard size > 0 else {
            (bytes, mapped) = (UnsafeRawBufferPointer(start: nil, count: 0), false)
            return
        }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        (bytes, mapped) = (UnsafeRawBufferPointer(start: base, count: size), true)
    }

    init(copying buffer: [UInt8]) {
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count, alignment: 1)
        buffer.withUnsafeBytes { copy.copyMemory(from: $0) }
        (bytes, mapped) = (UnsafeRawBufferPointer(copy), false)
    }

    deinit {
        if mapped {
            munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
        } else {
            bytes.deallocate()
        }
    }
}
