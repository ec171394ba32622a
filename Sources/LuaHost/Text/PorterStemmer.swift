/// The original Porter (1980) stemmer, exactly as Snowball's `porter`
/// algorithm defines it, so results match the reference implementation
/// rather than one of the many subtly different ports.
///
/// Input is lower-cased first. Words of one or two letters come back as they
/// are (as in Porter's own C code, so "is" stays "is" where Snowball would
/// give "i"), and words with non-ASCII characters come back lower-cased but
/// otherwise untouched, because the rules only know English spelling.
package enum PorterStemmer {
    package static func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        guard bytes.count > 2, bytes.allSatisfy({ $0 < 0x80 }) else { return word.lowercased() }
        for k in bytes.indices where bytes[k] &- UInt8(ascii: "A") < 26 { bytes[k] |= 0x20 }
        var stemmer = Stemmer(bytes)
        stemmer.run()
        return String(decoding: stemmer.b, as: UTF8.self)
    }
}

/// One word being stemmed. Snowball's backward-mode cursor is back at the end
/// of the word before every step, so each step only looks at the suffix.
private struct Stemmer {
    /// The word; a consonant `y` is temporarily marked `Y`, as in Snowball.
    var b: [UInt8]
    /// Where regions R1 and R2 start (Snowball's `p1` and `p2`).
    var p1 = 0
    var p2 = 0

    init(_ bytes: [UInt8]) { b = bytes }

    mutating func run() {
        markConsonantY()
        p1 = regionStart(from: 0) ?? b.count
        p2 = regionStart(from: p1) ?? b.count
        step1a()
        step1b()
        step1c()
        replaceLongest(step2Rules, notBefore: p1)
        replaceLongest(step3Rules, notBefore: p1)
        step4()
        step5a()
        step5b()
        for k in b.indices where b[k] == Byte.Y { b[k] = Byte.y }
    }

    // MARK: Helpers

    /// Snowball's `v`: a e i o u y (a marked `Y` counts as a consonant).
    static func isVowel(_ c: UInt8) -> Bool {
        switch c {
        case Byte.a, Byte.e, Byte.i, Byte.o, Byte.u, Byte.y: true
        default: false
        }
    }

    /// Snowball's `shortv`: the word up to `end` finishes consonant, vowel,
    /// consonant, and that last consonant is not w, x or Y.
    func endsShort(at end: Int) -> Bool {
        guard end >= 3 else { return false }
        let last = b[end - 1]
        return !Self.isVowel(last) && last != Byte.w && last != Byte.x && last != Byte.Y
            && Self.isVowel(b[end - 2]) && !Self.isVowel(b[end - 3])
    }

    func hasVowel(before end: Int) -> Bool {
        b[..<end].contains(where: Self.isVowel)
    }

    /// Compares from the last letter back, so most rules fail on one byte.
    func ends(with suffix: some BidirectionalCollection<UInt8>) -> Bool {
        guard b.count >= suffix.count else { return false }
        var k = b.count
        for c in suffix.reversed() {
            k -= 1
            if b[k] != c { return false }
        }
        return true
    }

    func ends(with suffix: StaticString) -> Bool {
        suffix.withUTF8Buffer { ends(with: $0) }
    }

    /// An initial `y`, and a `y` right after a vowel, are consonants.
    mutating func markConsonantY() {
        if b[0] == Byte.y { b[0] = Byte.Y }
        for k in 1..<b.count where b[k] == Byte.y && Self.isVowel(b[k - 1]) { b[k] = Byte.Y }
    }

    /// The position just past the first vowel followed by a non-vowel at or
    /// after `start`, or nil when there is none.
    func regionStart(from start: Int) -> Int? {
        var k = start
        while k < b.count, !Self.isVowel(b[k]) { k += 1 }
        while k < b.count, Self.isVowel(b[k]) { k += 1 }
        return k < b.count ? k + 1 : nil
    }

    /// Replaces the longest matching suffix if it starts at or after
    /// `notBefore`; when it does not, shorter suffixes are not tried.
    mutating func replaceLongest(_ rules: [Rule], notBefore: Int) {
        guard let rule = rules.first(where: { ends(with: $0.suffix) }) else { return }
        let start = b.count - rule.suffix.count
        guard notBefore <= start else { return }
        b.replaceSubrange(start..., with: rule.replacement)
    }

    // MARK: Steps

    mutating func step1a() {
        if ends(with: "sses") || ends(with: "ies") {
            b.removeLast(2)
        } else if b.last == Byte.s, !ends(with: "ss") {
            b.removeLast()
        }
    }

    mutating func step1b() {
        if ends(with: "eed") {
            if p1 <= b.count - 3 { b.removeLast() }
            return
        }
        let length = ends(with: "ed") ? 2 : ends(with: "ing") ? 3 : 0
        guard length > 0, hasVowel(before: b.count - length) else { return }
        b.removeLast(length)
        if ends(with: "at") || ends(with: "bl") || ends(with: "iz") {
            b.append(Byte.e)
        } else if b.count >= 2, b[b.count - 1] == b[b.count - 2], "bdfgmnprt".utf8.contains(b[b.count - 1]) {
            b.removeLast()
        } else if b.count == p1, endsShort(at: b.count) {
            b.append(Byte.e)
        }
    }

    mutating func step1c() {
        guard let last = b.last, last == Byte.y || last == Byte.Y, hasVowel(before: b.count - 1) else { return }
        b[b.count - 1] = Byte.i
    }

    mutating func step4() {
        guard let suffix = step4Suffixes.first(where: { ends(with: $0) }) else { return }
        let start = b.count - suffix.count
        guard p2 <= start else { return }
        if suffix.elementsEqual("ion".utf8) {
            guard start > 0, b[start - 1] == Byte.s || b[start - 1] == Byte.t else { return }
        }
        b.removeSubrange(start...)
    }

    mutating func step5a() {
        guard b.last == Byte.e else { return }
        let end = b.count - 1
        if p2 <= end || (p1 <= end && !endsShort(at: end)) { b.removeLast() }
    }

    mutating func step5b() {
        let end = b.count - 1
        if b.last == Byte.l, p2 <= end, end > 0, b[end - 1] == Byte.l { b.removeLast() }
    }
}

// MARK: Tables, longest suffix first so that the first match is the longest

private struct Rule {
    let suffix: [UInt8]
    let replacement: [UInt8]
}

private func rules(_ pairs: KeyValuePairs<String, String>) -> [Rule] {
    pairs.map { Rule(suffix: Array($0.key.utf8), replacement: Array($0.value.utf8)) }
}

private let step2Rules = rules([
    "ational": "ate", "ization": "ize", "fulness": "ful", "ousness": "ous",
    "iveness": "ive", "tional": "tion", "biliti": "ble", "entli": "ent",
    "ousli": "ous", "ation": "ate", "alism": "al", "aliti": "al", "iviti": "ive",
    "enci": "ence", "anci": "ance", "abli": "able", "izer": "ize", "ator": "ate",
    "alli": "al", "eli": "e",
])

private let step3Rules = rules([
    "icate": "ic", "ative": "", "alize": "al", "iciti": "ic",
    "ical": "ic", "ness": "", "ful": "",
])

private let step4Suffixes = [
    "ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate",
    "iti", "ous", "ive", "ize", "ion", "al", "er", "ic", "ou",
].map { Array($0.utf8) }

private enum Byte {
    static let a = UInt8(ascii: "a"), e = UInt8(ascii: "e"), i = UInt8(ascii: "i")
    static let o = UInt8(ascii: "o"), u = UInt8(ascii: "u"), y = UInt8(ascii: "y")
    static let l = UInt8(ascii: "l"), s = UInt8(ascii: "s"), t = UInt8(ascii: "t")
    static let w = UInt8(ascii: "w"), x = UInt8(ascii: "x"), Y = UInt8(ascii: "Y")
}
