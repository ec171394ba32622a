import Foundation
import TeachBack

/// One topic: its numbers, the learning curve across sessions, averages per session, the SM-2
/// state, the concept map, and the gaps worth reviewing.
struct TopicSection {
    let topic: TopicSummary
    let today: Int
    let zone: UTCOffset
    /// Rows of the per-session table: the most recent sessions.
    static let sessionRows = 30

    static func anchor(_ name: String) -> String { "topic-" + Escape.anchor(name) }

    var html: String {
        let a = topic.analytics
        var out = "<article class=\"topic\" id=\"\(Self.anchor(topic.name))\"><h3>\(Escape.text(topic.name))</h3><dl class=\"tiles\">"
        let tiles = [("Sessions", "\(topic.sessions.count)"), ("Turns", "\(a.totalTurns)"), ("Avg clarity", Num.score(a.averageClarity)),
                     ("Avg confidence", Num.score(a.averageConfidence)), ("Clarity trend", a.clarityTrend.rawValue.replacingOccurrences(of: "_", with: " "))]
        for (name, value) in tiles { out += "<div><dt>\(name)</dt><dd>\(Escape.text(value))</dd></div>" }
        out += "</dl>" + sm2
        let chart = LineChart(title: "Clarity and confidence: \(topic.name)", series: [
            .init(name: "clarity", style: "s1", values: topic.analyses.map(\.clarityScore)),
            .init(name: "confidence", style: "s2", values: topic.analyses.map(\.confidenceScore)),
        ], boundaries: topic.boundaries)
        out += "<h4>Learning curve</h4><figure>\(chart.svg)</figure>\(chart.table.html)"
        out += perSession
        let map = topic.conceptMap
        out += "<h4>Concept map</h4><figure>\(map.svg)</figure>\(map.table.html)"
        out += "<h4>Gaps</h4>" + list("Persistent gaps (in two or more turns)", a.persistentGaps)
            + list("Review next", a.suggestedReviewTopics)
        return out + "</article>\n"
    }

    private var sm2: String {
        guard let item = topic.review else { return "<p class=\"note\">No SM-2 review yet: finishing a session schedules one.</p>" }
        return "<p>SM-2: next review \(Self.dueText(item, today: today, zone: zone)) · interval \(item.interval) d · "
            + "easiness \(Num.fmt(item.easiness, 2)) · \(item.repetitions) repetition\(item.repetitions == 1 ? "" : "s")</p>"
    }

    /// "2026-12-05 (in 2 days)", "… (due today)", "… (overdue by 3 days)".
    static func dueText(_ item: ReviewItem, today: Int, zone: UTCOffset) -> String {
        let day = Days.index(item.due, zone)
        let delta = day - today
        let when = delta == 0 ? "due today" : delta > 0 ? "in \(delta) day\(delta == 1 ? "" : "s")" : "overdue by \(-delta) day\(delta == -1 ? "" : "s")"
        return "\(Days.label(day)) (\(when))"
    }

    private var perSession: String {
        let recent = topic.sessions.filter { !$0.turns.isEmpty }.suffix(Self.sessionRows).reversed()
        let rows = recent.map { s -> [String] in
            let analytics = SessionAnalytics(analyses: s.turns.map(\.analysis))
            return [String(s.id.prefix(8)), Days.label(of: s.startedAt, zone), s.mode, "\(s.turns.count)",
                    Num.score(analytics.averageClarity), Num.score(analytics.averageConfidence), analytics.clarityTrend.rawValue]
        }
        let total = topic.sessions.filter { !$0.turns.isEmpty }.count
        let note = total > rows.count ? "The \(rows.count) most recent of \(total) sessions." : nil
        let table = DataTable(caption: "Average per session", columns: ["session", "started", "persona", "turns", "avg clarity", "avg confidence", "trend"],
                              rows: rows, note: note, open: true)
        return "<h4>Average per session</h4>" + table.html
    }

    private func list(_ heading: String, _ items: [String]) -> String {
        guard !items.isEmpty else { return "<p>\(heading): none.</p>" }
        return "<p>\(heading):</p><ul>" + items.map { "<li>\(Escape.text($0))</li>" }.joined() + "</ul>"
    }
}
