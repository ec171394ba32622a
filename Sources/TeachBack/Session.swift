import Foundation

/// A teach-back session: one topic, the persona currently asking, and every turn so far.
package struct Session: Codable, Sendable, Equatable {
    package var id: String
    package var topic: String
    package var mode: String
    package var startedAt: Date
    package var turns: [Turn] { didSet { memory.follow(turns) } }
    /// Derived from `turns` and kept in step with them, so a turn costs the same at turn 400 as at turn 1.
    private var memory: SessionMemory
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
        memory = SessionMemory(turns)
    }

    /// Lower-case UUIDs: unique across machines, and any unique prefix names a session.
    package static func newID() -> String { UUID().uuidString.lowercased() }

    /// What scripts see of the session (`teachback.Session` in the Lua API).
    package var info: SessionInfo { SessionInfo(id: id, topic: topic, mode: mode, turns: turns.count) }

    /// One past the last turn's number (never reuses a number, even after an imported gap).
    package var nextTurnNumber: Int { (turns.last?.number ?? 0) + 1 }

    /// What the learner has covered so far: the concepts every turn covered, in the order they
    /// were first covered (DESIGN §4, "the student remembers the lesson").
    package var covered: [String] { memory.covered }

    /// §8 analytics as the learner's session sees them: a gap covered since is not persistent.
    package var analytics: SessionAnalytics { SessionAnalytics(analyses: turns.map(\.analysis), covered: covered) }

    /// Concepts covered only with low confidence (every turn that covered them scored below
    /// `shakyBelow`): a persona may follow up on them, though they are no gaps.
    package var shaky: [String] { memory.shaky(below: Self.shakyBelow) }
    package static let shakyBelow = 0.5

    /// The earlier turns as scripts and Claude see them. A question counts as answered when the
    /// next explanation covered a concept not covered before, or took up one of the question's
    /// content words (five letters or more: "Why does the *recursion* stop?").
    package var history: [PastTurn] { memory.history }

    /// The context heuristics receive for the next explanation.
    package func analysisContext(mode: String) -> AnalysisContext {
        AnalysisContext(topic: topic, mode: mode, number: nextTurnNumber, history: history, covered: covered)
    }

    /// The context a mode's `fallback`/`prompt` and `on_turn` hooks receive for a new explanation;
    /// `covered` is what this explanation added, so it counts as covered too.
    package func turnContext(explanation: String, analysis: Analysis, covered new: [String] = [],
                            question: String? = nil) -> TurnContext {
        TurnContext(topic: topic, mode: mode, number: nextTurnNumber, explanation: explanation,
                    analysis: analysis, history: history, asked: memory.asked,
                    covered: Terms.union([covered, new]), shaky: shaky, question: question,
                    lastClaudeAnalysis: turns.last?.claudeAnalysis)
    }

    enum CodingKeys: String, CodingKey {
        case id, topic, mode, turns
        case startedAt = "started_at", userID = "user_id"
    }

    /// Written out because `memory` is not decoded: it is rebuilt from the turns.
    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(String.self, forKey: .id), topic: try c.decode(String.self, forKey: .topic),
                  mode: try c.decode(String.self, forKey: .mode), startedAt: try c.decode(Date.self, forKey: .startedAt),
                  turns: try c.decode([Turn].self, forKey: .turns), userID: try c.decodeIfPresent(String.self, forKey: .userID))
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
