import Foundation
import TeachBack

/// Everything a report shows, as plain values: the executable reads them from the store and
/// the Lua host and hands them over, so this module does no I/O and renders the same bytes
/// for the same input.
package struct ReportInput: Sendable {
    /// What the report covers, for its title.
    package enum Scope: Sendable, Equatable {
        case everything
        case topic(String)
        case session(String)
    }

    package var scope: Scope
    package var sessions: [Session]
    /// The SM-2 schedule (`ReviewItem.topic` is the normalised topic).
    package var reviewItems: [ReviewItem]
    /// Topic-pack concept names by topic, as the sessions spell the topic; topics without a pack are absent.
    package var concepts: [String: [String]]
    /// "Today", for the calendar, the streak and what is due.
    package var now: Date
    package var timeZone: UTCOffset
    /// Sessions whose transcripts are shown in full (the most recent ones).
    package var fullTranscripts: Int
    /// Topics with a section of their own (the most practised ones); the rest are listed.
    package var detailedTopics: Int

    package init(scope: Scope, sessions: [Session], reviewItems: [ReviewItem] = [], concepts: [String: [String]] = [:],
                now: Date = Date(), timeZone: UTCOffset = .local, fullTranscripts: Int = 20, detailedTopics: Int = 60) {
        self.scope = scope
        self.sessions = sessions
        self.reviewItems = reviewItems
        self.concepts = concepts
        self.now = now
        self.timeZone = timeZone
        self.fullTranscripts = fullTranscripts
        self.detailedTopics = detailedTopics
    }
}

/// The report as one self-contained HTML page (DESIGN §11).
package enum HTMLReport {
    package static func render(_ input: ReportInput) -> String {
        Page(input).html
    }
}
