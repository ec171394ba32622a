/// How a request is answered, decided (and recorded) when it arrives.
enum Route {
    case question(Exchange)
    case analysis(Exchange)
    /// 400 for an invalid messages body, 404 for an unknown path.
    case error(status: Int, message: String, headers: ReplyHeaders)
    case models(ReplyHeaders)
    /// A Message Batches call, with the fault it consumed.
    case batch(BatchCall, HTTPRequest, Fault?, ReplyHeaders)
}

extension FakeClaudeServer {
    /// Numbers, records and routes a request; takes the next fault of its kind (a queued one,
    /// else a `failRate` draw). Requests rejected with 400 consume no fault.
    func route(_ request: HTTPRequest, connectionID: Int) -> Route {
        let isMessages = request.method == "POST" && request.path.hasSuffix("/v1/messages")
        let isModels = request.method == "GET" && request.path.hasSuffix("/v1/models")
        let summary = isMessages ? MessagesRequestSummary(body: request.body) : MessagesRequestSummary()
        let batchCall = BatchCall(request)
        let kind: RequestKind = batchCall?.kind ?? (isMessages ? (summary.stream ? .question : .analysis) : .other)
        let arrival = ContinuousClock.now
        return state.withLock { state in
            let number = state.nextRequestNumber
            state.nextRequestNumber += 1
            let config = state.config
            let invalid = isMessages && config.validateRequests ? summary.validationError : nil
            var fault: Fault?
            if (isMessages && invalid == nil) || batchCall != nil {
                if let queued = state.faults[kind], let first = queued.first {
                    fault = first
                    state.faults[kind] = Array(queued.dropFirst())
                } else {
                    fault = RandomFaults.draw(rate: config.failRate, kind: kind,
                                              tokenCount: config.question.tokens.count, using: &state.generator)
                }
            }
            state.requests.append(RecordedRequest(
                number: number, kind: kind, method: request.method, path: request.path,
                headers: request.headers, body: request.body, arrival: arrival,
                connectionID: connectionID, fault: fault, summary: summary))

            let headers = ReplyHeaders(requestID: "req_fake_\(number)", keepAlive: request.keepAlive)
            if let batchCall { return .batch(batchCall, request, fault, headers) }
            guard isMessages else {
                return isModels ? .models(headers)
                    : .error(status: 404, message: "Not found: \(request.method) \(request.path)", headers: headers)
            }
            if let invalid { return .error(status: 400, message: invalid, headers: headers) }
            let exchange = Exchange(
                request: request, number: number, kind: kind, scenario: config.scenario(for: kind),
                fault: fault, model: config.model ?? summary.model ?? ModelsList.id,
                pingAfterBlockStart: config.pingAfterBlockStart)
            return kind == .question ? .question(exchange) : .analysis(exchange)
        }
    }
}
