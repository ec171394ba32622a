import Foundation

/// A teach-back session: one topic, the persona currently asking, and every turn so far.
package struct Session: Codable, Sendable, Equatable {
    package var id: String
    package var topic: String
    package var mode: String
    package var startedAt: Date
    package var turns: [Turn]
    /// Who the session belongs to, when a client says (MCP's `user_id`); nil in the REPL.
    package var userID: String?

    package init(id: String = Session.newID(), topic: String, mode: String, startedAt: Date = Date(), turns: [Turn] = [],
                userID: String? = nil) {
        self.id = id
        self.topic = topic
        self.mode = mode
        self.startedAt = startedAt
        self.turns = turns
        self.userID = userID
    }

    /// Lower-case UUIDs: unique across machines, and any unique prefix names a session.
    package static func newID() -> String { UUID().uuidString.lowercased() }

    /// What scripts see of the session (`teachback.Session` in the Lua API).
    package var info: SessionInfo { SessionInfo(id: id, topic: topic, mode: mode, turns: turns.count) }

    /// One past the last turn's number (never reuses a number, even after an imported gap).
    package var nextTurnNumber: Int { (turns.last?.number ?? 0) + 1 }

    /// What the learner has covered so far: the concepts every turn covered, in the order they
    /// were first covered (DESIGN §4, "the student remembers the lesson").
    package var covered: [String] { Terms.union(turns.map { $0.covered ?? [] }) }

    /// §8 analytics as the learner's session sees them: a gap covered since is not persistent.
    package var analytics: SessionAnalytics { SessionAnalytics(analyses: turns.map(\.analysis), covered: covered) }

    /// Concepts covered only with low confidence (every turn that covered them scored below
    /// `shakyBelow`): a persona may follow up on them, though they are no gaps.
    package var shaky: [String] {
        var best: [String: Double] = [:]
        for turn in turns {
            for concept in turn.covered ?? [] {
                best[Terms.normalize(concept)] = max(best[Terms.normalize(concept)] ?? 0, turn.analysis.confidenceScore)
            }
        }
        return covered.filter { (best[Terms.normalize($0)] ?? 1) < Self.shakyBelow }
    }
    package static let shakyBelow = 0.5

    /// The earlier turns as scripts and Claude see them. A question counts as answered when the
    /// next explanation covered a concept not covered before, or took up one of the question's
    /// content words (five letters or more: "Why does the *recursion* stop?").
    package var history: [PastTurn] {
        var before = Set<String>()
        return turns.indices.map { i in
            let turn = turns[i]
            before.formUnion((turn.covered ?? []).map(Terms.normalize))
            var answered = false
            if i + 1 < turns.count {
                let next = turns[i + 1]
                let added = (next.covered ?? []).map(Terms.normalize).contains { !before.contains($0) }
                answered = added || !Self.contentWords(turn.question).isDisjoint(with: Self.contentWords(next.explanation))
            }
            return PastTurn(explanation: turn.explanation, question: turn.question, analysis: turn.analysis, answered: answered)
        }
    }

    /// Lower-cased words of five letters or more: what a reply must share with a question.
    /// Worked on UTF-8 bytes (ASCII letters folded, any non-ASCII character taken as a letter):
    /// `history` runs this over the whole session at every turn, and Unicode letter lookups made
    /// a 200-turn session's turns several times slower.
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

    /// The context heuristics receive for the next explanation.
    package func analysisContext(mode: String) -> AnalysisContext {
        AnalysisContext(topic: topic, mode: mode, number: nextTurnNumber, history: history, covered: covered)
    }

    /// The context a mode's `fallback`/`prompt` and `on_turn` hooks receive for a new explanation;
    /// `covered` is what this explanation added, so it counts as covered too.
    package func turnContext(explanation: String, analysis: Analysis, covered new: [String] = [],
                            question: String? = nil) -> TurnContext {
        TurnContext(topic: topic, mode: mode, number: nextTurnNumber, explanation: explanation,
                    analysis: analysis, history: history, asked: turns.map(\.question),
                    covered: Terms.union([covered, new]), shaky: shaky, question: question,
                    lastClaudeAnalysis: turns.last?.claudeAnalysis)
    }

    enum CodingKeys: String, CodingKey {
        case id, topic, mode, turns
        case startedAt = "started_at", userID = "user_id"
    }
}

package struct SessionInfo: Sendable, Equatable {
    package var id: String
    package var topic: String
    package var mode: String
    package var turns: Int
    package init(id: String, topic: String, mode: String, turns: Int) {
        self.id = id
        self.topic = topic
        self.mode = mode
        self.turns = turns
    }
}

/// An earlier turn as scripts see it.
package struct PastTurn: Sendable, Equatable {
    package var explanation: String
    package var question: String
    package var analysis: Analysis
    /// Whether the teacher's next explanation answered this turn's question (`Session.history`).
    package var answered: Bool
    package init(explanation: String, question: String, analysis: Analysis, answered: Bool = false) {
        self.explanation = explanation
        self.question = question
        self.analysis = analysis
        self.answered = answered
    }
}

/// What a heuristic's `analyze(text, ctx)` receives besides the text.
package struct AnalysisContext: Sendable, Equatable {
    package var topic: String
    package var mode: String
    package var number: Int
    package var history: [PastTurn]
    /// Concepts covered in earlier turns of the session.
    package var covered: [String]
    package init(topic: String, mode: String, number: Int, history: [PastTurn], covered: [String] = []) {
        self.topic = topic
        self.mode = mode
        self.number = number
        self.history = history
        self.covered = covered
    }
}

/// What a mode's `prompt`/`fallback` and an `on_turn` hook receive.
package struct TurnContext: Sendable, Equatable {
    package var topic: String
    package var mode: String
    package var number: Int
    package var explanation: String
    package var analysis: Analysis
    package var history: [PastTurn]
    package var asked: [String]
    /// Concepts covered in the session, this explanation included: never a question's subject.
    package var covered: [String]
    /// Concepts covered earlier only with low confidence: worth a follow-up, never a gap.
    package var shaky: [String]
    /// Claude's analysis of the previous turn, if it made one: with the local analysis of this
    /// turn, what a parallel question prompt knows (DESIGN §2).
    package var lastClaudeAnalysis: Analysis?
    package var question: String?

    package init(topic: String, mode: String, number: Int, explanation: String, analysis: Analysis,
                history: [PastTurn], asked: [String], covered: [String] = [], shaky: [String] = [], question: String?,
                lastClaudeAnalysis: Analysis? = nil) {
        self.topic = topic
        self.mode = mode
        self.number = number
        self.explanation = explanation
        self.analysis = analysis
        self.history = history
        self.asked = asked
        self.covered = covered
        self.shaky = shaky
        self.lastClaudeAnalysis = lastClaudeAnalysis
        self.question = question
    }
}
