import Foundation
import TeachBack

/// The object `teachback ask --json` prints (DESIGN §6).
struct AskResult: Encodable {
    var question: String
    var analysis: Analysis
    var topic: String
    var mode: String
    var backend: Turn.Backends
    var fallbackReason: String?
    var timingsMs: Turn.Timings
    var usage: TokenUsage

    init(topic: String, turn: Turn) {
        question = turn.question
        analysis = turn.analysis
        self.topic = topic
        mode = turn.mode
        backend = turn.backend
        fallbackReason = turn.fallbackReason
        timingsMs = turn.timings
        usage = turn.usage
    }

    enum CodingKeys: String, CodingKey {
        case question, analysis, topic, mode, backend, usage
        case fallbackReason = "fallback_reason", timingsMs = "timings_ms"
    }

    /// Every key is always present: a missing value is `null`, so scripts can rely on the shape.
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(question, forKey: .question)
        try c.encode(analysis, forKey: .analysis)
        try c.encode(topic, forKey: .topic)
        try c.encode(mode, forKey: .mode)
        try c.encode(backend, forKey: .backend)
        try c.encode(fallbackReason, forKey: .fallbackReason)
        try c.encode(timingsMs, forKey: .timingsMs)
        try c.encode(usage, forKey: .usage)
    }
}

enum JSONOutput {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
