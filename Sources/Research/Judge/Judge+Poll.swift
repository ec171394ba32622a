import Claude
import Foundation
import Store

/// Polling submitted batches until they end, then storing their results: every answer is
/// stored by custom_id (a download started again replaces, never adds), and a batch is marked
/// `fetched` only once all its results are in.
extension Judge {
    func runBatches(_ job: JudgeJob, input: JudgeInput, options: JudgeOptions) async throws {
        try await submitPending(job, input: input)
        var interval = options.poll
        while true {
            let open = try store.judgeBatches(job: job.id).filter { $0.state != "fetched" }
            if open.isEmpty { return }
            var changed = false
            for batch in open {
                changed = try await poll(batch, of: try store.judgeBatches(job: job.id).count, job: job) || changed
            }
            if try store.judgeBatches(job: job.id).allSatisfy({ $0.state == "fetched" }) { return }
            try await Task.sleep(for: .seconds(interval))
            // Back off while nothing moves, up to four times the interval asked for.
            interval = changed ? options.poll : min(interval * 1.5, options.poll * 4)
        }
    }

    /// One look at a batch; fetches its results once it has ended. Returns whether anything changed.
    private func poll(_ stored: JudgeBatch, of total: Int, job: JudgeJob) async throws -> Bool {
        var batch = stored
        guard let id = batch.batchID else { throw JudgeError("job \(job.id): batch \(batch.number) was never submitted") }
        let current: MessageBatch
        do {
            current = try await batches.retrieve(id, onRetry: notice("batch \(batch.number) poll"))
        } catch let error as APIError where batches.config.retry.shouldRetry(error) {
            report("batch \(batch.number) poll: \(error); trying again at the next poll")
            return false
        }
        let counts = Self.countsJSON(current.requestCounts)
        let changed = counts != batch.counts || current.isEnded
        if changed {
            report(Self.progressLine(number: batch.number, of: total, current))
            batch.counts = counts
            try store.updateJudgeBatch(job: job.id, batch)
        }
        if current.isEnded {
            try await fetch(current, number: batch.number, job: job)
            batch.state = "fetched"
            try store.updateJudgeBatch(job: job.id, batch)
        }
        return changed
    }

    private func fetch(_ batch: MessageBatch, number: Int, job: JudgeJob) async throws {
        let answers = JudgeAnswers()
        let decoder = JSONDecoder()
        var pending: [MessageBatchResult] = []
        var unknown = 0
        // Results come in any order: each chunk's requests are looked up together.
        func storeChunk(_ results: [MessageBatchResult]) throws {
            let rows = try store.judgeRequests(job: job.id, customIDs: results.map(\.customID))
            var stored: [JudgeAnswer] = []
            for result in results {
                guard let row = rows[result.customID], row.batch == number else { unknown += 1; continue }
                stored.append(try answers.answer(result, request: row))
            }
            try store.recordJudgeAnswers(job: job.id, stored)
        }
        try await batches.results(batch, onRetry: notice("batch \(number) results")) { line in
            guard let result = try? decoder.decode(MessageBatchResult.self, from: Data(line)) else {
                unknown += 1
                return
            }
            pending.append(result)
            if pending.count >= Self.rowChunk {
                try storeChunk(pending)
                pending.removeAll(keepingCapacity: true)
            }
        }
        try storeChunk(pending)
        if unknown > 0 { report("batch \(number): \(unknown) result line(s) not of this batch, ignored") }
        // A request the results left out is reported as such rather than waited for forever.
        let missing = try store.unansweredJudgeRequests(job: job.id, batch: number)
        if !missing.isEmpty {
            report("batch \(number): \(missing.count) request(s) without a result; recorded as errored")
            try store.recordJudgeAnswers(job: job.id, try missing.map { row in
                try answers.answer(MessageBatchResult.missing(row.customID), request: row)
            })
        }
        report("batch \(number): results stored")
    }

    /// `batch 2/3 msgbatch_… [########------------] 40/100 · 38 succeeded, 2 errored`.
    static func progressLine(number: Int, of total: Int, _ batch: MessageBatch) -> String {
        let c = batch.requestCounts
        let width = 20
        let filled = c.total == 0 ? width : c.finished * width / c.total
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let parts = [("succeeded", c.succeeded), ("errored", c.errored), ("expired", c.expired), ("canceled", c.canceled)]
            .filter { $0.1 > 0 }.map { "\($0.1) \($0.0)" }
        return "batch \(number)/\(total) \(batch.id) [\(bar)] \(c.finished)/\(c.total) \(batch.processingStatus)"
            + (parts.isEmpty ? "" : " · " + parts.joined(separator: ", "))
    }
}
