import Foundation
import TeachBack

/// One Message Batch as the fake keeps it: its requests' ids and results, decided at creation,
/// and when it ends (by processing time, or at once when canceled).
struct FakeBatch {
    struct Item {
        var customID: String
        var model: String
        var inputTokens: Int
        var outcome: BatchOutcome
    }

    let id: String
    let createdAt: Date
    /// When processing is over, unless canceled first.
    let endsAt: Date
    var cancelInitiatedAt: Date?
    var items: [Item]
    let analysisText: String

    /// `ended` once processed or canceled; `canceling` only in the cancel call's own answer.
    func status(at now: Date) -> String {
        if cancelInitiatedAt != nil || now >= endsAt { return "ended" }
        return "in_progress"
    }

    func endedAt(_ now: Date) -> Date? {
        if let cancel = cancelInitiatedAt { return min(cancel, endsAt) }
        return now >= endsAt ? endsAt : nil
    }

    /// Cancels a batch still processing: every request not finished is then `canceled`.
    mutating func cancel(at now: Date) {
        guard cancelInitiatedAt == nil, now < endsAt else { return }
        cancelInitiatedAt = now
        for i in items.indices { items[i].outcome = .canceled }
    }

    /// The batch object of the API; `resultsBase` is `http://host` for `results_url`.
    func json(now: Date, resultsBase: String, statusOverride: String? = nil) -> String {
        let status = statusOverride ?? status(at: now)
        var counts = ["processing": 0, "succeeded": 0, "errored": 0, "canceled": 0, "expired": 0]
        if status == "ended" {
            for item in items { counts[item.outcome.type, default: 0] += 1 }
        } else {
            counts["processing"] = items.count
        }
        let ended = status == "ended" ? endedAt(now) : nil
        let countsJSON = ["processing", "succeeded", "errored", "canceled", "expired"]
            .map { "\"\($0)\":\(counts[$0] ?? 0)" }.joined(separator: ",")
        return #"{"id":"# + JSONString.quoted(id) + #","type":"message_batch","processing_status":"# + JSONString.quoted(status)
            + #","request_counts":{"# + countsJSON + #"},"ended_at":"# + Self.time(ended)
            + #","created_at":"# + Self.time(createdAt) + #","expires_at":"# + Self.time(createdAt.addingTimeInterval(86_400))
            + #","archived_at":null,"cancel_initiated_at":"# + Self.time(cancelInitiatedAt)
            + #","results_url":"# + (ended == nil ? "null" : JSONString.quoted(resultsBase + Self.resultsPath(id))) + "}"
    }

    /// Results live on their own path, not under `/v1/messages/batches`, so a client must
    /// follow `results_url` rather than build the address itself.
    static func resultsPath(_ id: String) -> String { "/fake-results/\(id).jsonl" }

    /// One result line.
    func resultLine(_ index: Int) -> [UInt8] {
        let item = items[index]
        let head = Array((#"{"custom_id":"# + JSONString.quoted(item.customID) + #","result":{"type":""# + item.outcome.type + "\"").utf8)
        var body: [UInt8]
        switch item.outcome {
        case .succeeded, .text:
            let text: String
            if case .text(let given) = item.outcome { text = given } else { text = analysisText }
            body = Array(#","message":"#.utf8)
                + MessageJSON.bytes(id: "msg_\(id)_\(index)", model: item.model, escapedText: CommonReply.escaped(text),
                                    inputTokens: item.inputTokens)
        case .errored(let type, let message):
            body = Array((#","error":{"type":"error","error":{"type":"# + JSONString.quoted(type)
                          + #","message":"# + JSONString.quoted(message) + "}}").utf8)
        case .expired, .canceled:
            body = []
        }
        return head + body + Array("}}\n".utf8)
    }

    /// RFC 3339 in UTC, or JSON null.
    static func time(_ date: Date?) -> String {
        guard let date else { return "null" }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return "\"" + formatter.string(from: date) + "\""
    }
}
