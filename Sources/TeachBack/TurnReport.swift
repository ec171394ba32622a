import Foundation

/// One answered turn as JSON: what `teachback ask --json` prints and MCP's `teach` returns.
package struct TurnReport: Codable, Sendable {
    package var sessionID: String
    package var number: Int
    package var question: String
    package var analysis: Analysis
    package var topic: String
    package var mode: String
    package var backend: Turn.Backends
    /// Every key is always present (a missing reason is `null`), so scripts can rely on the shape.
    @Nullable package var fallbackReason: String?
    package var timingsMs: Turn.Timings
    package var usage: TokenUsage
    /// False when the database did not take the turn yet (it waits, and is rescued at the end).
    package var saved: Bool

    package init(session: Session, turn: Turn, saved: Bool) {
        sessionID = session.id
        number = turn.number
        topic = session.topic
        question = turn.question
        analysis = turn.analysis
        mode = turn.mode
        backend = turn.backend
        fallbackReason = turn.fallbackReason
        timingsMs = turn.timings
        usage = turn.usage
        self.saved = saved
    }

    enum CodingKeys: String, CodingKey {
        case question, analysis, topic, mode, backend, usage, number, saved
        case fallbackReason = "fallback_reason", timingsMs = "timings_ms", sessionID = "session_id"
    }
}

/// Compact JSON with sorted keys, as every command prints it.
package enum JSONOutput {
    package static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
