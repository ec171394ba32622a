import Foundation

/// A `teachback judge` job as recorded before anything is submitted (DESIGN §10).
package struct JudgeJob: Sendable, Equatable {
    package var id: Int64
    package var createdAt: Date
    /// Absolute paths of the input files, in order.
    package var inputs: [String]
    package var inputSHA256: String
    package var output: String
    package var model: String
    /// The job's options as JSON (the judge engine's own type).
    package var options: String
    /// `planning` (requests being recorded; a job killed here is never run), `planned` (recorded,
    /// not confirmed yet), `running` or `done`.
    package var state: String
    package var writtenLines: Int
    package var writtenBytes: Int
}

/// One batch of a job: `pending` → `submitting` (the create call may have reached the API) →
/// `submitted` (its id known) → `fetched` (ended, every result stored).
package struct JudgeBatch: Sendable, Equatable {
    package var number: Int
    package var requestCount: Int
    package var state: String
    package var submitStartedAt: Date?
    package var batchID: String?
    /// The last `request_counts` seen, as JSON.
    package var counts: String?

    package init(number: Int, requestCount: Int, state: String = "pending", submitStartedAt: Date? = nil,
                 batchID: String? = nil, counts: String? = nil) {
        self.number = number
        self.requestCount = requestCount
        self.state = state
        self.submitStartedAt = submitStartedAt
        self.batchID = batchID
        self.counts = counts
    }
}

/// One turn of a job: its place in the input, its `custom_id` (the id map), and once
/// answered, its result and the output line written for it.
package struct JudgeRequest: Sendable, Equatable {
    package var index: Int
    package var customID: String
    package var sessionID: String
    package var line: Int
    package var turn: Int
    /// The batch it goes in; nil for `--direct`.
    package var batch: Int?
    package var result: String?
    package var outcome: String?

    package init(index: Int, customID: String, sessionID: String, line: Int, turn: Int, batch: Int?,
                 result: String? = nil, outcome: String? = nil) {
        self.index = index
        self.customID = customID
        self.sessionID = sessionID
        self.line = line
        self.turn = turn
        self.batch = batch
        self.result = result
        self.outcome = outcome
    }
}

/// A request's answer as stored: the result type, the output line, the tokens it cost.
package struct JudgeAnswer: Sendable {
    package var customID: String
    package var result: String
    package var outcome: String
    package var inputTokens: Int
    package var outputTokens: Int

    package init(customID: String, result: String, outcome: String, inputTokens: Int, outputTokens: Int) {
        self.customID = customID
        self.result = result
        self.outcome = outcome
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
    }
}
