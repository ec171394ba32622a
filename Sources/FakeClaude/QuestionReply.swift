/// Answers a `"stream": true` request: the SSE event sequence of the reference, paced by
/// the scenario and bent by the request's fault.
struct QuestionReply {
    let exchange: Exchange
    let progress: ReplyProgress

    private var scenario: Scenario { exchange.scenario }
    private var fault: Fault? { exchange.fault }

    /// Returns whether the connection may carry another request.
    func send(on connection: Connection) throws -> Bool {
        try connection.pause(scenario.latency)
        switch fault {
        case let .status(status, body, headers)?:
            try CommonReply.sendError(status: status, body: body, headers: headers,
                                      replyHeaders: exchange.replyHeaders, on: connection, progress: progress)
            return exchange.keepAlive
        case .closeAfterRequest?:
            throw CloseConnection()
        case let .slowDrip(bytesPerChunk, interval)?:
            let buffer = BufferSink()
            try stream(to: buffer, progress: ReplyProgress())
            try CommonReply.drip(buffer.bytes, bytesPerChunk: bytesPerChunk, interval: interval,
                                 on: connection, progress: progress)
        default:
            try stream(to: connection, progress: progress)
        }
        return exchange.keepAlive && exchange.chunked
    }

    /// The text deltas' payloads, already JSON-escaped.
    private func payloads() -> [[UInt8]] {
        switch fault {
        case let .hugeBody(bytes)?:
            let piece = [UInt8](repeating: UInt8(ascii: "x"), count: 16 * 1024)
            return Array(repeating: piece, count: max(1, (bytes + piece.count - 1) / piece.count))
        case let .malformedAnalysis(text)?:
            return [CommonReply.escaped(text)]
        case .nonUTF8Body?:
            var payloads = scenario.tokens.map(CommonReply.escaped)
            if payloads.isEmpty { payloads = [[]] }
            payloads[0] += CommonReply.invalidUTF8
            return payloads
        default:
            return scenario.tokens.map(CommonReply.escaped)
        }
    }

    /// After how many deltas the fault acts, for the faults that act inside the stream.
    private var faultPoint: Int? {
        switch fault {
        case let .errorEventMidStream(n, _)?, let .cutBeforeStop(n)?, let .endBeforeStop(n)?, let .stallMidStream(n, _)?:
            return max(0, n)
        default:
            return nil
        }
    }

    private func stream(to sink: ResponseSink, progress: ReplyProgress) throws {
        let writer = ResponseWriter(sink: sink, chunked: exchange.chunked)
        try writer.writeHead(status: 200, headers: exchange.replyHeaders.make(
            contentType: "text/event-stream; charset=utf-8", contentLength: nil,
            extra: ["cache-control": "no-cache"]))
        progress.headersSent = true
        if case let .stallAfterHeaders(seconds)? = fault { try sink.pause(seconds) }

        try writer.writeBody(SSEEvents.messageStart(id: exchange.messageID, model: exchange.model,
                                                    inputTokens: exchange.inputTokens))
        try writer.writeBody(SSEEvents.contentBlockStart)
        if exchange.pingAfterBlockStart { try writer.writeBody(SSEEvents.ping) }
        try sink.pause(scenario.firstTokenDelay)

        let payloads = payloads()
        let point = faultPoint.map { min($0, payloads.count) }
        for (index, payload) in payloads.enumerated() {
            if index > 0 { try sink.pause(scenario.tokenInterval) }
            if index == point, try actOnFault(writer) { return }
            try writer.writeBody(SSEEvents.textDelta(escapedText: payload))
            progress.tokensSent = index + 1
        }
        let pastLastToken = point == payloads.count
        if pastLastToken, !endsAfterMessageDelta, try actOnFault(writer) { return }
        try writer.writeBody(SSEEvents.contentBlockStop)
        try writer.writeBody(SSEEvents.messageDelta(outputTokens: payloads.count))
        if pastLastToken, endsAfterMessageDelta, try actOnFault(writer) { return }
        try writer.writeBody(SSEEvents.messageStop)
        try writer.finish()
    }

    /// Cut and clean-end faults placed past the last token leave out only `message_stop`.
    private var endsAfterMessageDelta: Bool {
        switch fault {
        case .cutBeforeStop?, .endBeforeStop?: true
        default: false
        }
    }

    /// Performs an in-stream fault; true when the response is over.
    private func actOnFault(_ writer: ResponseWriter) throws -> Bool {
        switch fault {
        case let .errorEventMidStream(_, type)?:
            let status = AnthropicError.status(forType: type)
            let message = AnthropicError.messages[status] ?? type
            try writer.writeBody(SSEEvents.error(type: type, message: message))
            try writer.finish()
            return true
        case .cutBeforeStop?:
            throw CloseConnection()
        case .endBeforeStop?:
            try writer.finish()
            return true
        case let .stallMidStream(_, seconds)?:
            try writer.sink.pause(seconds)
            return false
        default:
            return false
        }
    }
}
