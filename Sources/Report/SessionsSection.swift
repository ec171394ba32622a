import Foundation
import TeachBack

/// The transcripts: for each of the most recent sessions, its gaps × turns heat map and every
/// turn with its analysis, backends and timings beside it. Older sessions are listed only, so a
/// report over years of practice stays a few megabytes.
struct SessionsSection {
    let sessions: [Session]
    let limit: Int
    let zone: UTCOffset
    /// Longest explanation or question shown whole; the rest is cut, saying how much.
    static let maxText = 4_000
    /// Transcripts stop once this many turns are shown (the most recent session is always whole).
    static let turnBudget = 2_000
    /// Older sessions listed at most; a longer history is summed up in a sentence.
    static let maxListed = 500

    var html: String {
        let recent = sessions.sorted { ($1.startedAt, $1.id) < ($0.startedAt, $0.id) }
        guard !recent.isEmpty else {
            return "<section id=\"sessions\"><h2>Sessions</h2><p>No sessions yet. Start one with <code>teachback</code> and "
                + "<code>:teach TOPIC</code>; this report fills in as you teach.</p></section>\n"
        }
        var out = "<section id=\"sessions\"><h2>Sessions</h2>"
        let shown = Self.inFull(recent, limit: limit)
        if recent.count > shown.count {
            out += "<p class=\"note\">Transcripts of the \(shown.count) most recent of \(recent.count) sessions (at most \(limit) "
                + "sessions and about \(Self.turnBudget) turns); the others are listed at the end "
                + "(<code>teachback report --session ID</code> shows any one in full).</p>"
        }
        for session in shown { out += transcript(session) }
        if recent.count > shown.count { out += list(Array(recent.dropFirst(shown.count))) }
        return out + "</section>\n"
    }

    /// The most recent sessions that fit `limit` and the turn budget; at least one.
    static func inFull(_ recent: [Session], limit: Int) -> ArraySlice<Session> {
        var turns = 0
        var count = 0
        for session in recent.prefix(limit) {
            if count > 0, turns + session.turns.count > turnBudget { break }
            turns += session.turns.count
            count += 1
        }
        return recent.prefix(count)
    }

    private func transcript(_ s: Session) -> String {
        var out = "<article class=\"session\" id=\"session-\(Escape.anchor(s.id))\"><h3>\(Escape.text(s.topic)) · "
            + "\(Escape.text(s.mode)) · \(started(s))</h3><p class=\"muted\">Session \(Escape.text(s.id)) · \(s.turns.count) turns</p>"
        if !s.turns.isEmpty {
            let map = GapHeatMap(title: "Gaps by turn: \(s.topic), session \(s.id.prefix(8))", gapsPerTurn: s.turns.map(\.analysis.knowledgeGaps))
            out += "<h4>Gaps by turn</h4><figure>\(map.svg)</figure>\(map.table.html)<h4>Transcript</h4>"
        }
        for turn in s.turns { out += self.turn(turn) }
        return out + "</article>\n"
    }

    private func started(_ s: Session) -> String {
        let seconds = Int((s.startedAt.timeIntervalSince1970 + Double(zone.seconds(at: s.startedAt))).rounded(.down))
        let minute = ((seconds % 86_400) + 86_400) % 86_400 / 60
        return Days.label(of: s.startedAt, zone) + " " + (minute / 60 < 10 ? "0" : "") + "\(minute / 60):"
            + (minute % 60 < 10 ? "0" : "") + "\(minute % 60)"
    }

    private func turn(_ t: Turn) -> String {
        let a = t.analysis
        var facts: [(String, String)] = [("clarity", Num.score(a.clarityScore)), ("confidence", Num.score(a.confidenceScore))]
        if !a.knowledgeGaps.isEmpty { facts.append(("gaps", a.knowledgeGaps.joined(separator: ", "))) }
        if !a.unexplainedJargon.isEmpty { facts.append(("jargon", a.unexplainedJargon.joined(separator: ", "))) }
        if !a.strengths.isEmpty { facts.append(("strengths", a.strengths.joined(separator: ", "))) }
        facts.append(("backend", "analysis \(t.backend.analysis.rawValue), question \(t.backend.question.rawValue) (\(a.source.rawValue))"))
        var timing = "total " + Num.duration(ms: t.timings.total)
        if let ms = t.timings.analysis { timing += ", analysis " + Num.duration(ms: ms) }
        if let ms = t.timings.firstToken { timing += ", first token " + Num.duration(ms: ms) }
        facts.append(("timings", timing))
        if t.usage != .zero { facts.append(("tokens", "\(t.usage.inputTokens) in, \(t.usage.outputTokens) out")) }
        if let reason = t.fallbackReason { facts.append(("fallback", reason)) }
        var out = "<div class=\"turn\"><div><p><span class=\"who\">Turn \(t.number) · you:</span> \(Escape.text(Self.cut(t.explanation)))</p>"
            + "<p><span class=\"who\">student (\(Escape.text(t.mode))):</span> \(Escape.text(Self.cut(t.question)))"
            + (t.interrupted ? " <em>[interrupted]</em>" : "") + "</p></div><aside aria-label=\"Analysis of turn \(t.number)\"><dl>"
        for (name, value) in facts { out += "<dt>\(name)</dt><dd>\(Escape.text(value))</dd>" }
        return out + "</dl></aside></div>\n"
    }

    static func cut(_ text: String) -> String {
        guard text.count > maxText else { return text }
        return String(text.prefix(maxText)) + " … [\(text.count - maxText) more characters]"
    }

    private func list(_ older: [Session]) -> String {
        let rows = older.prefix(Self.maxListed).map { [String($0.id.prefix(8)), started($0), $0.topic, $0.mode, "\($0.turns.count)"] }
        let note = older.count > rows.count ? "The \(rows.count) most recent of \(older.count) older sessions." : nil
        return "<h3>Older sessions</h3>" + DataTable(caption: "Older sessions", columns: ["session", "started", "topic", "persona", "turns"],
                                                     rows: rows, note: note).html
    }
}
