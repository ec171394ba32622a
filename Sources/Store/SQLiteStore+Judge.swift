import Foundation
import GRDB

/// Judge jobs in the store: the job, its batches and its requests (the custom_id map), with
/// each answer stored as it arrives, so a job killed at any point resumes from what is here.
extension SQLiteStore {
    /// Records a new job in state `planning` (its requests are added next); returns its id.
    package func createJudgeJob(inputs: [String], inputSHA256: String, output: String, model: String, options: String) throws -> Int64 {
        try pool.write { db in
            try db.execute(sql: """
                INSERT INTO judgeJob (createdAt, inputs, inputSHA256, output, model, options, state)
                VALUES (?, ?, ?, ?, ?, ?, 'planning')
                """, arguments: [Date().timeIntervalSince1970, String(decoding: try JSONEncoder().encode(inputs), as: UTF8.self),
                                 inputSHA256, output, model, options])
            return db.lastInsertedRowID
        }
    }

    /// Adds requests (in one transaction; call with chunks of a large job).
    package func addJudgeRequests(job: Int64, _ requests: [JudgeRequest]) throws {
        try pool.write { db in
            let statement = try db.makeStatement(sql: """
                INSERT INTO judgeRequest (jobId, idx, customId, sessionId, line, turn, batch) VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            for r in requests {
                try statement.execute(arguments: [job, r.index, r.customID, r.sessionID, r.line, r.turn, r.batch])
            }
        }
    }

    package func addJudgeBatches(job: Int64, _ batches: [JudgeBatch]) throws {
        try pool.write { db in
            for b in batches {
                try db.execute(sql: "INSERT INTO judgeBatch (jobId, number, requestCount, state) VALUES (?, ?, ?, ?)",
                               arguments: [job, b.number, b.requestCount, b.state])
            }
        }
    }

    package func judgeJob(_ id: Int64) throws -> JudgeJob? {
        try pool.read { db in try Row.fetchOne(db, sql: "SELECT * FROM judgeJob WHERE id = ?", arguments: [id]).map(Self.job) }
    }

    package func judgeJobs() throws -> [JudgeJob] {
        try pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM judgeJob ORDER BY id").map(Self.job) }
    }

    package func deleteJudgeJob(_ id: Int64) throws {
        try pool.write { db in try db.execute(sql: "DELETE FROM judgeJob WHERE id = ?", arguments: [id]) }
    }

    package func setJudgeJob(_ id: Int64, state: String) throws {
        try pool.write { db in try db.execute(sql: "UPDATE judgeJob SET state = ? WHERE id = ?", arguments: [state, id]) }
    }

    /// The output's complete lines and their length in bytes.
    package func setJudgeWritten(_ id: Int64, lines: Int, bytes: Int) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE judgeJob SET writtenLines = ?, writtenBytes = ? WHERE id = ?", arguments: [lines, bytes, id])
        }
    }

    package func judgeBatches(job: Int64) throws -> [JudgeBatch] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM judgeBatch WHERE jobId = ? ORDER BY number", arguments: [job]).map { row in
                JudgeBatch(number: row["number"], requestCount: row["requestCount"], state: row["state"],
                           submitStartedAt: (row["submitStartedAt"] as Double?).map(Date.init(timeIntervalSince1970:)),
                           batchID: row["batchId"], counts: row["counts"])
            }
        }
    }

    package func updateJudgeBatch(job: Int64, _ batch: JudgeBatch) throws {
        try pool.write { db in
            try db.execute(sql: """
                UPDATE judgeBatch SET requestCount = ?, state = ?, submitStartedAt = ?, batchId = ?, counts = ? WHERE jobId = ? AND number = ?
                """, arguments: [batch.requestCount, batch.state, batch.submitStartedAt?.timeIntervalSince1970, batch.batchID,
                                 batch.counts, job, batch.number])
        }
    }

    /// Batch ids any job has recorded: a batch found on the API is adopted only if no job owns it.
    package func knownJudgeBatchIDs() throws -> Set<String> {
        try pool.read { db in Set(try String.fetchAll(db, sql: "SELECT batchId FROM judgeBatch WHERE batchId IS NOT NULL")) }
    }

    /// Requests of `batch` (all of them when nil) without an answer yet, in input order.
    package func unansweredJudgeRequests(job: Int64, batch: Int?) throws -> [JudgeRequest] {
        try pool.read { db in
            let rows = if let batch {
                try Row.fetchAll(db, sql: "SELECT * FROM judgeRequest WHERE jobId = ? AND batch = ? AND result IS NULL ORDER BY idx",
                                 arguments: [job, batch])
            } else {
                try Row.fetchAll(db, sql: "SELECT * FROM judgeRequest WHERE jobId = ? AND result IS NULL ORDER BY idx", arguments: [job])
            }
            return rows.map(Self.request)
        }
    }

    /// Up to `limit` requests of `batch` after input position `after`, in input order (a page
    /// at a time: a batch may hold 100,000).
    package func judgeRequests(job: Int64, batch: Int, after: Int, limit: Int) throws -> [JudgeRequest] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM judgeRequest WHERE jobId = ? AND batch = ? AND idx > ? ORDER BY idx LIMIT ?",
                             arguments: [job, batch, after, limit]).map(Self.request)
        }
    }

    /// The requests with these custom_ids, by custom_id.
    package func judgeRequests(job: Int64, customIDs: [String]) throws -> [String: JudgeRequest] {
        try pool.read { db in
            var found: [String: JudgeRequest] = [:]
            for start in stride(from: 0, to: customIDs.count, by: 500) {
                let slice = Array(customIDs[start..<min(start + 500, customIDs.count)])
                let marks = Array(repeating: "?", count: slice.count).joined(separator: ",")
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM judgeRequest WHERE jobId = ? AND customId IN (\(marks))",
                                            arguments: StatementArguments([job] + slice.map { $0 as any DatabaseValueConvertible }))
                for row in rows.map(Self.request) { found[row.customID] = row }
            }
            return found
        }
    }

    /// Stores answers; a repeated answer for the same custom_id replaces the first (a result
    /// download that was started again), so nothing is counted twice.
    package func recordJudgeAnswers(job: Int64, _ answers: [JudgeAnswer]) throws {
        try pool.write { db in
            let statement = try db.makeStatement(sql: """
                UPDATE judgeRequest SET result = ?, outcome = ?, inputTokens = ?, outputTokens = ? WHERE jobId = ? AND customId = ?
                """)
            for a in answers {
                try statement.execute(arguments: [a.result, a.outcome, a.inputTokens, a.outputTokens, job, a.customID])
            }
        }
    }

    /// Up to `limit` requests from input position `from` on, in order, with their answers.
    package func judgeRequests(job: Int64, from: Int, limit: Int) throws -> [JudgeRequest] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM judgeRequest WHERE jobId = ? AND idx >= ? ORDER BY idx LIMIT ?",
                             arguments: [job, from, limit]).map(Self.request)
        }
    }

    /// The errored and expired requests, in input order, at most `limit`.
    package func failedJudgeRequests(job: Int64, limit: Int) throws -> [JudgeRequest] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM judgeRequest WHERE jobId = ? AND result IN ('errored', 'expired') ORDER BY idx LIMIT ?",
                             arguments: [job, limit]).map(Self.request)
        }
    }

    /// Requests per result type (`pending` for none yet) and the tokens spent.
    package func judgeTally(job: Int64) throws -> (results: [String: Int], inputTokens: Int, outputTokens: Int) {
        try pool.read { db in
            var results: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT COALESCE(result, 'pending') AS r, COUNT(*) AS n FROM judgeRequest WHERE jobId = ? GROUP BY r",
                                        arguments: [job]) {
                results[row["r"]] = row["n"]
            }
            let tokens = try Row.fetchOne(db, sql: "SELECT SUM(inputTokens) AS i, SUM(outputTokens) AS o FROM judgeRequest WHERE jobId = ?",
                                          arguments: [job])
            return (results, tokens?["i"] ?? 0, tokens?["o"] ?? 0)
        }
    }

    /// Clears the answers of the errored and expired requests so they are sent again: into new
    /// batches numbered from `firstBatch`, at most `perBatch` each, or (`intoBatches: false`)
    /// directly. Returns how many.
    package func requeueFailedJudgeRequests(job: Int64, firstBatch: Int, perBatch: Int, intoBatches: Bool) throws -> Int {
        try pool.write { db in
            let failed = try Int.fetchAll(db, sql: "SELECT idx FROM judgeRequest WHERE jobId = ? AND result IN ('errored', 'expired') ORDER BY idx",
                                          arguments: [job])
            let size = max(perBatch, 1)
            for (n, start) in stride(from: 0, to: failed.count, by: size).enumerated() {
                let slice = failed[start..<min(start + size, failed.count)]
                let batch: Int? = intoBatches ? firstBatch + n : nil
                if let batch {
                    try db.execute(sql: "INSERT INTO judgeBatch (jobId, number, requestCount, state) VALUES (?, ?, ?, 'pending')",
                                   arguments: [job, batch, slice.count])
                }
                for idx in slice {
                    try db.execute(sql: """
                        UPDATE judgeRequest SET batch = ?, result = NULL, outcome = NULL, inputTokens = 0, outputTokens = 0
                        WHERE jobId = ? AND idx = ?
                        """, arguments: [batch, job, idx])
                }
            }
            return failed.count
        }
    }

    private static func job(_ row: Row) -> JudgeJob {
        let inputs = (try? JSONDecoder().decode([String].self, from: Data((row["inputs"] as String? ?? "[]").utf8))) ?? []
        return JudgeJob(id: row["id"], createdAt: Date(timeIntervalSince1970: row["createdAt"]), inputs: inputs,
                        inputSHA256: row["inputSHA256"], output: row["output"], model: row["model"], options: row["options"],
                        state: row["state"], writtenLines: row["writtenLines"], writtenBytes: row["writtenBytes"])
    }

    private static func request(_ row: Row) -> JudgeRequest {
        JudgeRequest(index: row["idx"], customID: row["customId"], sessionID: row["sessionId"], line: row["line"], turn: row["turn"],
                     batch: row["batch"], result: row["result"], outcome: row["outcome"])
    }
}
