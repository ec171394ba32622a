// English syllable counting by spelling rules, for readability scores.
//
// Agreement with CMUdict (syllables = phones with a stress digit, first
// pronunciation) on the most frequent English words (wordfreq ranking,
// restricted to SCOWL ≤ 35 words that CMUdict knows):
//   ranks 1–5,000: 98.96% (99.28% counting any listed pronunciation);
//   ranks 5,001–10,000: 97.7%; ranks 10,001–20,000: 96.3%.
// The rules were written against ranks 1–5,000; the later ranks are a check.
//
// Known kinds of misses:
// - dropped schwas the spelling keeps: "ev(e)ning", "bus(i)ness", "choc(o)late",
//   "sev(e)ral", "int(e)rest" (CMUdict itself lists both forms for many);
// - compounds whose first part ends in a silent e that no rule knows
//   ("eye-brows", "take-over");
// - hiatus that spelling does not show: "ge-nius" vs "ge-ni-al", "sol-dier"
//   vs "ear-li-er", "a-li-en", "her-o-ic", "nu-cle-ar";
// - final e that is sounded: "recipe", "acne", "finale";
// - initialisms spelled letter by letter ("OK", "TV").
package enum Syllables {
    /// The number of syllables in `word`: at least 1 when it has a letter,
    /// 0 when it has none. Hyphenated parts are counted separately.
    package static func count(_ word: String) -> Int {
        var total = 0
        var sawLetter = false
        var part: [Unicode.Scalar] = []
        var apostrophe: Int?
        func finishPart() {
            total += count(part: part, apostrophe: apostrophe)
            part.removeAll(keepingCapacity: true)
            apostrophe = nil
        }
        for scalar in word.unicodeScalars {
            if let letter = folded(scalar) {
                part.append(letter)
                sawLetter = true
            } else if scalar == "'" || scalar == "\u{2019}" {
                apostrophe = part.count
            } else if scalar.properties.generalCategory != .nonspacingMark {
                sawLetter = sawLetter || scalar.properties.isAlphabetic
                finishPart()
            }
        }
        finishPart()
        return sawLetter ? max(total, 1) : 0
    }

    /// Lower-case ASCII for Latin letters. Accented vowels become upper-case
    /// vowels, which are always sounded on their own ("café", "naïve"), and
    /// other Latin letters ("ñ", "ß") a consonant. Nil for other scripts.
    private static func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x61...0x7A: return scalar
        case 0x41...0x5A: return Unicode.Scalar(UInt8(scalar.value) | 0x20)
        case 0xC0..<0x250 where scalar.properties.isAlphabetic:
            let lower = scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
            return accentedVowels[lower] ?? "x"
        default: return nil
        }
    }

    /// "didn't" and "isn't" have a syllable more than "didn" and "isn", and
    /// so do "James's" and "boss's"; "we're", "I'll" or "you'd" have none.
    private static func count(part: [Unicode.Scalar], apostrophe: Int?) -> Int {
        guard !part.isEmpty else { return 0 }
        guard let apostrophe, apostrophe > 0, apostrophe < part.count else { return Spelling(part).syllables }
        let stem = Spelling(Array(part[..<apostrophe]))
        switch String(String.UnicodeScalarView(part[apostrophe...])) {
        case "t": return stem.syllables + (stem.ends(with: "n") && stem.isConsonant(stem.count - 2) ? 1 : 0)
        case "s": return stem.syllables + (stem.endsSibilant(before: stem.count) ? 1 : 0)
        case "re", "ve", "ll", "d", "m": return stem.syllables
        default: return Spelling(part).syllables
        }
    }
}

/// One run of letters, with which of them sound as vowels.
private struct Spelling {
    let letters: [Unicode.Scalar]
    let vowel: [Bool]
    var count: Int { letters.count }

    init(_ letters: [Unicode.Scalar]) {
        self.letters = letters
        vowel = Self.vowelMap(letters)
    }

    /// `y` is a consonant at the start before a vowel ("yes") and between
    /// vowels ("player"); `u` after `q` is a consonant ("quite").
    private static func vowelMap(_ w: [Unicode.Scalar]) -> [Bool] {
        var vowel = [Bool](repeating: false, count: w.count)
        for i in w.indices {
            switch w[i] {
            case "y":
                let beforeVowel = i + 1 < w.count && isVowelLetter(w[i + 1])
                vowel[i] = !(beforeVowel && (i == 0 || vowel[i - 1]))
            case "u":
                vowel[i] = i == 0 || w[i - 1] != "q"
            default:
                vowel[i] = isVowelLetter(w[i])
            }
        }
        return vowel
    }

    private static func isVowelLetter(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "a", "e", "i", "o", "u", "A", "E", "I", "O", "U", "Y": true
        default: false
        }
    }

    // MARK: Queries

    func isConsonant(_ k: Int) -> Bool { k >= 0 && k < count && !vowel[k] }

    func hasVowel(before k: Int) -> Bool { vowel[..<max(k, 0)].contains(true) }

    /// Whether `text` (ASCII, as all the rules' spellings are) is at `k`.
    func has(_ text: String, at k: Int) -> Bool {
        guard k >= 0, k + text.utf8.count <= count else { return false }
        var j = k
        for byte in text.utf8 {
            guard letters[j].value == UInt32(byte) else { return false }
            j += 1
        }
        return true
    }

    func starts(with text: String) -> Bool { has(text, at: 0) }

    func ends(with text: String) -> Bool { ends(with: text, at: count) }

    /// Whether `text` ends just before position `end`.
    func ends(with text: String, at end: Int) -> Bool {
        end <= count && has(text, at: end - text.utf8.count)
    }

    /// Whether the letters from `k` on are exactly `text`.
    func isTail(_ text: String, at k: Int) -> Bool {
        k + text.utf8.count == count && has(text, at: k)
    }

    /// Whether letters before `end` sound like s, z, ch or sh ("box", "church",
    /// "place", "page"), after which a plural or possessive `s` is a syllable.
    func endsSibilant(before end: Int) -> Bool {
        ["s", "x", "z", "ch", "sh", "se", "ce", "ge", "ze"].contains { ends(with: $0, at: end) }
    }

    // MARK: Counting

    var syllables: Int {
        var groups = 0
        for i in letters.indices where vowel[i] && (i == 0 || !vowel[i - 1] || startsSyllable(at: i)) {
            groups += 1
        }
        return max(groups + endingAdjustment + compoundAdjustment, 1)
    }

    /// Whether the vowel at `i` starts a new syllable although the letter
    /// before it is a vowel too (hiatus: "ri-ot", "cre-ate", "be-ing").
    private func startsSyllable(at i: Int) -> Bool {
        let c = letters[i]
        let before = i >= 2 ? letters[i - 2] : " "
        func after(_ text: String) -> Bool { has(text, at: i + 1) }
        func follows(_ consonants: String) -> Bool { before.isOne(of: consonants) }
        /// The consonant before the pair comes after a vowel or is doubled: "mil-lion", "o-pin-ion".
        let softened = i >= 3 && (vowel[i - 3] || letters[i - 3] == before)
        if ("A"..."Z").contains(c) { return true } // accented
        if c == "i", after("ng") { return true } // "be-ing"
        if i == 2, starts(with: "re"), c == "u" || (c == "i" && ["nf", "nv", "ns", "nt"].contains(where: after)) {
            return true // "re-u-nite", "re-in-force"
        }
        switch (letters[i - 1], c) {
        case ("i", "a"):
            if follows("ct") { return after("t") } // "so-cial" but "as-so-ci-ate"
            if before == "l", softened { return !((after("n") && !after("nc")) || after("r")) } // "i-tal-ian"
            return !follows("s") && !after("ge") // "A-sian", "mar-riage"
        case ("i", "o"):
            if i + 1 == count { return true } // "ra-ti-o"
            if follows("ln"), softened { return false }
            return !follows("ctsgx") && !ends(with: "sh", at: i - 1) // "na-tion", "fash-ion"
        case ("i", "e"):
            if before == "c" { return after("t") || starts(with: "sci") } // "so-ci-e-ty", "sci-ence"
            if ["r", "rs", "st"].contains(where: { isTail($0, at: i + 1) }) {
                return hasVowel(before: i - 1) // "eas-i-er", "tier"
            }
            if isTail("th", at: i + 1) { return true } // "twen-ti-eth"
            return (after("t") || after("nt") || after("nc")) && !follows("tsg") // "qui-et", "cli-ent"
        case ("y", "o"):
            return isTail("ne", at: i + 1) // "any-one"
        case ("i", "u"), ("u", "o"), ("y", "i"), ("a", "o"):
            return true
        case ("e", "o"):
            if i == 2, starts(with: "geo") { return !after("r") } // "ge-ol-o-gy", "George"
            return !follows("pgch") // "vid-e-o", "peo-ple", "sur-geon"
        case ("e", "u"):
            return after("m") // "mu-se-um"
        case ("u", "a"):
            return !follows("gq") // "u-su-al", "guard"
        case ("u", "e"):
            return after("l") || after("n") || after("t") // "cru-el", "flu-ent"
        case ("u", "i"):
            return !follows("gq") && (after("d") || after("n")) // "flu-id", "ru-in"
        case ("o", "e"):
            return after("m") || after("t") || after("v") // "po-em", "who-ev-er"
        case ("o", "o"):
            return i == 2 && starts(with: "coo") && (after("rd") || after("perat")) // "co-op-er-ate"
        case ("e", "a"):
            if ends(with: "cr", at: i - 1), after("t") { return !after("tu") } // "cre-ate", "crea-ture"
            if i == 2, starts(with: "re") { return after("ct") || after("li") } // "re-act", "re-al-i-ty"
            let atEnd = ["", "s"].contains { isTail($0, at: i + 1) }
            return atEnd && follows("dlr") && hasVowel(before: i - 1) // "i-de-a", "sea"
        default:
            return false
        }
    }

    /// Silent final `e` ("make"), `-es` ("makes") and `-ed` ("walked"),
    /// except where they are sounded ("ta-ble", "pla-ces", "want-ed", "fi-re");
    /// and endings that add a sound the vowels do not show ("ism", "rhythm").
    private var endingAdjustment: Int {
        let n = count
        guard n >= 3 else { return 0 }
        var delta = 0
        if ends(with: "e"), loneE(n - 1), !liquidCluster(before: n - 1), !ends(with: "ire") {
            delta -= 1
        } else if ends(with: "es"), loneE(n - 2), !liquidCluster(before: n - 2), !ends(with: "ires"),
                  !endsSibilant(before: n - 2), !endsSibilant(before: n - 1) {
            delta -= 1
        } else if ends(with: "ed"), loneE(n - 2), !liquidCluster(before: n - 2),
                  !ends(with: "ted"), !ends(with: "ded"), !(ends(with: "ired") && isConsonant(n - 5)) {
            delta -= 1
        }
        if ends(with: "gue") || ends(with: "gues"), let g = letters.lastIndex(of: "g"),
           g > 0, vowel[g - 1] || letters[g - 1] == "n" {
            delta -= 1 // "league", "tongue"
        }
        if ends(with: "ically") { delta -= 1 } // "ba-sic-ly"
        if ["sm", "sms", "thm", "thms"].contains(where: ends(with:)) { delta += 1 } // "tour-is-m"
        if let stem = ["ling", "lings"].first(where: ends(with:)).map({ n - $0.utf8.count }),
           stem >= 2, letters[stem - 1].isOne(of: "bcgtz"), hasVowel(before: stem - 1),
           !ends(with: "s", at: stem - 1) {
            delta += 1 // "strug-gl-ing", "cy-cl-ing"
        }
        return delta
    }

    /// A silent `e` inside a word, before a suffix or a compound's second
    /// part ("safe-ly", "move-ment", "some-thing"); "every" in compounds; the
    /// two syllables of "our" and "hour".
    private var compoundAdjustment: Int {
        var delta = 0
        if let second = silentESuffixes.first(where: ends(with:)),
           silentE(at: count - second.utf8.count - 1) {
            delta -= 1
        }
        if starts(with: "every"), count > 5 { delta -= 1 }
        if let our = letters.firstIndex(of: "o"), has("our", at: our), !hasVowel(before: our),
           our == 0 || letters[our - 1].isOne(of: "hslc"),
           ["", "s", "selves"].contains(where: { isTail($0, at: our + 3) }) {
            delta += 1
        }
        return delta
    }

    /// The `e` at `k` is a vowel group of its own.
    private func loneE(_ k: Int) -> Bool { k > 0 && letters[k] == "e" && !vowel[k - 1] }

    /// Consonant + l or r before `k`, as in "ta-ble", "a-cre", "hun-dred".
    private func liquidCluster(before k: Int) -> Bool {
        k >= 2 && (letters[k - 1] == "l" || letters[k - 1] == "r")
            && !vowel[k - 2] && letters[k - 2] != letters[k - 1]
    }

    /// A silent `e` at `k` after a consonant that follows a vowel ("safe-ly"),
    /// though not in "el-e-ment", "en-ti-re-ly" or "nev-er-the-less".
    private func silentE(at k: Int) -> Bool {
        k >= 2 && loneE(k) && !liquidCluster(before: k) && hasVowel(before: k - 1)
            && !["ele", "ire", "the"].contains(where: { ends(with: $0, at: k + 1) })
    }
}

private extension Unicode.Scalar {
    func isOne(of letters: String) -> Bool { isASCII && letters.utf8.contains(UInt8(value)) }
}

/// Suffixes, and second parts of compounds, after which the first part's
/// final `e` stays silent ("safe-ly", "move-ments", "some-thing"); longest
/// first, so that "mile-stone" is not taken for "-one".
private let silentESuffixes = [
    "ments", "ment", "fully", "ful", "less", "ness", "ly", "ty",
    "where", "thing", "times", "time", "body", "how", "what", "ball", "style", "work",
    "spread", "hold", "lines", "line", "fore", "some", "one",
    "way", "wide", "land", "man", "men", "book", "house", "stone", "made",
].sorted { $0.count > $1.count }

/// Accented Latin vowels, lower-case, to the upper-case vowel standing for them.
private let accentedVowels: [Unicode.Scalar: Unicode.Scalar] = {
    var table: [Unicode.Scalar: Unicode.Scalar] = [:]
    let forms: KeyValuePairs<Unicode.Scalar, String> = [
        "A": "àáâãäåāăą", "E": "èéêëēĕėęě", "I": "ìíîïĩīĭį",
        "O": "òóôõöøōŏő", "U": "ùúûüũūŭůűų", "Y": "ýÿŷ",
    ]
    for (vowel, accented) in forms {
        for scalar in accented.unicodeScalars { table[scalar] = vowel }
    }
    return table
}()
