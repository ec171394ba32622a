import Claude
import Foundation
import Store

/// What a judge job will send and what it may cost, shown before anything is submitted.
package struct JudgePlan: Sendable {
    /// Request bodies with sorted keys: the same request is always the same bytes, planned and
    /// spooled alike (the plan's sizes are the spool's).
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }

    package var job: Int64
    package var requests = 0
    package var batches = 0
    /// Sessions skipped because their record could not be read.
    package var skipped = 0
    /// Characters of request bodies / 4: the usual rough count of input tokens.
    package var inputTokens = 0
    /// Every request's `max_tokens`: the most the answers can cost.
    package var maxOutputTokens = 0

    /// At the batch price (half the Messages price) unless `direct`; prices are per million tokens.
    package func cost(inputPrice: Double, outputPrice: Double, direct: Bool) -> Double {
        (Double(inputTokens) * inputPrice + Double(maxOutputTokens) * outputPrice) / 1_000_000 * (direct ? 1 : 0.5)
    }
}

extension Judge {
    /// Reads the input once, records the job (`planning`, then `planned` once complete), its requests with their
    /// custom_ids and its batches, split at the request and byte limits; nothing is kept in
    /// memory but the custom_ids already used and a chunk of rows.
    package func plan(files: [String], output: String, options: JudgeOptions) throws -> JudgePlan {
        let input = JudgeInput(files: files.map(Self.absolute), model: model)
        let optionsJSON = String(decoding: try JSONEncoder().encode(options), as: UTF8.self)
        let job = try store.createJudgeJob(inputs: input.files, inputSHA256: try input.sha256(), output: Self.absolute(output),
                                           model: model, options: optionsJSON)
        var plan = JudgePlan(job: job)
        var ids = CustomIDs()
        var rows: [JudgeRequest] = []
        var batches: [JudgeBatch] = []
        var batchBytes = 0
        let encoder = JudgePlan.encoder
        do {
            try input.forEachTurn(skipped: { report($0); plan.skipped += 1 }) { turn in
                let customID = ids.next(sessionID: turn.sessionID, turn: turn.turn, index: turn.index)
                let size = try Self.element(customID: customID, request: turn.request, encoder: encoder).count + 1
                if options.direct == nil {
                    if batches.isEmpty || batches[batches.count - 1].requestCount >= options.batchRequests
                        || (batchBytes > 0 && batchBytes + size + Self.envelopeBytes > options.batchBytes) {
                        batches.append(JudgeBatch(number: batches.count + 1, requestCount: 0))
                        batchBytes = 0
                    }
                    batches[batches.count - 1].requestCount += 1
                    batchBytes += size
                }
                rows.append(JudgeRequest(index: turn.index, customID: customID, sessionID: turn.sessionID, line: turn.line,
                                         turn: turn.turn, batch: options.direct == nil ? batches.count : nil))
                plan.requests += 1
                plan.inputTokens += size / 4
                plan.maxOutputTokens += turn.request.maxTokens
                if rows.count == Self.rowChunk {
                    try store.addJudgeRequests(job: job, rows)
                    rows.removeAll(keepingCapacity: true)
                }
            }
            try store.addJudgeRequests(job: job, rows)
            try store.addJudgeBatches(job: job, batches)
            try store.setJudgeJob(job, state: "planned")
        } catch {
            try? store.deleteJudgeJob(job)
            throw error
        }
        plan.batches = batches.count
        return plan
    }

    /// Rows written to the store per transaction.
    static let rowChunk = 2000
    /// `{"requests":[` and `]}`.
    static let envelopeBytes = 16

    /// One request of a batch body: `{"custom_id":…,"params":…}`.
    static func element(customID: String, request: MessageRequest, encoder: JSONEncoder) throws -> [UInt8] {
        Array(#"{"custom_id":""#.utf8) + Array(customID.utf8) + Array(#"","params":"#.utf8) + Array(try encoder.encode(request)) + [0x7D]
    }

    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}
