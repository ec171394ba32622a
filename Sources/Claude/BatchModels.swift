/// A Message Batch as the API describes it (`GET /v1/messages/batches/{id}`).
package struct MessageBatch: Codable, Sendable, Equatable {
    package struct Counts: Codable, Sendable, Equatable {
        package var processing = 0, succeeded = 0, errored = 0, canceled = 0, expired = 0
        package init() {}
        /// Requests no longer processing.
        package var finished: Int { succeeded + errored + canceled + expired }
        package var total: Int { processing + finished }
    }

    package var id: String
    /// `in_progress`, `canceling` or `ended`.
    package var processingStatus: String
    package var requestCounts: Counts
    /// RFC 3339.
    package var createdAt: String
    package var endedAt: String?
    package var resultsURL: String?

    package var isEnded: Bool { processingStatus == "ended" }

    enum CodingKeys: String, CodingKey {
        case id
        case processingStatus = "processing_status"
        case requestCounts = "request_counts"
        case createdAt = "created_at"
        case endedAt = "ended_at"
        case resultsURL = "results_url"
    }
}

/// One page of `GET /v1/messages/batches`, newest first.
package struct MessageBatchPage: Codable, Sendable {
    package var data: [MessageBatch]
    package var hasMore: Bool
    package var lastID: String?

    enum CodingKeys: String, CodingKey {
        case data
        case hasMore = "has_more"
        case lastID = "last_id"
    }
}

/// One line of a batch's results: `{"custom_id", "result": {"type", "message"?, "error"?}}`.
package struct MessageBatchResult: Decodable, Sendable {
    package struct Result: Decodable, Sendable {
        package var type: String
        package var message: MessageResponse?
        package var error: ErrorEnvelope?
    }

    /// `{"type": "error", "error": {"type", "message"}}`.
    package struct ErrorEnvelope: Decodable, Sendable {
        package struct Detail: Decodable, Sendable {
            package var type: String
            package var message: String
        }
        package var error: Detail?
    }

    package var customID: String
    package var result: Result

    enum CodingKeys: String, CodingKey {
        case customID = "custom_id"
        case result
    }
}

extension MessageBatchResult {
    /// What a request the results left out counts as: errored, saying so.
    package static func missing(_ customID: String) -> MessageBatchResult {
        MessageBatchResult(customID: customID, result: Result(type: "errored", message: nil, error: ErrorEnvelope(
            error: ErrorEnvelope.Detail(type: "missing_result", message: "the batch's results had no line for this request"))))
    }
}

extension MessageBatchResult {
    /// A request canceled before it was ever submitted.
    package static func canceled(_ customID: String) -> MessageBatchResult {
        MessageBatchResult(customID: customID, result: Result(type: "canceled", message: nil, error: nil))
    }
}
