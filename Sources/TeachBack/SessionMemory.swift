/// What a session remembers of its turns, kept up to date one turn at a time: the history scripts
/// and Claude see, the questions asked, the concepts covered and how confidently. It is derived
/// from `Session.turns` alone; deriving it afresh at every turn made each turn cost more than the
/// last (turn 400 of a session took 25 ms offline, most of it here).
struct SessionMemory: Sendable, Equatable {
    private(set) var history: [PastTurn] = []
    private(set) var asked: [String] = []
    /// Concepts covered, in the order they were first covered (`Terms.union` of the turns' lists).
    private(set) var covered: [String] = []
    /// Every covered concept's key, and the best confidence of a turn that covered it.
    private var best: [[UInt8]: Double] = [:]
    /// The last turn taken in: an appended turn follows it, anything else is a new list.
    private var last: Turn?

    init(_ turns: [Turn] = []) {
        for turn in turns { take(turn) }
    }

    /// Catches up with `turns` after a change: one appended turn is taken in, any other change
    /// (a replaced list, an edited turn) starts over.
    mutating func follow(_ turns: [Turn]) {
        let count = history.count
        if turns.count == count + 1, count == 0 || turns[count - 1] == last {
            take(turns[count])
        } else {
            self = SessionMemory(turns)
        }
    }

    /// Concepts covered only with low confidence (every turn that covered them scored below `below`).
    func shaky(below: Double) -> [String] {
        covered.filter { (best[Terms.key($0)] ?? 1) < below }
    }

    /// A question counts as answered when the next explanation covered a concept not covered
    /// before, or took up one of the question's content words.
    private mutating func take(_ turn: Turn) {
        let keys = (turn.covered ?? []).map(Terms.key)
        if let previous = last {
            let added = keys.contains { best[$0] == nil }
            history[history.count - 1].answered = added
                || !Self.contentWords(previous.question).isDisjoint(with: Self.contentWords(turn.explanation))
        }
        history.append(PastTurn(explanation: turn.explanation, question: turn.question, analysis: turn.analysis))
        asked.append(turn.question)
        for (concept, key) in zip(turn.covered ?? [], keys) {
            if best[key] == nil, !key.isEmpty { covered.append(concept.trimmingWhitespace()) }
            best[key] = max(best[key] ?? 0, turn.analysis.confidenceScore)
        }
        last = turn
    }

    /// Lower-cased words of five letters or more ("Why does the *recursion* stop?"), on UTF-8
    /// bytes: ASCII letters folded, any non-ASCII character taken as a letter.
    static func contentWords(_ text: String) -> Set<[UInt8]> {
        var words = Set<[UInt8]>()
        var word: [UInt8] = []
        var characters = 0
        func end() {
            if characters >= 5 { words.insert(word) }
            word.removeAll(keepingCapacity: true)
            characters = 0
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte | 0x20); characters += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z"): word.append(byte); characters += 1
            case 0x80...:
                word.append(byte)
                if byte & 0xC0 != 0x80 { characters += 1 }
            default: end()
            }
        }
        end()
        return words
    }
}
