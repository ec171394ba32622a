import Foundation
import Testing
@testable import REPL
import TeachBack

@Suite struct AnalyticsBoardTests {
    func session(turns: Int, id: String = "s") -> Session {
        Session(id: id, topic: "t", mode: "m", turns: (0..<turns).map { n in
            Turn(number: n + 1, mode: "m", explanation: "e", question: "q",
                 localAnalysis: Analysis(clarityScore: Double(n % 10) / 10), timings: .init(total: 1))
        })
    }

    @Test func recomputesEveryNTurnsInTheBackgroundAndStatsShowsTheLatestAtOnce() async {
        let board = AnalyticsBoard(every: 5)
        for n in 1...4 { await board.turnCompleted(session(turns: n)) }
        await board.settle()
        #expect(await board.latest == nil, "nothing before the fifth turn")
        await board.turnCompleted(session(turns: 5))
        await board.settle()
        #expect(await board.latest?.turns == 5)
        let (shown, behind) = await board.snapshot(for: session(turns: 7))
        #expect(shown.totalTurns == 5)
        #expect(behind == 2, ":stats answers with what it has and says how far behind it is")
        await board.settle()
        #expect(await board.latest?.turns == 7, "and a recomputation brings it up to date")
    }

    @Test func aNewSessionIsComputedAtOnce() async {
        let board = AnalyticsBoard(every: 5)
        await board.turnCompleted(session(turns: 5, id: "a"))
        let (shown, behind) = await board.snapshot(for: session(turns: 2, id: "b"))
        #expect(shown.totalTurns == 2)
        #expect(behind == 0)
    }
}
