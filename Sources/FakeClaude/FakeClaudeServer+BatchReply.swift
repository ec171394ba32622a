import Foundation
import TeachBack

/// Answers the Message Batches endpoints: create, retrieve, list, cancel, delete (once ended), and the results JSONL
/// (served from `results_url`, in reverse submission order: "no particular order" made visible).
extension FakeClaudeServer {
    func answerBatch(_ call: BatchCall, request: HTTPRequest, fault: Fault?, headers: ReplyHeaders,
                     on connection: Connection) throws -> Bool {
        switch fault {
        case let .status(status, body, extra)?:
            try CommonReply.sendError(status: status, body: body, headers: extra, replyHeaders: headers,
                                      on: connection, progress: ReplyProgress())
            return headers.keepAlive
        case .closeAfterRequest?:
            throw CloseConnection()
        default:
            break
        }
        let resultsBase = baseURL ?? ""
        switch call {
        case .create:
            switch BatchBody.parse(request.body) {
            case .failure(let error):
                return try sendJSONError(400, error.message, headers, on: connection)
            case .success(let requests):
                let (json, latency) = createBatch(requests, resultsBase: resultsBase)
                try connection.pause(latency)
                return try sendJSON(json, headers, on: connection)
            }
        case .retrieve(let id):
            guard let json = state.withLock({ state in
                state.batches.first { $0.id == id }?.json(now: Date(), resultsBase: resultsBase)
            }) else { return try sendJSONError(404, "No batch with id \(id).", headers, on: connection) }
            return try sendJSON(json, headers, on: connection)
        case .cancel(let id):
            guard let json = state.withLock({ state -> String? in
                guard let i = state.batches.firstIndex(where: { $0.id == id }) else { return nil }
                let now = Date()
                let wasRunning = state.batches[i].status(at: now) == "in_progress"
                state.batches[i].cancel(at: now)
                return state.batches[i].json(now: now, resultsBase: resultsBase, statusOverride: wasRunning ? "canceling" : nil)
            }) else { return try sendJSONError(404, "No batch with id \(id).", headers, on: connection) }
            return try sendJSON(json, headers, on: connection)
        case .list:
            return try sendJSON(listJSON(request.queryItems, resultsBase: resultsBase), headers, on: connection)
        case .results(let id):
            return try sendResults(id, headers, on: connection)
        case .delete(let id):
            let found = state.withLock { state -> Bool? in
                guard let i = state.batches.firstIndex(where: { $0.id == id }) else { return nil }
                guard state.batches[i].status(at: Date()) == "ended" else { return false }
                state.batches.remove(at: i)
                return true
            }
            switch found {
            case nil: return try sendJSONError(404, "No batch with id \(id).", headers, on: connection)
            case false?: return try sendJSONError(400, "Batch \(id) is still processing: cancel it first.", headers, on: connection)
            case true?: return try sendJSON(#"{"id":"# + JSONString.quoted(id) + #","type":"message_batch_deleted"}"#, headers, on: connection)
            }
        }
    }

    /// Records the batch (and counts its custom_ids) before answering, as the real API would
    /// have it on record even if the answer never reached the client.
    private func createBatch(_ requests: [BatchBody.Request], resultsBase: String) -> (String, Double) {
        state.withLock { state in
            let scenario = state.config.batches
            let now = Date()
            let id = "msgbatch_fake_\(state.nextBatchNumber)"
            state.nextBatchNumber += 1
            let items = requests.map { request in
                FakeBatch.Item(customID: request.customID, model: state.config.model ?? request.model,
                               inputTokens: request.inputTokens, outcome: scenario.outcomes[request.customID] ?? .succeeded)
            }
            for request in requests { state.batchSubmissions[request.customID, default: 0] += 1 }
            let batch = FakeBatch(id: id, createdAt: now, endsAt: now.addingTimeInterval(scenario.processingTime),
                                  items: items, analysisText: scenario.analysisText)
            state.batches.append(batch)
            return (batch.json(now: now, resultsBase: resultsBase, statusOverride: "in_progress"), scenario.createLatency)
        }
    }

    /// Newest first, as the API lists; `after_id` continues after that batch.
    private func listJSON(_ query: [String: String], resultsBase: String) -> String {
        let limit = min(max(Int(query["limit"] ?? "") ?? 20, 1), 1000)
        return state.withLock { state in
            let now = Date()
            var newest = Array(state.batches.reversed())
            if let after = query["after_id"], let i = newest.firstIndex(where: { $0.id == after }) {
                newest = Array(newest[(i + 1)...])
            }
            let page = newest.prefix(limit)
            let data = page.map { $0.json(now: now, resultsBase: resultsBase) }.joined(separator: ",")
            return #"{"data":["# + data + #"],"has_more":"# + (newest.count > limit ? "true" : "false")
                + #","first_id":"# + (page.first.map { JSONString.quoted($0.id) } ?? "null")
                + #","last_id":"# + (page.last.map { JSONString.quoted($0.id) } ?? "null") + "}"
        }
    }

    /// The results JSONL, chunked, a line at a time (`resultLineInterval` apart).
    private func sendResults(_ id: String, _ headers: ReplyHeaders, on connection: Connection) throws -> Bool {
        let found = state.withLock { state -> (FakeBatch, Double)? in
            guard let batch = state.batches.first(where: { $0.id == id }), batch.status(at: Date()) == "ended" else { return nil }
            return (batch, state.config.batches.resultLineInterval)
        }
        guard let (batch, interval) = found else {
            return try sendJSONError(404, "No ended batch with id \(id).", headers, on: connection)
        }
        let writer = ResponseWriter(sink: connection, chunked: true)
        try writer.writeHead(status: 200, headers: headers.make(contentType: "application/binary", contentLength: nil))
        var pending: [UInt8] = []
        for (n, index) in batch.items.indices.reversed().enumerated() {
            if n > 0, interval > 0 { try connection.pause(interval) }
            pending += batch.resultLine(index)
            if interval > 0 || pending.count >= 1 << 16 {
                try writer.writeBody(pending)
                pending.removeAll(keepingCapacity: true)
            }
        }
        try writer.writeBody(pending)
        try writer.finish()
        return headers.keepAlive
    }

    private func sendJSON(_ json: String, _ headers: ReplyHeaders, on connection: Connection) throws -> Bool {
        let body = Array(json.utf8)
        let writer = ResponseWriter(sink: connection, chunked: false)
        try writer.writeHead(status: 200, headers: headers.make(contentType: "application/json", contentLength: body.count))
        try writer.writeBody(body)
        return headers.keepAlive
    }

    private func sendJSONError(_ status: Int, _ message: String, _ headers: ReplyHeaders, on connection: Connection) throws -> Bool {
        let body = AnthropicError.body(status: status, message: message, requestID: headers.requestID)
        try CommonReply.sendError(status: status, body: body, headers: [:], replyHeaders: headers, on: connection,
                                  progress: ReplyProgress())
        return headers.keepAlive
    }
}
