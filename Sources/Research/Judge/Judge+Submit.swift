import Claude
import Foundation
import Store
import TeachBack

/// Submitting a job's batches, each exactly once: the batch is marked `submitting` (with the
/// time) before its create call, so after a crash a batch that may have reached the API is
/// looked for among the API's batches (created since then, not owned by any job, of the same
/// size) and adopted rather than sent again.
extension Judge {
    /// Local and API clocks may differ; a batch created this long before the recorded start still counts.
    static let clockSlack: TimeInterval = 300

    func submitPending(_ job: JudgeJob, input: JudgeInput) async throws {
        let all = try store.judgeBatches(job: job.id)
        for number in all.map(\.number) {
            // Read afresh: a Ctrl-C cancel may have settled a batch not sent yet.
            guard var batch = try store.judgeBatches(job: job.id).first(where: { $0.number == number }),
                  batch.state == "pending" || batch.state == "submitting" else { continue }
            if batch.state == "submitting", let found = try await findSubmitted(batch) {
                report("batch \(batch.number)/\(all.count): found \(found.id) on the API (submitted before the interruption)")
                try record(&batch, created: found, job: job)
                continue
            }
            try await submit(&batch, of: all.count, job: job, input: input)
        }
    }

    private func submit(_ batch: inout JudgeBatch, of total: Int, job: JudgeJob, input: JudgeInput) async throws {
        let file = try spool(batch, job: job, input: input)
        defer { unlink(file) }
        var attempts = 0
        while true {
            batch.state = "submitting"
            batch.submitStartedAt = Date()
            try store.updateJudgeBatch(job: job.id, batch)
            do {
                let created = try await batches.create(bodyFile: file, onRetry: notice("batch \(batch.number) create"))
                try record(&batch, created: created, job: job)
                report("batch \(batch.number)/\(total) submitted: \(created.id), \(batch.requestCount) requests")
                return
            } catch let error as APIError where error.status == nil && attempts < batches.config.retry.maxRetries {
                // No answer: the batch may or may not exist. Look before sending it again.
                attempts += 1
                if let found = try await findSubmitted(batch) {
                    try record(&batch, created: found, job: job)
                    return
                }
                report("batch \(batch.number) create: \(error); sending it again")
            }
        }
    }

    private func record(_ batch: inout JudgeBatch, created: MessageBatch, job: JudgeJob) throws {
        batch.state = "submitted"
        batch.batchID = created.id
        batch.counts = Self.countsJSON(created.requestCounts)
        try store.updateJudgeBatch(job: job.id, batch)
    }

    /// The batch this one's interrupted create made, if the API has it.
    func findSubmitted(_ batch: JudgeBatch) async throws -> MessageBatch? {
        guard let started = batch.submitStartedAt else { return nil }
        let known = try store.knownJudgeBatchIDs()
        var after: String?
        while true {
            let page = try await batches.list(limit: 100, afterID: after, onRetry: notice("batch list"))
            for candidate in page.data {
                guard let created = Self.date(candidate.createdAt) else { continue }
                if created < started.addingTimeInterval(-Self.clockSlack) { return nil }  // newest first: the rest are older
                if !known.contains(candidate.id), candidate.requestCounts.total == batch.requestCount { return candidate }
            }
            guard page.hasMore, let last = page.lastID else { return nil }
            after = last
        }
    }

    /// Writes the batch's create body to a private temporary file, reading the input once and
    /// keeping only one request in memory at a time.
    private func spool(_ batch: JudgeBatch, job: JudgeJob, input: JudgeInput) throws -> String {
        let path = NSTemporaryDirectory() + "teachback-judge-\(UUID().uuidString).json"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw JudgeError("\(path): cannot write the batch body") }
        defer { close(fd) }
        let out = SpoolWriter(fd: fd, path: path)
        try out.append(Array(#"{"requests":["#.utf8))
        var turns = input.turns(skipped: { _ in })
        let encoder = JudgePlan.encoder
        var last = -1
        while true {
            let page = try store.judgeRequests(job: job.id, batch: batch.number, after: last, limit: Self.rowChunk)
            guard !page.isEmpty else { break }
            for want in page {
                var turn = turns.next()
                while let skipped = turn, skipped.index < want.index { turn = turns.next() }
                guard let turn, turn.index == want.index else { throw JudgeError("job \(job.id): the input has fewer turns than planned") }
                if last >= 0 { try out.append([0x2C]) }
                try out.append(try Self.element(customID: want.customID, request: turn.request, encoder: encoder))
                last = want.index
            }
        }
        try out.append(Array("]}".utf8))
        try out.flush()
        return path
    }

    func notice(_ what: String) -> @Sendable (RetryNotice) -> Void {
        { [report] in report(String(format: "%@: retrying in %.1fs (%d/%d): %@", what, $0.delay, $0.retry, $0.of, $0.reason)) }
    }

    static func countsJSON(_ counts: MessageBatch.Counts) -> String {
        String(decoding: (try? JSONEncoder().encode(counts)) ?? Data(), as: UTF8.self)
    }

    /// RFC 3339 with or without fractional seconds (the API sends microseconds).
    static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        guard let dot = text.firstIndex(of: "."), let zone = text[dot...].firstIndex(where: { $0 == "Z" || $0 == "+" || $0 == "-" })
        else { return nil }
        let whole = formatter.date(from: String(text[..<dot]) + String(text[zone...]))
        return whole.map { $0.addingTimeInterval(Double("0" + text[dot..<zone]) ?? 0) }
    }
}

/// Buffered writes to the spool file, 1 MiB at a time.
private final class SpoolWriter {
    let fd: Int32
    let path: String
    private var buffer: [UInt8] = []

    init(fd: Int32, path: String) {
        self.fd = fd
        self.path = path
    }

    func append(_ bytes: [UInt8]) throws {
        buffer += bytes
        if buffer.count >= 1 << 20 { try flush() }
    }

    func flush() throws {
        let failure = buffer.withUnsafeBytes { writeAll(fd, $0) }
        guard failure == 0 else { throw JudgeError("\(path): \(String(cString: strerror(failure)))") }
        buffer.removeAll(keepingCapacity: true)
    }
}
