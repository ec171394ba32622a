import Foundation
import TeachBack

/// One topic's sessions with what the report derives from them: the scores turn by turn across
/// sessions, where each session starts, DESIGN §8 analytics over all its turns, and the SM-2 item.
struct TopicSummary {
    var name: String
    /// Oldest first.
    var sessions: [Session]
    var analyses: [Analysis]
    /// Index into `analyses` of each session's first turn, after the first session's.
    var boundaries: [Int]
    var analytics: SessionAnalytics
    var review: ReviewItem?
    /// The topic pack's concept names, when the topic has one.
    var concepts: [String]?

    init(name: String, sessions: [Session], review: ReviewItem?, concepts: [String]?) {
        self.name = name
        self.sessions = sessions
        var analyses: [Analysis] = []
        var boundaries: [Int] = []
        for session in sessions {
            if !analyses.isEmpty, !session.turns.isEmpty { boundaries.append(analyses.count) }
            analyses.append(contentsOf: session.turns.map(\.analysis))
        }
        self.analyses = analyses
        self.boundaries = boundaries
        analytics = SessionAnalytics(analyses: analyses)
        self.review = review
        self.concepts = concepts
    }

    var turnCount: Int { analyses.count }

    /// Sessions grouped by normalised topic (first spelling shown), most turns first, ties by name.
    static func group(_ input: ReportInput) -> [TopicSummary] {
        var order: [String] = []
        var byKey: [String: [Session]] = [:]
        for session in input.sessions {
            let key = Terms.normalize(session.topic)
            if byKey[key] == nil { order.append(key) }
            byKey[key, default: []].append(session)
        }
        let reviews = Dictionary(input.reviewItems.map { (Terms.normalize($0.topic), $0) }, uniquingKeysWith: { a, _ in a })
        let topics = order.map { key -> TopicSummary in
            let sessions = (byKey[key] ?? []).sorted { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }
            let name = sessions[0].topic
            return TopicSummary(name: name, sessions: sessions, review: reviews[key],
                                concepts: sessions.lazy.compactMap { input.concepts[$0.topic] }.first)
        }
        return topics.sorted { ($1.turnCount, $0.name) < ($0.turnCount, $1.name) }
    }
}
