import TeachBack
/// Answers a non-streaming request with one Messages JSON body whose text is the analysis,
/// bent by the request's fault (mid-body faults act at half the body).
struct AnalysisReply {
    let exchange: Exchange
    let progress: ReplyProgress

    private var fault: Fault? { exchange.fault }

    /// Returns whether the connection may carry another request.
    func send(on connection: Connection) throws -> Bool {
        try connection.pause(exchange.scenario.latency)
        switch fault {
        case let .status(status, body, headers)?:
            try CommonReply.sendError(status: status, body: body, headers: headers,
                                      replyHeaders: exchange.replyHeaders, on: connection, progress: progress)
        case let .errorEventMidStream(_, type)?:
            let status = AnthropicError.status(forType: type)
            let body = AnthropicError.body(status: status, type: type, requestID: exchange.requestID)
            try CommonReply.sendError(status: status, body: body, headers: [:],
                                      replyHeaders: exchange.replyHeaders, on: connection, progress: progress)
        case .closeAfterRequest?:
            throw CloseConnection()
        case let .slowDrip(bytesPerChunk, interval)?:
            let buffer = BufferSink()
            try reply(to: buffer, progress: ReplyProgress())
            try CommonReply.drip(buffer.bytes, bytesPerChunk: bytesPerChunk, interval: interval,
                                 on: connection, progress: progress)
        default:
            try reply(to: connection, progress: progress)
        }
        return exchange.keepAlive
    }

    private func reply(to sink: ResponseSink, progress: ReplyProgress) throws {
        let body = messageBody()
        let writer = ResponseWriter(sink: sink, chunked: false)
        try writer.writeHead(status: 200, headers: exchange.replyHeaders.make(
            contentType: "application/json", contentLength: body.count))
        progress.headersSent = true
        if case let .stallAfterHeaders(seconds)? = fault { try sink.pause(seconds) }
        let half = body.count / 2
        switch fault {
        case .cutBeforeStop?, .endBeforeStop?:
            try writer.writeBody(Array(body[0..<half]))
            throw CloseConnection()
        case let .stallMidStream(_, seconds)?:
            try writer.writeBody(Array(body[0..<half]))
            try sink.pause(seconds)
            try writer.writeBody(Array(body[half...]))
        default:
            try writer.writeBody(body)
        }
    }

    /// The Messages response, keys in the real API's order.
    private func messageBody() -> [UInt8] {
        var text = CommonReply.escaped(exchange.scenario.analysisText)
        switch fault {
        case let .malformedAnalysis(malformed)?: text = CommonReply.escaped(malformed)
        case .nonUTF8Body?: text = CommonReply.invalidUTF8 + text
        default: break
        }
        func body(_ text: [UInt8]) -> [UInt8] {
            MessageJSON.bytes(id: exchange.messageID, model: exchange.model, escapedText: text, inputTokens: exchange.inputTokens)
        }
        guard case let .hugeBody(bytes)? = fault else { return body(text) }
        let padding = max(0, bytes - body(text).count)
        return body(text + [UInt8](repeating: UInt8(ascii: " "), count: padding))
    }
}

/// A Messages response body, keys in the real API's order: the non-streaming reply and each
/// succeeded batch result carry the same object.
enum MessageJSON {
    static func bytes(id: String, model: String, escapedText text: [UInt8], inputTokens: Int) -> [UInt8] {
        Array((#"{"id":"# + JSONString.quoted(id)
               + #","type":"message","role":"assistant","model":"# + JSONString.quoted(model)
               + #","content":[{"type":"text","text":""#).utf8)
            + text
            + Array((#""}],"stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":"#
                     + "\(inputTokens)" + #","output_tokens":"# + "\(max(1, text.count / 4))}}").utf8)
    }
}
