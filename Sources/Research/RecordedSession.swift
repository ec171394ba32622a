import TeachBack

/// The explanations of a recorded session and what was recorded about each, for rescoring:
/// from our export (`turns`) or from the original service's dict (the user messages of
/// `conversation_history`, paired with `analyses`). Each turn keeps what its `ctx` held when it
/// was taken: its own persona, number, and the earlier turns as they were recorded.
package struct RecordedSession: Sendable {
    package struct Turn: Sendable {
        package var number: Int
        package var mode: String
        package var explanation: String
        package var question: String
        /// The recorded analysis rescoring is compared with (Claude's, or the local one with `--against local`).
        package var recorded: Analysis?
        /// The analysis later turns saw in their history (the merged one), if recorded.
        package var seen: Analysis?
    }

    package var id: String
    package var line: Int
    /// `file:line`, for messages.
    package var location: String
    package var topic: String
    package var turns: [Turn]

    static let defaultMode = "socratic"

    /// Which recorded analysis rescoring is compared with: Claude's (`claude_analysis`, the
    /// original's `analyses`) or the local one recorded at the time (`local_analysis`, ours only).
    package enum Against: String, Sendable, CaseIterable {
        case claude, local
    }

    package init(_ record: InputRecord, against: Against = .claude) throws(RecordFailure) {
        let members = try record.members(["id", "session_id", "topic", "mode", "turns", "conversation_history", "analyses"])
        id = try record.identity(members)
        line = record.line
        location = record.location
        topic = members["topic"]?.string ?? ""
        let mode = members["mode"]?.string ?? Self.defaultMode
        if let turns = members["turns"] {
            self.turns = try Self.ourTurns(turns, mode: mode, against: against)
        } else {
            turns = try Self.originalTurns(history: members["conversation_history"], analyses: members["analyses"], mode: mode)
            if against == .local { turns.indices.forEach { turns[$0].recorded = nil } }
        }
    }

    /// Our export: each turn with its number, persona, question and analyses.
    private static func ourTurns(_ value: JSONScanner.Value, mode: String, against: Against) throws(RecordFailure) -> [Turn] {
        guard case .array(let items) = value else { throw RecordFailure("'turns' is not a list") }
        var turns: [Turn] = []
        for (i, item) in items.enumerated() {
            let what = "turns item \(i + 1)"
            guard case .object(let turn) = item else { throw RecordFailure("\(what) is not an object") }
            guard let explanation = turn["explanation"]?.string else { throw RecordFailure("\(what): 'explanation' is missing") }
            let number = turn["number"]?.number.flatMap { Int(exactly: $0) } ?? i + 1
            let claude = try turn["claude_analysis"].flatMap(\.presentValue)?.checkedAnalysis("\(what) claude_analysis")
            let local = try turn["local_analysis"].flatMap(\.presentValue)?.checkedAnalysis("\(what) local_analysis", source: .local)
            let recorded = against == .claude ? claude : local
            let seen = try turn["analysis"].flatMap(\.presentValue)?.checkedAnalysis("\(what) analysis", source: .merged) ?? claude
            turns.append(Turn(number: number, mode: turn["mode"]?.string ?? mode, explanation: explanation,
                              question: turn["question"]?.string ?? "", recorded: recorded, seen: seen))
        }
        return turns
    }

    /// The original's dict: user messages are explanations, the next assistant message their question.
    private static func originalTurns(history: JSONScanner.Value?, analyses: JSONScanner.Value?, mode: String) throws(RecordFailure) -> [Turn] {
        var explanations: [(text: String, question: String)] = []
        switch history {
        case nil, .null?: break
        case .array(let messages)?:
            for (i, message) in messages.enumerated() {
                guard case .object(let m) = message, let role = m["role"]?.string, let content = m["content"]?.string else {
                    throw RecordFailure("conversation_history item \(i + 1) is not a {role, content} message")
                }
                if role == "user" {
                    explanations.append((content, ""))
                } else if !explanations.isEmpty, explanations[explanations.count - 1].question.isEmpty {
                    explanations[explanations.count - 1].question = content
                }
            }
        default: throw RecordFailure("'conversation_history' is not a list")
        }
        var recorded: [Analysis] = []
        switch analyses {
        case nil, .null?: break
        case .array(let items)?:
            for (i, item) in items.enumerated() { recorded.append(try item.checkedAnalysis("analyses item \(i + 1)")) }
        default: throw RecordFailure("'analyses' is not a list")
        }
        return explanations.enumerated().map { i, turn in
            let analysis = i < recorded.count ? recorded[i] : nil
            return Turn(number: i + 1, mode: mode, explanation: turn.text, question: turn.question, recorded: analysis, seen: analysis)
        }
    }
}
