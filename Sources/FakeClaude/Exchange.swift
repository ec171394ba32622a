import TeachBack
import Foundation

/// One request being answered, with everything fixed at arrival: the scenario and fault
/// in force then, so a test replacing the config mid-stream does not bend this reply.
struct Exchange {
    let request: HTTPRequest
    let number: Int
    let kind: RequestKind
    let scenario: Scenario
    let fault: Fault?
    let model: String
    let pingAfterBlockStart: Bool

    var requestID: String { "req_fake_\(number)" }
    var messageID: String { "msg_fake_\(number)" }
    /// The reference's stand-in for a tokenizer: a token per four request bytes.
    var inputTokens: Int { request.body.count / 4 }
    /// HTTP/1.0 has no chunked encoding; such a stream ends by closing.
    var chunked: Bool { request.version != "HTTP/1.0" }
    var keepAlive: Bool { request.keepAlive }
    var replyHeaders: ReplyHeaders { ReplyHeaders(requestID: requestID, keepAlive: keepAlive) }
}

/// How far a response got, for the client-close record.
final class ReplyProgress {
    var headersSent = false
    var tokensSent = 0
}

/// Error replies and the fault behaviours both reply kinds share.
enum CommonReply {
    /// A JSON error response; a nil `body` is the reference's envelope for `status`.
    static func sendError(
        status: Int, body: String?, headers: [String: String], replyHeaders: ReplyHeaders,
        on sink: ResponseSink, progress: ReplyProgress
    ) throws {
        let text = (body ?? AnthropicError.body(status: status, requestID: replyHeaders.requestID))
            .replacingOccurrences(of: AnthropicError.requestIDPlaceholder, with: replyHeaders.requestID)
        let bytes = Array(text.utf8)
        let writer = ResponseWriter(sink: sink, chunked: false)
        try writer.writeHead(status: status, headers: replyHeaders.make(
            contentType: "application/json", contentLength: bytes.count, extra: headers))
        progress.headersSent = true
        try writer.writeBody(bytes)
    }

    /// Sends `bytes` a few at a time (`slowDrip`), watching for the client leaving between pieces.
    static func drip(_ bytes: [UInt8], bytesPerChunk: Int, interval: Double, on connection: Connection, progress: ReplyProgress) throws {
        let size = max(1, bytesPerChunk)
        var offset = 0
        while offset < bytes.count {
            if offset > 0 { try connection.pause(interval) }
            let end = min(offset + size, bytes.count)
            try connection.write(Array(bytes[offset..<end]))
            progress.headersSent = true
            offset = end
        }
    }

    /// `text` JSON-escaped, as bytes.
    static func escaped(_ text: String) -> [UInt8] {
        Array(JSONString.escaped(text).utf8)
    }

    /// The bytes that make `nonUTF8Body` invalid: a lone continuation-less lead and a BOM half.
    static let invalidUTF8: [UInt8] = [0xFF, 0xFE]
}
