import Foundation
import GRDB
import TeachBack

/// Review schedule and progress across sessions.
extension SQLiteStore {
    /// One day of practice, for `teachback progress`.
    package struct Day: Sendable, Equatable, Codable {
        package var date: String          // yyyy-MM-dd, local time
        package var sessions: Int
        package var turns: Int
        package var averageClarity: Double
        package var averageConfidence: Double

        enum CodingKeys: String, CodingKey {
            case date, sessions, turns
            case averageClarity = "average_clarity", averageConfidence = "average_confidence"
        }
    }

    /// Turns per local day over the last `days` days (days without turns are left out), oldest first.
    package func progress(days: Int, now: Date = Date(), offset: UTCOffset = .local) async throws -> [Day] {
        let firstDay = Days.index(now, offset) - (days - 1)
        let since = Double(firstDay * 86_400 - offset.seconds(at: now))
        let rows = try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT sessionId, createdAt, analysis FROM turn WHERE createdAt >= ? ORDER BY createdAt", arguments: [since])
                .map { (session: $0["sessionId"] as String, at: $0["createdAt"] as Double, analysis: $0["analysis"] as String) }
        }
        var order: [String] = []
        var byDay: [String: (sessions: Set<String>, clarity: [Double], confidence: [Double])] = [:]
        for row in rows {
            let day = Days.label(of: Date(timeIntervalSince1970: row.at), offset)
            if byDay[day] == nil { order.append(day) }
            let analysis = try JSON.decode(Analysis.self, row.analysis)
            byDay[day, default: ([], [], [])].sessions.insert(row.session)
            byDay[day, default: ([], [], [])].clarity.append(analysis.clarityScore)
            byDay[day, default: ([], [], [])].confidence.append(analysis.confidenceScore)
        }
        return order.compactMap { day in
            byDay[day].map { entry in
                Day(date: day, sessions: entry.sessions.count, turns: entry.clarity.count,
                    averageClarity: SessionAnalytics.roundedMean(entry.clarity),
                    averageConfidence: SessionAnalytics.roundedMean(entry.confidence))
            }
        }
    }

    /// Consecutive days with at least one turn, ending today (or yesterday, if today has none yet).
    package static func streak(_ days: [Day], now: Date = Date(), offset: UTCOffset = .local) -> Int {
        let practised = Set(days.map(\.date))
        let today = Days.index(now, offset)
        let active = Set((today - days.count - 1...today).filter { practised.contains(Days.label($0)) })
        return Days.streak(active, today: today)
    }

    package func reviewItems() async throws -> [ReviewItem] {
        try await pool.read { db in try ReviewRow.order(Column("due")).fetchAll(db).map(\.item) }
    }

    /// Records a review of `topic` with quality `q` (0...5) and returns the rescheduled item; of
    /// several reviews on one local day only the best counts (`ReviewItem.reviewed(quality:on:day:)`).
    @discardableResult
    package func review(topic: String, quality q: Int, on date: Date = Date(), offset: UTCOffset = .local) async throws -> ReviewItem {
        let key = Terms.normalize(topic)
        let day = Days.label(of: date, offset)
        return try await pool.write { db in
            let current = try ReviewRow.fetchOne(db, key: key)?.item ?? ReviewItem(topic: key, due: date)
            let next = current.reviewed(quality: q, on: date, day: day)
            try ReviewRow(next).upsert(db)
            return next
        }
    }

    /// A finished session counts as a review of its topic — `topic` when given (the topic pack's
    /// name, so aliases share one schedule) — with the quality its analytics earn.
    package func recordReview(of session: Session, topic: String? = nil, on date: Date = Date()) async throws {
        guard !session.turns.isEmpty else { return }
        let quality = ReviewItem.quality(of: session.analytics)
        try await review(topic: topic ?? session.topic, quality: quality, on: date)
    }
}
