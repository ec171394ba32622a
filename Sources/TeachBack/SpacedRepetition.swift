import Foundation

/// SM-2, the schedule the original TeachBack AI used for review topics: easiness starts at 2.5;
/// a quality below 3 starts the item over (interval 1 day); otherwise the intervals are 1, 6, then
/// the previous interval × easiness, and easiness moves by 0.1 − (5 − q)(0.08 + (5 − q)·0.02),
/// never below 1.3.
package struct ReviewItem: Sendable, Equatable, Codable {
    package var topic: String
    package var easiness: Double
    package var interval: Int
    package var repetitions: Int
    package var due: Date
    package var lastQuality: Int?
    /// The local day (`yyyy-MM-dd`) of the review that counted, and the schedule as it stood
    /// before it: a later review that day replaces it when better, never adds to it.
    package var day: String?
    package var base: Base?

    /// The schedule before a day's review.
    package struct Base: Sendable, Equatable, Codable {
        package var easiness: Double
        package var interval: Int
        package var repetitions: Int
        package init(easiness: Double, interval: Int, repetitions: Int) {
            self.easiness = easiness
            self.interval = interval
            self.repetitions = repetitions
        }
    }

    package static let initialEasiness = 2.5
    package static let minimumEasiness = 1.3
    /// A hundred years: later than any review matters, and far from overflowing.
    package static let maximumInterval = 36_500

    package init(topic: String, easiness: Double = ReviewItem.initialEasiness, interval: Int = 0, repetitions: Int = 0,
                due: Date, lastQuality: Int? = nil, day: String? = nil, base: Base? = nil) {
        self.topic = topic
        self.easiness = easiness
        self.interval = interval
        self.repetitions = repetitions
        self.due = due
        self.lastQuality = lastQuality
        self.day = day
        self.base = base
    }

    /// A review on local `day`: at most one review a day counts, the best of that day. A first
    /// review that day schedules from the item as it is; a later, better one re-schedules from the
    /// item as it was before that day; a later one no better changes nothing.
    package func reviewed(quality q: Int, on date: Date, day: String) -> ReviewItem {
        let q = min(5, max(0, q))
        var start = self
        let base: Base
        if self.day == day, let earlier = self.base {
            guard q > (lastQuality ?? -1) else { return self }
            base = earlier
            start.easiness = earlier.easiness
            start.interval = earlier.interval
            start.repetitions = earlier.repetitions
        } else {
            base = Base(easiness: easiness, interval: interval, repetitions: repetitions)
        }
        var next = start.reviewed(quality: q, on: date)
        next.day = day
        next.base = base
        return next
    }

    /// The item after a review of quality `q` (0...5) on `date`.
    package func reviewed(quality q: Int, on date: Date) -> ReviewItem {
        let q = min(5, max(0, q))
        var next = self
        if q < 3 {
            next.repetitions = 0
            next.interval = 1
        } else {
            next.repetitions += 1
            switch next.repetitions {
            case 1: next.interval = 1
            case 2: next.interval = 6
            default: next.interval = Int(min((Double(interval) * easiness).rounded(), Double(Self.maximumInterval)))
            }
        }
        let miss = Double(5 - q)
        next.easiness = max(Self.minimumEasiness, easiness + 0.1 - miss * (0.08 + miss * 0.02))
        next.due = date.addingTimeInterval(Double(next.interval) * 86_400)
        next.lastQuality = q
        return next
    }

    /// A session's quality for SM-2, from its analytics: 5 × (0.6 · average clarity + 0.4 · average
    /// confidence), rounded, one lower when gaps persisted across turns, within 0...5.
    package static func quality(of analytics: SessionAnalytics) -> Int {
        guard analytics.totalTurns > 0 else { return 0 }
        let raw = 5 * (0.6 * analytics.averageClarity + 0.4 * analytics.averageConfidence)
        let penalty = analytics.persistentGaps.isEmpty ? 0 : 1
        return min(5, max(0, Int(raw.rounded()) - penalty))
    }
}
