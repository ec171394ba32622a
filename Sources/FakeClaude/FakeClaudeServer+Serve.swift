#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A connection's thread: reads requests one after another (keep-alive), records and routes
/// each, answers it, and notes when the client left before its answer was complete.
extension FakeClaudeServer {
    func serveConnection(fd: Int32, id: Int) {
        let connection = Connection(fd: fd)
        defer {
            state.withLock { state in
                // Closed under the lock, so `stop()` never shuts down a reused descriptor.
                state.connections[id] = nil
                close(fd)
                state.liveConnectionThreads -= 1
            }
        }
        while true {
            switch connection.readRequest() {
            case .closed:
                return
            case let .malformed(status, message):
                let number = state.withLock { state in
                    defer { state.nextRequestNumber += 1 }
                    return state.nextRequestNumber
                }
                let headers = ReplyHeaders(requestID: "req_fake_\(number)", keepAlive: false)
                let body = AnthropicError.body(status: status, message: message, requestID: headers.requestID)
                try? CommonReply.sendError(status: status, body: body, headers: [:], replyHeaders: headers,
                                           on: connection, progress: ReplyProgress())
                return
            case let .request(request):
                guard answer(request, on: connection, connectionID: id) else { return }
            }
        }
    }

    /// Answers one request; false when the connection must close afterwards.
    private func answer(_ request: HTTPRequest, on connection: Connection, connectionID: Int) -> Bool {
        let progress = ReplyProgress()
        let route = route(request, connectionID: connectionID)
        do {
            switch route {
            case let .question(exchange):
                return try QuestionReply(exchange: exchange, progress: progress).send(on: connection)
            case let .analysis(exchange):
                return try AnalysisReply(exchange: exchange, progress: progress).send(on: connection)
            case let .error(status, message, headers):
                let body = AnthropicError.body(status: status, message: message, requestID: headers.requestID)
                try CommonReply.sendError(status: status, body: body, headers: [:], replyHeaders: headers,
                                          on: connection, progress: progress)
                return headers.keepAlive
            case let .batch(call, request, fault, headers):
                return try answerBatch(call, request: request, fault: fault, headers: headers, on: connection)
            case let .models(headers):
                let body = Array(ModelsList.json.utf8)
                let writer = ResponseWriter(sink: connection, chunked: false)
                try writer.writeHead(status: 200, headers: headers.make(contentType: "application/json",
                                                                       contentLength: body.count))
                try writer.writeBody(body)
                return headers.keepAlive
            }
        } catch let closed as PeerClosed {
            if case let .question(exchange) = route { noteClientClose(exchange, connectionID, progress, closed.at) }
            if case let .analysis(exchange) = route { noteClientClose(exchange, connectionID, progress, closed.at) }
            return false
        } catch {
            return false  // CloseConnection: a fault or protocol decision to hang up.
        }
    }

    private func noteClientClose(_ exchange: Exchange, _ connectionID: Int, _ progress: ReplyProgress,
                                 _ at: ContinuousClock.Instant) {
        let close = ClientClose(requestNumber: exchange.number, kind: exchange.kind, connectionID: connectionID,
                                noticedAt: at, headersSent: progress.headersSent, tokensSent: progress.tokensSent)
        state.withLock { state in
            // Hang-ups caused by `stop()` are the server's doing, not the client's.
            if !state.stopping { state.clientCloses.append(close) }
        }
    }
}

/// `GET …/v1/models`: one fake model, enough for a "doctor" style check.
enum ModelsList {
    static let id = "claude-fake-1"
    static let json = #"{"data":[{"type":"model","id":""# + id
        + #"","display_name":"Fake Claude","created_at":"2025-01-01T00:00:00Z"}],"has_more":false,"first_id":""#
        + id + #"","last_id":""# + id + #""}"#
}
