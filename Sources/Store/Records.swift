import Foundation
import GRDB
import TeachBack

/// A row of `session`.
/// Dates are stored as seconds since 1970 (REAL), exactly as the program holds them.
struct SessionRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "session"
    var id: String
    var topic: String
    var mode: String
    var startedAt: Double
    var updatedAt: Double
    var userId: String?
}

/// A row of `turn`: a `Turn` flattened into columns.
struct TurnRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "turn"
    var sessionId: String
    var number: Int
    var mode: String
    var explanation: String
    var question: String
    var interrupted: Bool
    var localAnalysis: String
    var claudeAnalysis: String?
    var analysis: String
    var analysisBackend: String
    var questionBackend: String
    var fallbackReason: String?
    var totalMs: Double
    var analysisMs: Double?
    var firstTokenMs: Double?
    var inputTokens: Int
    var outputTokens: Int
    var createdAt: Double
    /// The concepts the turn covered, as a JSON array; NULL for turns from before v4.
    var covered: String?

    init(_ turn: Turn, sessionID: String) throws {
        sessionId = sessionID
        number = turn.number
        mode = turn.mode
        explanation = turn.explanation
        question = turn.question
        interrupted = turn.interrupted
        localAnalysis = try JSON.string(turn.localAnalysis)
        claudeAnalysis = try turn.claudeAnalysis.map(JSON.string)
        analysis = try JSON.string(turn.analysis)
        analysisBackend = turn.backend.analysis.rawValue
        questionBackend = turn.backend.question.rawValue
        fallbackReason = turn.fallbackReason
        totalMs = turn.timings.total
        analysisMs = turn.timings.analysis
        firstTokenMs = turn.timings.firstToken
        inputTokens = turn.usage.inputTokens
        outputTokens = turn.usage.outputTokens
        createdAt = turn.createdAt.timeIntervalSince1970
        covered = try turn.covered.map(JSON.string)
    }

    func turn() throws -> Turn {
        Turn(number: number, mode: mode, explanation: explanation, question: question, interrupted: interrupted,
             localAnalysis: try JSON.decode(Analysis.self, localAnalysis),
             claudeAnalysis: try claudeAnalysis.map { try JSON.decode(Analysis.self, $0) },
             backend: .init(analysis: .init(rawValue: analysisBackend) ?? .local, question: .init(rawValue: questionBackend) ?? .fallback),
             fallbackReason: fallbackReason,
             timings: .init(total: totalMs, analysis: analysisMs, firstToken: firstTokenMs),
             usage: TokenUsage(inputTokens: inputTokens, outputTokens: outputTokens),
             createdAt: Date(timeIntervalSince1970: createdAt),
             covered: try covered.map { try JSON.decode([String].self, $0) })
    }
}

/// A row of `reviewItem`.
struct ReviewRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "reviewItem"
    var topic: String
    var easiness: Double
    var interval: Int
    var repetitions: Int
    var due: Double
    var lastQuality: Int?
    /// The day whose best review counts, and the schedule before it (NULL before v4).
    var day: String?
    var baseEasiness: Double?
    var baseInterval: Int?
    var baseRepetitions: Int?

    init(_ item: ReviewItem) {
        topic = item.topic
        easiness = item.easiness
        interval = item.interval
        repetitions = item.repetitions
        due = item.due.timeIntervalSince1970
        lastQuality = item.lastQuality
        day = item.day
        baseEasiness = item.base?.easiness
        baseInterval = item.base?.interval
        baseRepetitions = item.base?.repetitions
    }

    var item: ReviewItem {
        ReviewItem(topic: topic, easiness: easiness, interval: interval, repetitions: repetitions,
                   due: Date(timeIntervalSince1970: due), lastQuality: lastQuality, day: day,
                   base: baseEasiness.flatMap { e in baseInterval.flatMap { i in baseRepetitions.map {
                       ReviewItem.Base(easiness: e, interval: i, repetitions: $0) } } })
    }
}

enum JSON {
    static func string(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
