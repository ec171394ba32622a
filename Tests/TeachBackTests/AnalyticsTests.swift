import Foundation
import Testing
@testable import TeachBack

@Suite struct AnalyticsTests {
    func analysis(_ clarity: Double, _ confidence: Double = 0.5, gaps: [String] = [], jargon: [String] = []) -> Analysis {
        Analysis(confidenceScore: confidence, clarityScore: clarity, knowledgeGaps: gaps, unexplainedJargon: jargon)
    }

    @Test func noTurnsIsNoData() {
        let a = SessionAnalytics(analyses: [])
        #expect(a.clarityTrend == .noData)
        #expect(a.totalTurns == 0)
        #expect(a.averageClarity == 0)
        #expect(a.persistentGaps.isEmpty)
    }

    @Test func fewerThanThreeTurnsAreStableWhateverTheChange() {
        #expect(SessionAnalytics(analyses: [analysis(0.1), analysis(0.9)]).clarityTrend == .stable)
    }

    @Test func trendComparesTheFirstAndLastThirds() {
        // n = 7: thirds of 2; first mean 0.2, last mean 0.45 → improving.
        let up = [0.2, 0.2, 0.9, 0.0, 0.1, 0.4, 0.5].map { analysis($0) }
        #expect(SessionAnalytics(analyses: up).clarityTrend == .improving)
        let down = [0.8, 0.7, 0.6, 0.5].map { analysis($0) }   // thirds of 1: 0.8 → 0.5
        #expect(SessionAnalytics(analyses: down).clarityTrend == .declining)
        let flat = [0.5, 0.9, 0.55].map { analysis($0) }        // 0.5 → 0.55: within 0.1
        #expect(SessionAnalytics(analyses: flat).clarityTrend == .stable)
    }

    @Test func averagesAreRoundedToTwoPlacesAndCurvesKeptInOrder() {
        let a = SessionAnalytics(analyses: [analysis(0.333, 0.1), analysis(0.5, 0.2), analysis(0.7, 0.25)])
        #expect(a.learningCurve == [0.333, 0.5, 0.7])
        #expect(a.confidenceOverTime == [0.1, 0.2, 0.25])
        #expect(a.averageClarity == 0.51)
        #expect(a.averageConfidence == 0.18)
    }

    /// The original service's fixture: two analyses sharing the gap "Base case explanation".
    @Test func theOriginalsFixtureGivesItsPersistentGap() {
        let a = SessionAnalytics(analyses: [
            analysis(0.6, gaps: ["Base case explanation", "Call stack"], jargon: ["recursion"]),
            analysis(0.7, gaps: ["base case explanation."], jargon: ["stack overflow"]),
        ])
        #expect(a.persistentGaps == ["Base case explanation"])
        #expect(a.suggestedReviewTopics == ["Base case explanation", "recursion", "stack overflow"])
    }

    @Test func persistentGapsCountTurnsNotRepeatsWithinOne() {
        let a = SessionAnalytics(analyses: [analysis(0.5, gaps: ["x", "X "]), analysis(0.5, gaps: ["y"])])
        #expect(a.persistentGaps.isEmpty)
    }

    @Test func reviewTopicsAreGapsThenJargonByCountDeterministicAndAtMostFive() {
        let a = SessionAnalytics(analyses: [
            analysis(0.5, gaps: ["g1", "g2"], jargon: ["j1", "j2", "j3"]),
            analysis(0.5, gaps: ["g2", "g1"], jargon: ["j3", "j4"]),
            analysis(0.5, gaps: ["g2"], jargon: ["j3", "j2", "j5", "G1"]),
        ])
        #expect(a.persistentGaps == ["g2", "g1"])                 // 3 turns before 2
        #expect(a.suggestedReviewTopics == ["g2", "g1", "j3", "j2", "j1"])
    }
}

extension AnalyticsTests {
    /// A live session remembers: a gap that recurred before the learner covered it is no longer
    /// persistent nor up for review; without `covered` (batch analytics) the §8 rules hold as they were.
    @Test func aGapCoveredSinceIsNotPersistent() {
        let analyses = (0..<3).map { _ in Analysis(knowledgeGaps: ["Base case", "call stack"], unexplainedJargon: ["frame"]) }
        #expect(SessionAnalytics(analyses: analyses).persistentGaps == ["Base case", "call stack"])
        let live = SessionAnalytics(analyses: analyses, covered: ["base case"])
        #expect(live.persistentGaps == ["call stack"])
        #expect(live.suggestedReviewTopics == ["call stack", "frame"])
    }
}

/// What the session knows of its questions: one is answered when the next explanation covered
/// something new or took up the question's words.
@Suite struct SessionHistoryTests {
    static func turn(_ n: Int, _ explanation: String, _ question: String, covered: [String]) -> Turn {
        Turn(number: n, mode: "m", explanation: explanation, question: question, localAnalysis: Analysis(),
             timings: .init(total: 1), covered: covered)
    }

    @Test func aQuestionIsAnsweredByANewConceptOrItsOwnWords() {
        let session = Session(topic: "recursion", mode: "m", turns: [
            Self.turn(1, "It calls itself.", "Why does it stop?", covered: ["recursive call"]),
            Self.turn(2, "The base case stops it.", "What is a stack frame?", covered: ["base case"]),
            Self.turn(3, "It calls itself again.", "How does recursion end?", covered: ["recursive call"]),
            Self.turn(4, "Recursion ends at the base case.", "And then?", covered: ["base case"]),
        ])
        #expect(session.history.map(\.answered) == [true, false, true, false])
        #expect(session.covered == ["recursive call", "base case"])
    }
}

extension SessionHistoryTests {
    @Test func aConceptCoveredOnlyUnsurelyIsShaky() {
        var unsure = Self.turn(1, "I think maybe it stops.", "Why?", covered: ["base case", "recursive call"])
        unsure.analysis.confidenceScore = 0.3
        var sure = Self.turn(2, "It calls itself.", "How?", covered: ["recursive call"])
        sure.analysis.confidenceScore = 0.9
        #expect(Session(topic: "recursion", mode: "m", turns: [unsure, sure]).shaky == ["base case"])
    }
}

extension SessionHistoryTests {
    /// The memory follows the turns however they change: appended one at a time, edited in the
    /// middle, replaced wholesale or decoded, it says what a session built from scratch says.
    @Test func theMemoryFollowsEveryChangeToTheTurns() throws {
        var turns = [
            Self.turn(1, "It calls itself.", "Why does it stop?", covered: ["recursive call"]),
            Self.turn(2, "The base case stops it.", "What is a stack frame?", covered: ["base case"]),
            Self.turn(3, "A frame holds locals.", "Where do frames live?", covered: ["stack frame"]),
            Self.turn(4, "Frames live on the call stack.", "And then?", covered: ["call stack", "Base  case"]),
        ]
        turns[1].analysis.confidenceScore = 0.2
        func expectSame(_ session: Session, _ why: Comment) {
            let fresh = Session(topic: session.topic, mode: "m", turns: session.turns)
            #expect(session.history == fresh.history, why)
            #expect(session.covered == fresh.covered, why)
            #expect(session.shaky == fresh.shaky, why)
        }
        var grown = Session(topic: "recursion", mode: "m")
        for turn in turns { grown.turns.append(turn) }
        expectSame(grown, "appended")
        #expect(grown.history.map(\.answered) == [true, true, true, false])
        #expect(grown.covered == ["recursive call", "base case", "stack frame", "call stack"])
        #expect(grown.shaky == [], "turn 4 covered the base case surely")

        grown.turns[3].covered = ["call stack"]
        expectSame(grown, "a turn edited in place")
        #expect(grown.shaky == ["base case"])
        grown.turns = Array(turns.reversed())
        expectSame(grown, "the list replaced")
        grown.turns.removeLast()
        grown.turns.append(turns[1])
        expectSame(grown, "the last turn swapped for another")
        let decoded = try JSONDecoder().decode(Session.self, from: JSONEncoder().encode(grown))
        #expect(decoded.history == grown.history && decoded.covered == grown.covered)
    }
}
