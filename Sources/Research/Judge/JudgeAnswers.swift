import Claude
import Foundation
import Store
import TeachBack

/// One output line: a turn and what Claude made of it. `analysis` is checked as the REPL checks
/// Claude's answer; an answer that is not the JSON asked for is `errored` with its text in `raw`.
struct JudgedTurn: Encodable {
    var id: String
    var sessionID: String
    var line: Int
    var turn: Int
    var result: String
    var analysis: Analysis?
    var usage: TokenUsage?
    var error: String?
    var raw: String?

    enum CodingKeys: String, CodingKey {
        case id, line, turn, result, analysis, usage, error, raw
        case sessionID = "session_id"
    }
}

/// Turns API answers into stored answers (the output line included).
struct JudgeAnswers {
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// From a result line of a batch.
    func answer(_ result: MessageBatchResult, request: JudgeRequest) throws -> JudgeAnswer {
        var line = JudgedTurn(id: request.customID, sessionID: request.sessionID, line: request.line, turn: request.turn,
                              result: result.result.type)
        switch result.result.type {
        case "succeeded":
            if let message = result.result.message { fill(&line, text: message.text, usage: message.usage) }
        case "errored":
            let detail = result.result.error?.error
            line.error = detail.map { "\($0.type): \($0.message)" } ?? "errored"
        default:
            break
        }
        return try answer(line)
    }

    /// From a direct call: its reply, or the error it ended with after its retries.
    func answer(_ reply: Result<MessageResponse, any Error>, request: JudgeRequest) throws -> JudgeAnswer {
        var line = JudgedTurn(id: request.customID, sessionID: request.sessionID, line: request.line, turn: request.turn,
                              result: "succeeded")
        switch reply {
        case .success(let message): fill(&line, text: message.text, usage: message.usage)
        case .failure(let error):
            line.result = "errored"
            line.error = "\(error)"
        }
        return try answer(line)
    }

    private func fill(_ line: inout JudgedTurn, text: String, usage: TokenUsage) {
        line.usage = usage
        if let analysis = AnalysisParser.parse(text) {
            line.analysis = analysis
        } else {
            line.result = "errored"
            line.error = "invalid_response: the analysis was not the JSON asked for"
            line.raw = text
        }
    }

    private func answer(_ line: JudgedTurn) throws -> JudgeAnswer {
        JudgeAnswer(customID: line.id, result: line.result, outcome: String(decoding: try encoder.encode(line), as: UTF8.self),
                    inputTokens: line.usage?.inputTokens ?? 0, outputTokens: line.usage?.outputTokens ?? 0)
    }
}
