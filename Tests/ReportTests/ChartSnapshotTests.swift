import Foundation
@testable import Report
import TeachBack
import Testing

/// Each chart kind rendered from fixed data and compared with its committed SVG.
@Suite struct ChartSnapshotTests {
    @Test func lineChartWithSessionBoundaries() throws {
        let chart = LineChart(title: "Clarity and confidence: recursion", series: [
            .init(name: "clarity", style: "s1", values: [0.4, 0.55, 0.5, 0.7, 0.72, 0.8, 0.85]),
            .init(name: "confidence", style: "s2", values: [0.6, 0.5, 0.65, 0.6, 0.7, 0.75, 0.7]),
        ], boundaries: [3, 5])
        #expect(chart.notes.isEmpty)
        try Snapshot.check(chart.svg, named: "line-chart.svg")
    }

    @Test func longLineChartIsDownsampledAndSaysSo() throws {
        let values = (0..<1_000).map { 0.5 + 0.4 * sin(Double($0) / 40) }
        let chart = LineChart(title: "A thousand turns", series: [.init(name: "clarity", style: "s1", values: values)],
                              boundaries: Array(stride(from: 10, to: 1_000, by: 10)))
        #expect(chart.bucket == 5)
        #expect(chart.plotted(values).count == 200)
        #expect(chart.svg.contains("Downsampled: each point is the mean of 5 consecutive turns (1000 turns)."))
        #expect(chart.notes.contains("Session boundaries not drawn: 100 sessions."))
        #expect(!chart.svg.contains("class=\"boundary\""))
        try Snapshot.check(chart.svg, named: "line-chart-downsampled.svg")
    }

    @Test func calendarHeatMap() throws {
        let today = Days.index(Fixtures.now, .zone(.gmt))
        let turns = Dictionary(uniqueKeysWithValues: stride(from: 0, to: 300, by: 3).map { (today - $0, 1 + $0 % 7) })
        let calendar = CalendarHeatMap(turnsByDay: turns, lastDay: today)
        #expect(Days.weekday(calendar.firstDay) == 0)
        #expect(calendar.table.rows.count == 100)
        try Snapshot.check(calendar.svg, named: "calendar.svg")
    }

    @Test func gapHeatMap() throws {
        let map = GapHeatMap(title: "Gaps by turn: recursion", gapsPerTurn: [
            ["base case", "call stack"], ["Base case."], [], ["call stack", "infinite recursion"], ["base case"],
        ])
        #expect(map.rows.map(\.term) == ["base case", "call stack", "infinite recursion"])
        #expect(map.rows.map(\.count) == [3, 2, 1])
        try Snapshot.check(map.svg, named: "gap-heat-map.svg")
    }

    @Test func conceptMapOfATopicPack() throws {
        // Over three sessions: "base case" explained in all, "recursive call" in one, "call stack" in none.
        let never = ["call stack"], notCall = ["recursive call", "call stack"]
        let topic = TopicSummary(name: "recursion", sessions: [
            Fixtures.scripted("a", topic: "recursion", daysAgo: 3, gaps: [never, ["base case", "call stack"]]),
            Fixtures.scripted("b", topic: "recursion", daysAgo: 2, gaps: [notCall, notCall, notCall]),
            Fixtures.scripted("c", topic: "recursion", daysAgo: 1, gaps: [notCall]),
        ], review: nil, concepts: ["base case", "recursive call", "call stack"])
        let map = topic.conceptMap
        #expect(map.nodes == [.init(name: "base case", status: .covered, turns: 5), .init(name: "recursive call", status: .shaky, turns: 2),
                              .init(name: "call stack", status: .never, turns: 0)])
        #expect(map.edges == [.init(from: 0, to: 1, turns: 1)])
        try Snapshot.check(map.svg, named: "concept-map-pack.svg")
    }

    @Test func conceptMapOfRecurringTerms() throws {
        let topic = TopicSummary(name: "tides", sessions: [
            Fixtures.scripted("c", topic: "tides", daysAgo: 2, gaps: [["no concrete example", "no explanation of why"],
                                                                      ["No concrete example."], ["no explanation of why"], ["once only"]]),
        ], review: nil, concepts: nil)
        let map = topic.conceptMap
        #expect(map.nodes.map(\.name) == ["no concrete example", "no explanation of why", "stack frame"])
        #expect(map.nodes.map(\.status) == [.gap, .gap, .jargon])
        #expect(map.edges.first == .init(from: 0, to: 1, turns: 1))
        try Snapshot.check(map.svg, named: "concept-map-terms.svg")
    }
}
