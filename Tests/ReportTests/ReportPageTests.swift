import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Report
import TeachBack
import Testing

/// Whole reports for the cases issue 14 names, checked for what a reader must find in them.
@Suite struct ReportPageTests {
    /// Every `<svg>…</svg>` in the page.
    static func svgs(_ html: String) -> [Substring] {
        var out: [Substring] = []
        var rest = html[...]
        while let start = rest.range(of: "<svg "), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
            out.append(rest[start.lowerBound..<end.upperBound])
            rest = rest[end.upperBound...]
        }
        return out
    }

    /// Every start tag and the stylesheet, as written.
    static func tags(_ html: String) -> [Substring] {
        var out: [Substring] = []
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            let end = rest[open...].firstIndex(of: ">") ?? rest.endIndex
            out.append(rest[open..<end])
            rest = end < rest.endIndex ? rest[rest.index(after: end)...] : ""
        }
        return out
    }

    /// Checks what every report must hold: one document, each SVG well-formed XML with a title
    /// and a description and followed by its data table, nothing fetched from anywhere.
    static func checkStructure(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(html.hasPrefix("<!DOCTYPE html>"), sourceLocation: sourceLocation)
        #expect(html.components(separatedBy: "</html>").count == 2, sourceLocation: sourceLocation)
        #expect(!html.lowercased().contains("<script"), sourceLocation: sourceLocation)
        // No element loads anything: no src, no link out, no CSS fetch (text may mention anything, escaped).
        for tag in tags(html.replacingOccurrences(of: " xmlns=\"http://www.w3.org/2000/svg\"", with: "")) {
            for external in ["http:", "https:", " src=", "url(", "@import", "<link", "<img", "<iframe", "<object"] {
                #expect(!tag.contains(external), "found \(external) in \(tag.prefix(80))", sourceLocation: sourceLocation)
            }
        }
        let charts = svgs(html)
        #expect(charts.count == html.components(separatedBy: "<svg ").count - 1, sourceLocation: sourceLocation)
        for svg in charts {
            #expect(svg.contains("<title id="), sourceLocation: sourceLocation)
            #expect(svg.contains("<desc id="), sourceLocation: sourceLocation)
            let parser = XMLParser(data: Data(svg.utf8))
            #expect(parser.parse(), "SVG not well-formed: \(parser.parserError.map { "\($0)" } ?? "")", sourceLocation: sourceLocation)
        }
        // Ids are unique (charts are labelled by them), and each chart's figure is followed by its numbers.
        let ids = html.components(separatedBy: " id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(Set(ids).count == ids.count, "duplicate ids", sourceLocation: sourceLocation)
        #expect(html.components(separatedBy: "</svg></figure><details class=\"data\"").count - 1 == charts.count, sourceLocation: sourceLocation)
    }

    @Test func noSessions() {
        let html = HTMLReport.render(Fixtures.input([]))
        Self.checkStructure(html)
        #expect(html.contains("No sessions yet."))
        #expect(html.contains("<dt>Turns</dt><dd>0</dd>"))
        #expect(Self.svgs(html).count == 1)  // the calendar, empty
        #expect(html.contains("No turns in the year shown."))
    }

    @Test func oneTurn() {
        let session = Fixtures.scripted("5e55", topic: "recursion", daysAgo: 0, gaps: [["call stack"]])
        let html = HTMLReport.render(Fixtures.input([session], scope: .session("5e55")))
        Self.checkStructure(html)
        #expect(html.contains("<title>teachback report: session 5e55</title>"))
        #expect(html.contains("<dt>Streak</dt><dd>1 day</dd>"))
        #expect(html.contains("Turn 1 · you:</span> Explanation 1 of recursion."))
        #expect(html.contains("<dt>timings</dt><dd>total 41 ms</dd>"))
        #expect(html.contains("<dt>backend</dt><dd>analysis local, question fallback (local)</dd>"))
        // Line chart, concept map, gap map, calendar.
        #expect(Self.svgs(html).count == 4)
        #expect(html.contains("1 nodes") == false)
        #expect(html.contains("4 covered, 1 never covered"))
    }

    @Test func twoHundredTurnSession() {
        let session = Fixtures.session("long", topic: "recursion", daysAgo: 1, turns: 200)
        let html = HTMLReport.render(Fixtures.input([session]))
        Self.checkStructure(html)
        #expect(html.contains("Turn 200 · you:"))
        #expect(html.contains("<dt>Turns</dt><dd>200</dd>"))
        // 200 points fit the line chart; the gap map merges pairs of turns and says so.
        #expect(!html.contains("Downsampled"))
        #expect(html.contains("Each column merges 2 consecutive turns (200 turns)."))
        #expect(html.contains("<dt>Clarity trend</dt><dd>improving</dd>"))
    }

    @Test func twoAlikeSessionsKeepDistinctChartIds() {
        let html = HTMLReport.render(Fixtures.input([
            Fixtures.scripted("first", topic: "recursion", daysAgo: 2, gaps: [["call stack"]]),
            Fixtures.scripted("second", topic: "recursion", daysAgo: 1, gaps: [["call stack"]]),
        ]))
        Self.checkStructure(html)
        #expect(html.contains("Gaps by turn: recursion, session first"))
    }

    @Test func fiftyTopics() {
        let sessions = (0..<50).map { i in
            Fixtures.session(String(format: "%04d", i), topic: "topic \(i)", daysAgo: i % 20, turns: 1 + i % 7, seed: UInt64(i))
        }
        let html = HTMLReport.render(Fixtures.input(sessions))
        Self.checkStructure(html)
        #expect(html.components(separatedBy: "<article class=\"topic\"").count - 1 == 50)
        #expect(html.components(separatedBy: "<li><a href=\"#topic-").count - 1 == 50)
        // The most practised topic first: 7 turns come from i % 7 == 6 (topics 6, 13, 20, …), ties by name.
        let first = html.range(of: "<article class=\"topic\"").map { html[$0.upperBound...].prefix(120) } ?? ""
        #expect(first.contains("<h3>topic 13</h3>"))
        // 20 transcripts in full, the other 30 sessions listed.
        #expect(html.contains("Transcripts of the 20 most recent of 50 sessions"))
        #expect(html.components(separatedBy: "<article class=\"session\"").count - 1 == 20)
    }

    @Test func hostileNamesAreEscaped() {
        let names = ["<script>alert(1)</script>", "\"quotes\" & 'apostrophes' <b>", "рекурсия · 递归 · التكرار", "]]></svg><img src=x onerror=alert(1)>"]
        var sessions = names.enumerated().map { i, name in Fixtures.session("id\(i)", topic: name, daysAgo: i, turns: 3, concepts: [name]) }
        sessions[0].mode = "<mode onload=x>"
        sessions[0].turns[0].explanation = "</p><script>steal()</script>\u{0}\u{1b}[31m"
        let reviews = names.map { ReviewItem(topic: $0, due: Fixtures.now) }
        let html = HTMLReport.render(Fixtures.input(sessions, reviews: reviews, concepts: [names[1]: [names[0], names[3]]]))
        Self.checkStructure(html)
        for bad in ["<script>", "<b>", "<img", "onerror=alert(1)>", "<mode", "\u{0}", "\u{1b}"] {
            #expect(!html.contains(bad), "unescaped \(bad)")
        }
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&quot;quotes&quot; &amp; &#39;apostrophes&#39; &lt;b&gt;"))
        #expect(html.contains("<h3>рекурсия · 递归 · التكرار</h3>"))
        // Anchors are made of [a-z0-9-] only, whatever the name.
        for id in html.components(separatedBy: "id=\"topic-").dropFirst() {
            #expect(id.prefix { $0 != "\"" }.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") })
        }
    }

    @Test func sameInputSameBytesWhateverTheOrder() {
        var sessions = (0..<30).map { i in Fixtures.session("s\(i)", topic: ["recursion", "tides", "Recursion"][i % 3], daysAgo: i, turns: 4, seed: UInt64(i)) }
        let reviews = [ReviewItem(topic: "recursion", due: Fixtures.now), ReviewItem(topic: "tides", due: Fixtures.now.addingTimeInterval(86_400 * 3))]
        let first = HTMLReport.render(Fixtures.input(sessions, reviews: reviews))
        #expect(HTMLReport.render(Fixtures.input(sessions, reviews: reviews)) == first)
        sessions.reverse()
        #expect(HTMLReport.render(Fixtures.input(sessions, reviews: reviews.reversed())) == first)
        // "Recursion" and "recursion" are one topic, shown as first spelled.
        #expect(first.components(separatedBy: "<article class=\"topic\"").count - 1 == 2)
        #expect(first.contains("tides</th><td>2026-12-06 (in 3 days)</td>"))
    }

    @Test func longHistoriesAreCutAndSaySo() {
        // 700 topics of one 30-turn session each: 60 topic sections, 640 topics and 630 older
        // sessions listed up to 500 rows, transcripts within the turn budget.
        let sessions = (0..<700).map { i in Fixtures.session("s\(i)", topic: "topic \(i)", daysAgo: i, turns: 30, seed: UInt64(i)) }
        let html = HTMLReport.render(Fixtures.input(sessions))
        Self.checkStructure(html)
        #expect(html.components(separatedBy: "<article class=\"topic\"").count - 1 == 60)
        #expect(html.contains("these 640 have not (<code>teachback report --topic T</code> shows any one). The 500 most practised of them are listed."))
        let transcripts = html.components(separatedBy: "<article class=\"session\"").count - 1
        #expect(transcripts * 30 <= SessionsSection.turnBudget && transcripts > 1)
        #expect(html.contains("Transcripts of the \(transcripts) most recent of 700 sessions"))
        #expect(html.contains("The 500 most recent of \(700 - transcripts) older sessions."))
    }

    @Test func tenThousandSessionsStayUnderFiveMegabytes() {
        let topics = (0..<40).map { "topic \($0)" }
        let sessions = (0..<10_000).map { i in
            Fixtures.session("s\(i)", topic: topics[i % topics.count], daysAgo: i % 400, turns: 10, seed: UInt64(i))
        }
        let clock = ContinuousClock()
        var html = ""
        let elapsed = clock.measure { html = HTMLReport.render(Fixtures.input(sessions)) }
        Self.checkStructure(html)
        #expect(html.utf8.count <= 5_000_000)
        #expect(elapsed < .seconds(10), "a sanity bound only; make bench measures the release build")
        #expect(html.contains("Downsampled: each point is the mean of 13 consecutive turns (2500 turns)."))
        #expect(html.contains("Session boundaries not drawn: 250 sessions."))
    }
}
