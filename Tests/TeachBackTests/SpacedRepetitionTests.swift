import Foundation
import Testing
@testable import TeachBack

@Suite struct SpacedRepetitionTests {
    let day0 = Date(timeIntervalSince1970: 1_764_000_000)

    /// The SM-2 paper's sequence: intervals 1, 6, then previous × EF; a lapse starts over.
    @Test func intervalsFollowSM2OnAKnownSequence() {
        var item = ReviewItem(topic: "recursion", due: day0)
        var intervals: [Int] = []
        var easiness: [Double] = []
        for q in [5, 5, 4, 3, 1, 4] {
            item = item.reviewed(quality: q, on: day0)
            intervals.append(item.interval)
            easiness.append((item.easiness * 100).rounded() / 100)
        }
        // EF: 2.5 → 2.6 → 2.7 → 2.7 → 2.56 → 2.02 → 2.02
        #expect(easiness == [2.6, 2.7, 2.7, 2.56, 2.02, 2.02])
        // 1, 6, round(6 × 2.7) = 16, round(16 × 2.7) = 43, lapse → 1, then the first interval again.
        #expect(intervals == [1, 6, 16, 43, 1, 1])
        #expect(item.due == day0.addingTimeInterval(86_400))
        #expect(item.lastQuality == 4)
    }

    @Test func easinessNeverFallsBelowTheFloorAndQualityIsClamped() {
        var item = ReviewItem(topic: "t", due: day0)
        for _ in 0..<10 { item = item.reviewed(quality: -3, on: day0) }
        #expect(item.easiness == ReviewItem.minimumEasiness)
        #expect(item.lastQuality == 0)
        #expect(item.reviewed(quality: 9, on: day0).lastQuality == 5)
    }

    @Test func aSessionsQualityComesFromItsScores() {
        func analytics(_ clarity: Double, _ confidence: Double, gaps: [String] = []) -> SessionAnalytics {
            SessionAnalytics(analyses: [Analysis(confidenceScore: confidence, clarityScore: clarity, knowledgeGaps: gaps),
                                        Analysis(confidenceScore: confidence, clarityScore: clarity, knowledgeGaps: gaps)])
        }
        #expect(ReviewItem.quality(of: analytics(1, 1)) == 5)
        #expect(ReviewItem.quality(of: analytics(0.5, 0.5)) == 3)   // 5 × 0.5 = 2.5 → 3
        #expect(ReviewItem.quality(of: analytics(0.5, 0.5, gaps: ["x"])) == 2, "a persistent gap costs one")
        #expect(ReviewItem.quality(of: SessionAnalytics(analyses: [])) == 0)
    }
}

@Suite struct SpacedRepetitionBoundsTests {
    @Test func manyPerfectReviewsStayWithinAHundredYears() {
        var item = ReviewItem(topic: "t", due: Date(timeIntervalSince1970: 0))
        for _ in 0..<100 { item = item.reviewed(quality: 5, on: Date(timeIntervalSince1970: 0)) }
        #expect(item.interval == ReviewItem.maximumInterval)
    }
}

extension SpacedRepetitionTests {
    /// Three sessions on one topic in one afternoon are one review, the best of them; the next
    /// day's review counts again (the issue saw 1 → 6 → 15 days from one afternoon).
    @Test func atMostOneReviewADayCountsTheBestOfThatDay() {
        let start = ReviewItem(topic: "recursion", due: Date(timeIntervalSince1970: 0))
        let t = Date(timeIntervalSince1970: 1_764_000_000)
        let once = start.reviewed(quality: 4, on: t, day: "2026-12-03")
        var item = once.reviewed(quality: 3, on: t + 600, day: "2026-12-03")
        #expect(item == once, "a worse review the same day changes nothing")
        item = item.reviewed(quality: 4, on: t + 1200, day: "2026-12-03")
        #expect(item == once, "an equal one neither")
        item = item.reviewed(quality: 5, on: t + 1800, day: "2026-12-03")
        #expect(item.interval == 1 && item.repetitions == 1, "a better one replaces the day's review, not adds to it")
        #expect(item == start.reviewed(quality: 5, on: t + 1800, day: "2026-12-03"))
        let tomorrow = item.reviewed(quality: 5, on: t + 86_400, day: "2026-12-04")
        #expect(tomorrow.interval == 6 && tomorrow.repetitions == 2)
    }
}
