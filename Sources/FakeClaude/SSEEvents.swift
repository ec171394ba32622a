import TeachBack
/// The Messages streaming events, byte for byte in the real API's shape and key order.
enum SSEEvents {
    /// One event: `event:` line, `data:` line, blank line.
    static func event(_ name: String, _ data: [UInt8]) -> [UInt8] {
        Array("event: \(name)\ndata: ".utf8) + data + [10, 10]
    }

    static func event(_ name: String, _ data: String) -> [UInt8] {
        event(name, Array(data.utf8))
    }

    static func messageStart(id: String, model: String, inputTokens: Int) -> [UInt8] {
        event("message_start",
              #"{"type":"message_start","message":{"id":"# + JSONString.quoted(id)
                + #","type":"message","role":"assistant","model":"# + JSONString.quoted(model)
                + #","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":"#
                + "\(inputTokens)" + #","output_tokens":1}}}"#)
    }

    static let contentBlockStart = event(
        "content_block_start", #"{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}"#)

    static let ping = event("ping", #"{"type": "ping"}"#)

    /// A text delta; `escapedText` is already JSON-escaped (it may hold invalid UTF-8 on purpose).
    static func textDelta(escapedText: [UInt8]) -> [UInt8] {
        event("content_block_delta",
              Array(#"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":""#.utf8)
                + escapedText + Array(#""}}"#.utf8))
    }

    static let contentBlockStop = event("content_block_stop", #"{"type":"content_block_stop","index":0}"#)

    static func messageDelta(outputTokens: Int) -> [UInt8] {
        event("message_delta",
              #"{"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":"#
                + "\(outputTokens)}}")
    }

    static let messageStop = event("message_stop", #"{"type":"message_stop"}"#)

    static func error(type: String, message: String) -> [UInt8] {
        event("error", #"{"type":"error","error":{"type":"# + JSONString.quoted(type)
              + #","message":"# + JSONString.quoted(message) + "}}")
    }
}
