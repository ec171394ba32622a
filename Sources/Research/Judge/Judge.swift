import Claude
import Foundation
import Store

/// `teachback judge` (DESIGN §10): every recorded turn through Claude's analysis, by Message
/// Batches or, with `--direct N`, by N concurrent Messages calls. The job lives in the store
/// from before the first submission to the last output line, so any crash resumes from there:
/// a batch is marked `submitting` before its create call, answers are stored as they arrive,
/// and the output is cut back to its last recorded complete line before being continued.
package struct Judge: Sendable {
    package let store: SQLiteStore
    package let batches: BatchesClient
    package let messages: MessagesClient
    /// Progress and problems, a line each (stderr).
    package let report: @Sendable (String) -> Void

    package init(store: SQLiteStore, claude: ClaudeConfig, report: @escaping @Sendable (String) -> Void) {
        self.store = store
        batches = BatchesClient(config: claude)
        messages = MessagesClient(config: claude)
        self.report = report
    }

    var model: String { messages.config.model }

    /// Runs a recorded job to its end: submits and polls its batches (or calls Claude directly),
    /// stores every answer, writes the output in input order. Safe to call again after any crash.
    package func run(job id: Int64) async throws -> JudgeSummary {
        let job = try loadJob(id)
        let options = try JSONDecoder().decode(JudgeOptions.self, from: Data(job.options.utf8))
        let input = JudgeInput(files: job.inputs, model: job.model)
        guard job.state != "planning" else {
            throw JudgeError("job \(id) was interrupted while it was being planned, before anything was sent: plan it again")
        }
        if job.state != "done" {
            guard try input.sha256() == job.inputSHA256 else {
                throw JudgeError("job \(id): the input changed since the job was planned (SHA-256 differs); plan a new job")
            }
            try store.setJudgeJob(id, state: "running")
            if let concurrency = options.direct {
                try await runDirect(job, input: input, concurrency: concurrency)
            } else {
                try await runBatches(job, input: input, options: options)
            }
            try JudgeOutputFile(store: store, job: try loadJob(id)).complete()
            try store.setJudgeJob(id, state: "done")
        }
        return try Self.summary(id, store: store)
    }

    func loadJob(_ id: Int64) throws -> JudgeJob {
        guard let job = try store.judgeJob(id) else { throw JudgeError("no judge job \(id) (see teachback judge --status)") }
        return job
    }

    /// Counts per result, tokens, and the requests that failed, from the store.
    package static func summary(_ id: Int64, store: SQLiteStore) throws -> JudgeSummary {
        let tally = try store.judgeTally(job: id)
        return JudgeSummary(job: id, results: tally.results, inputTokens: tally.inputTokens, outputTokens: tally.outputTokens)
    }
}

/// What a finished (or interrupted) job amounts to.
package struct JudgeSummary: Sendable {
    package var job: Int64
    /// Requests per result (`succeeded`, `errored`, `canceled`, `expired`, `pending`).
    package var results: [String: Int]
    package var inputTokens: Int
    package var outputTokens: Int

    package var failed: Int { (results["errored"] ?? 0) + (results["expired"] ?? 0) }

    package var text: String {
        let order = ["succeeded", "errored", "expired", "canceled", "pending"]
        let counts = order.compactMap { key in results[key].map { "\($0) \(key)" } }.joined(separator: ", ")
        return "judge job \(job): \(counts); tokens \(inputTokens) in, \(outputTokens) out"
    }
}
