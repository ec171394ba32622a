import Foundation
import TeachBack

/// The whole page: header and contents, overview with the activity calendar, the review
/// schedule, a section per topic and the transcripts of the most recent sessions.
struct Page {
    let input: ReportInput
    let topics: [TopicSummary]
    let today: Int

    init(_ input: ReportInput) {
        self.input = input
        topics = TopicSummary.group(input)
        today = Days.index(input.now, input.timeZone)
    }

    var title: String {
        switch input.scope {
        case .everything: "teachback report"
        case .topic(let topic): "teachback report: \(topic)"
        case .session(let id): "teachback report: session \(id.prefix(8))"
        }
    }

    var html: String {
        var out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<meta name=\"color-scheme\" content=\"light dark\">"
            + "<title>\(Escape.text(title))</title><style>\(Stylesheet.css)</style></head><body>\n"
        out += "<header><h1>\(Escape.text(title))</h1><p class=\"muted\">Generated \(Days.label(today)) · "
            + "\(input.sessions.count) session\(input.sessions.count == 1 ? "" : "s") · no scripts, no network: this file is the whole report.</p></header>\n"
        out += contents
        out += "<main>\n" + overview + review
        let detailed = topics.prefix(input.detailedTopics)
        if !topics.isEmpty {
            out += "<section id=\"topics\"><h2>Topics</h2>\n"
            for topic in detailed { out += TopicSection(topic: topic, today: today, zone: input.timeZone).html }
            if topics.count > detailed.count { out += otherTopics(Array(topics.dropFirst(detailed.count))) }
            out += "</section>\n"
        }
        out += SessionsSection(sessions: input.sessions, limit: input.fullTranscripts, zone: input.timeZone).html
        return out + "</main></body></html>\n"
    }

    private var contents: String {
        guard !topics.isEmpty else { return "" }
        var out = "<nav aria-label=\"Contents\"><h2>Contents</h2><ul><li><a href=\"#overview\">Overview</a></li>"
        for topic in topics.prefix(input.detailedTopics) {
            out += "<li><a href=\"#\(TopicSection.anchor(topic.name))\">\(Escape.text(topic.name))</a></li>"
        }
        return out + "<li><a href=\"#sessions\">Sessions</a></li></ul></nav>\n"
    }

    private var overview: String {
        var turnsByDay: [Int: Int] = [:]
        var taught = 0.0
        for session in input.sessions {
            let offset = Double(input.timeZone.seconds(at: session.startedAt))
            var previous = session.startedAt.timeIntervalSince1970
            for turn in session.turns {
                let at = turn.createdAt.timeIntervalSince1970
                turnsByDay[Int(((at + offset) / 86_400).rounded(.down)), default: 0] += 1
                // Time between turns counts as teaching up to a quarter of an hour; longer is a break.
                taught += min(max(at - previous, 0), 900)
                previous = at
            }
        }
        let turns = input.sessions.reduce(0) { $0 + $1.turns.count }
        let streak = Days.streak(Set(turnsByDay.keys), today: today)
        let tiles = [("Sessions", "\(input.sessions.count)"), ("Turns", "\(turns)"), ("Time taught", Num.span(seconds: taught)),
                     ("Streak", "\(streak) day\(streak == 1 ? "" : "s")"), ("Topics", "\(topics.count)")]
        let calendar = CalendarHeatMap(turnsByDay: turnsByDay, lastDay: today)
        var out = "<section id=\"overview\"><h2>Overview</h2><dl class=\"tiles\">"
        for (name, value) in tiles { out += "<div><dt>\(name)</dt><dd>\(Escape.text(value))</dd></div>" }
        out += "</dl><p class=\"note\">Time taught adds the time between consecutive turns, counting at most 15 minutes for each.</p>"
        return out + "<figure>\(calendar.svg)</figure>\(calendar.table.html)</section>\n"
    }

    /// SM-2 items of the topics in the report, soonest due first.
    private var review: String {
        let keys = Set(topics.map { Terms.normalize($0.name) })
        let items = input.reviewItems.filter { input.scope == .everything || keys.contains(Terms.normalize($0.topic)) }
            .sorted { ($0.due, $0.topic) < ($1.due, $1.topic) }
        guard !items.isEmpty else { return "" }
        var out = "<section id=\"review\"><h2>Review schedule</h2><p class=\"note\">SM-2: a finished session counts as a review of "
            + "its topic; the interval grows with each good review.</p><table><thead><tr><th scope=\"col\">topic</th>"
            + "<th scope=\"col\">next review</th><th scope=\"col\">interval</th><th scope=\"col\">easiness</th>"
            + "<th scope=\"col\">repetitions</th><th scope=\"col\">last quality</th></tr></thead><tbody>"
        for item in items {
            out += "<tr><th scope=\"row\">\(Escape.text(item.topic))</th><td>\(TopicSection.dueText(item, today: today, zone: input.timeZone))</td>"
                + "<td>\(item.interval) d</td><td>\(Num.fmt(item.easiness, 2))</td><td>\(item.repetitions)</td>"
                + "<td>\(item.lastQuality.map(String.init) ?? "–")</td></tr>"
        }
        return out + "</tbody></table></section>\n"
    }

    private func otherTopics(_ rest: [TopicSummary]) -> String {
        let listed = rest.prefix(SessionsSection.maxListed)
        let rows = listed.map { t in
            [t.name, "\(t.sessions.count)", "\(t.turnCount)", Num.score(t.analytics.averageClarity), Num.score(t.analytics.averageConfidence)]
        }
        let more = rest.count > listed.count ? " The \(listed.count) most practised of them are listed." : ""
        return "<h3>Other topics</h3><p class=\"note\">The \(input.detailedTopics) most practised topics have sections above; "
            + "these \(rest.count) have not (<code>teachback report --topic T</code> shows any one).\(more)</p>"
            + DataTable(caption: "Other topics", columns: ["topic", "sessions", "turns", "avg clarity", "avg confidence"], rows: rows, open: true).html
    }
}
