import Claude
import Foundation
import Store

/// `--status`, `--cancel` and `--retry-failed`.
extension Judge {
    /// Every job with its batches, for `--status` (no API call).
    package static func status(store: SQLiteStore) throws -> [String] {
        var lines: [String] = []
        for job in try store.judgeJobs() {
            let options = try? JSONDecoder().decode(JudgeOptions.self, from: Data(job.options.utf8))
            let how = options?.direct.map { "direct \($0)" } ?? "batches"
            lines.append("job \(job.id) · \(job.state) · \(how) · \(job.inputs.joined(separator: ", ")) (sha256 \(job.inputSHA256.prefix(12))) → \(job.output)")
            lines.append("  " + (try summary(job.id, store: store)).text.replacingOccurrences(of: "judge job \(job.id): ", with: "")
                         + " · \(job.writtenLines) line(s) written")
            for batch in try store.judgeBatches(job: job.id) {
                let counts = batch.counts.flatMap { try? JSONDecoder().decode(MessageBatch.Counts.self, from: Data($0.utf8)) }
                let progress = counts.map { " \($0.finished)/\($0.total) finished" } ?? ""
                lines.append("  batch \(batch.number): \(batch.batchID ?? "(not created)") \(batch.state), \(batch.requestCount) requests\(progress)")
            }
        }
        return lines.isEmpty ? ["no judge jobs"] : lines
    }

    /// Cancels the job's batches on the API; requests never submitted count as canceled.
    /// Run the job afterwards to collect what finished and write the output.
    package func cancel(job id: Int64) async throws {
        let job = try loadJob(id)
        let answers = JudgeAnswers()
        for var batch in try store.judgeBatches(job: id) {
            if batch.state == "submitting", let found = try await findSubmitted(batch) {
                batch.batchID = found.id
                batch.state = "submitted"
                try store.updateJudgeBatch(job: id, batch)
            }
            switch batch.state {
            case "pending", "submitting":
                let rows = try store.unansweredJudgeRequests(job: id, batch: batch.number)
                try store.recordJudgeAnswers(job: id, try rows.map { row in
                    try answers.answer(MessageBatchResult.canceled(row.customID), request: row)
                })
                batch.state = "fetched"
                try store.updateJudgeBatch(job: id, batch)
            case "submitted":
                guard let batchID = batch.batchID else { continue }
                let canceled = try await batches.cancel(batchID, onRetry: notice("batch \(batch.number) cancel"))
                report("batch \(batch.number): \(batchID) \(canceled.processingStatus)")
            default:
                break
            }
        }
        if try JSONDecoder().decode(JudgeOptions.self, from: Data(job.options.utf8)).direct != nil {
            let rows = try store.unansweredJudgeRequests(job: id, batch: nil)
            try store.recordJudgeAnswers(job: id, try rows.map { try answers.answer(MessageBatchResult.canceled($0.customID), request: $0) })
        }
    }

    /// The errored and expired requests as `custom_id (session, turn): error`, at most `limit`.
    package func failures(job id: Int64, limit: Int) throws -> [String] {
        try store.failedJudgeRequests(job: id, limit: limit).map { row in
            let error = row.outcome.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }?["error"] as? String
            return "\(row.customID) (session \(row.sessionID), turn \(row.turn)): \(row.result ?? "?")" + (error.map { ": " + $0 } ?? "")
        }
    }

    /// Puts the errored and expired requests back to be sent again (in new batches, or directly);
    /// the output is written again in full once they are answered. Returns how many.
    package func retryFailed(job id: Int64) throws -> Int {
        let job = try loadJob(id)
        let options = try JSONDecoder().decode(JudgeOptions.self, from: Data(job.options.utf8))
        let next = (try store.judgeBatches(job: id).map(\.number).max() ?? 0) + 1
        let count = try store.requeueFailedJudgeRequests(job: id, firstBatch: next, perBatch: options.batchRequests,
                                                         intoBatches: options.direct == nil)
        if count > 0 {
            try store.setJudgeWritten(id, lines: 0, bytes: 0)
            try store.setJudgeJob(id, state: "running")
        }
        return count
    }
}
