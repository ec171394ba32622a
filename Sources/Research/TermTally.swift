import Foundation
import TeachBack

/// `TermCounter` (DESIGN §8) over byte slices of a record, reused from one session to the next:
/// keys and first spellings live in two byte arenas, so counting a term allocates nothing.
/// Printable ASCII terms are normalised byte by byte; any other term goes through `Terms.key`
/// and `trimmingWhitespace`, the very functions the general path uses, once per spelling: their
/// Unicode case mapping is the costly part, and corpora repeat the same terms.
struct TermTally {
    struct Entry {
        var hash: UInt64
        var key: Range<Int>
        var spelling: Range<Int>
        var count: Int
        var lastTurn: Int
    }

    private(set) var entries: [Entry] = []
    private(set) var keys: [UInt8] = []
    private(set) var spellings: [UInt8] = []
    private var turn = 0
    /// Non-ASCII spellings already normalised: raw bytes → (key, trimmed spelling). Kept across
    /// sessions; emptied when it grows past `cacheLimit`.
    private var cache: [[UInt8]: (key: [UInt8], spelling: [UInt8])] = [:]
    static let cacheLimit = 4_096

    mutating func reset() {
        entries.removeAll(keepingCapacity: true)
        keys.removeAll(keepingCapacity: true)
        spellings.removeAll(keepingCapacity: true)
        turn = 0
    }

    /// Terms of the next turn count once each, however often the turn repeats them.
    mutating func nextTurn() { turn += 1 }

    mutating func add(_ term: UnsafeBufferPointer<UInt8>) {
        let counted = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(term.count, 1)) { scratch -> Bool in
            guard let length = Self.asciiKey(term, into: scratch) else { return false }
            var lo = 0, hi = term.count
            while lo < hi, term[lo] == 0x20 { lo += 1 }
            while hi > lo, term[hi - 1] == 0x20 { hi -= 1 }
            count(key: UnsafeBufferPointer(rebasing: scratch[..<length]), spelling: UnsafeBufferPointer(rebasing: term[lo..<hi]))
            return true
        }
        guard !counted else { return }
        let known = normalised(term)
        known.key.withUnsafeBufferPointer { key in known.spelling.withUnsafeBufferPointer { count(key: key, spelling: $0) } }
    }

    /// Counts `key` once in this turn; a new key keeps `spelling` as its first spelling.
    private mutating func count(key: UnsafeBufferPointer<UInt8>, spelling: UnsafeBufferPointer<UInt8>) {
        guard !key.isEmpty else { return }
        let hash = Self.hash(key)
        let known = keys.withUnsafeBufferPointer { all in
            entries.firstIndex { $0.hash == hash && $0.key.count == key.count && memcmp(all.baseAddress! + $0.key.lowerBound, key.baseAddress!, key.count) == 0 }
        }
        if let i = known {
            if entries[i].lastTurn != turn {
                entries[i].count += 1
                entries[i].lastTurn = turn
            }
            return
        }
        let keyStart = keys.count, spellingStart = spellings.count
        keys.append(contentsOf: key)
        spellings.append(contentsOf: spelling)
        entries.append(Entry(hash: hash, key: keyStart..<keys.count, spelling: spellingStart..<spellings.count, count: 1, lastTurn: turn))
    }

    /// A non-ASCII term's key and spelling, computed once per spelling.
    private mutating func normalised(_ term: UnsafeBufferPointer<UInt8>) -> (key: [UInt8], spelling: [UInt8]) {
        let raw = Array(term)
        if let known = cache[raw] { return known }
        let text = String(decoding: raw, as: UTF8.self)
        if cache.count >= Self.cacheLimit { cache.removeAll(keepingCapacity: true) }
        let made = (key: Terms.key(text), spelling: Array(text.trimmingWhitespace().utf8))
        cache[raw] = made
        return made
    }

    /// Entry indices by count, ties by first appearance.
    func ranked(into order: inout [Int]) {
        order.removeAll(keepingCapacity: true)
        order.append(contentsOf: entries.indices)
        // Insertion sort, stable, so ties stay in first-appearance order; a session has few terms.
        entries.withUnsafeBufferPointer { e in
            for i in order.indices.dropFirst() {
                let item = order[i]
                var j = i
                while j > 0, e[order[j - 1]].count < e[item].count {
                    order[j] = order[j - 1]
                    j -= 1
                }
                order[j] = item
            }
        }
    }

    func key(_ i: Int) -> ArraySlice<UInt8> { keys[entries[i].key] }
    func spelling(_ i: Int) -> ArraySlice<UInt8> { spellings[entries[i].spelling] }

    /// Lower-cased, inner blanks collapsed, trailing `.,;:!?` and blanks removed (`normalizeASCII`
    /// for printable ASCII), written to `out`; returns its length, or nil when the term holds any
    /// other byte.
    private static func asciiKey(_ term: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        var n = 0
        var pendingSpace = false
        for b in term {
            guard (0x20...0x7E).contains(b) else { return nil }
            if b == 0x20 { pendingSpace = n > 0; continue }
            if pendingSpace { out[n] = 0x20; n += 1 }
            pendingSpace = false
            out[n] = (0x41...0x5A).contains(b) ? b + 0x20 : b
            n += 1
        }
        while n > 0, isTrailing(out[n - 1]) { n -= 1 }
        while n > 0, out[n - 1] == 0x20 { n -= 1 }
        return n
    }

    private static func isTrailing(_ b: UInt8) -> Bool {
        b == UInt8(ascii: ".") || b == UInt8(ascii: ",") || b == UInt8(ascii: ";") || b == UInt8(ascii: ":")
            || b == UInt8(ascii: "!") || b == UInt8(ascii: "?")
    }

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        bytes.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }
}
