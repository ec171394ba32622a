extension TurnEngine {
    /// The question asked when a mode's own fallback fails: built from the turn's analysis (a
    /// flagged word, then a gap, then the topic) and never one already asked, so a broken persona
    /// does not repeat itself word for word.
    package static func defaultQuestion(for turn: TurnContext) -> String {
        let topic = turn.topic
        let candidates = turn.analysis.unexplainedJargon.map { "What does '\($0)' mean, in plain words?" }
            + turn.analysis.knowledgeGaps.map { "How does \($0) fit into \(topic)?" }
            + ["Could you explain that another way? What is the single most important idea about \(topic)?",
               "Could you walk me through one concrete example of \(topic)?",
               "What would go wrong in \(topic) if one step were left out?"]
        let asked = Set(turn.asked)
        return candidates.first { !asked.contains($0) } ?? "\(candidates[0]) (Asked again: \(turn.number).)"
    }
}
