@testable import Claude
import TeachBack
import Foundation
import Testing

private func jsonObject(_ request: MessageRequest) throws -> [String: Any] {
    let data = try JSONEncoder().encode(request)
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
}

private func streamEvent(_ type: String, _ data: String) throws(APIError) -> StreamEvent {
    try StreamEvent(SSEEvent(type: type, data: data), requestID: "req_1")
}

// MARK: Request

@Test func requestLeavesOutUnsetOptionalFields() throws {
    let request = MessageRequest(model: "claude-x", maxTokens: 300, messages: [.init(role: .user, content: "hi")])
    let object = try jsonObject(request)
    #expect(Set(object.keys) == ["model", "max_tokens", "messages"])
    #expect(object["max_tokens"] as? Int == 300)
    let messages = try #require(object["messages"] as? [[String: String]])
    #expect(messages == [["role": "user", "content": "hi"]])
}

@Test func requestWritesSetFieldsInSnakeCase() throws {
    let request = MessageRequest(
        model: "claude-x", maxTokens: 50,
        messages: [.init(role: .user, content: "a"), .init(role: .assistant, content: "b")],
        system: "be a student", temperature: 0.7, stream: true, metadata: .init(userID: "u1")
    )
    let object = try jsonObject(request)
    #expect(Set(object.keys) == ["model", "max_tokens", "messages", "system", "temperature", "stream", "metadata"])
    #expect(object["temperature"] as? Double == 0.7)
    #expect(object["stream"] as? Bool == true)
    #expect(object["metadata"] as? [String: String] == ["user_id": "u1"])
    let decoded = try JSONDecoder().decode(MessageRequest.self, from: JSONEncoder().encode(request))
    #expect(decoded == request)
}

// MARK: Response

@Test func decodesAResponseAndToleratesUnknownBlocks() throws {
    let json = #"""
        {"id":"msg_1","type":"message","role":"assistant","model":"claude-x",
         "content":[{"type":"thinking","thinking":"hmm","signature":"s"},
                    {"type":"text","text":"Why "},
                    {"type":"tool_use","id":"t","name":"n","input":{}},
                    {"type":"text","text":"so?"}],
         "stop_reason":"end_turn","stop_sequence":null,
         "usage":{"input_tokens":12,"output_tokens":5,"cache_read_input_tokens":0}}
        """#
    let response = try JSONDecoder().decode(MessageResponse.self, from: Data(json.utf8))
    #expect(response.id == "msg_1")
    #expect(response.content.map(\.type) == ["thinking", "text", "tool_use", "text"])
    #expect(response.text == "Why so?")
    #expect(response.stopReason == "end_turn")
    #expect(response.usage == Usage(inputTokens: 12, outputTokens: 5))
}

@Test func stopReasonMayBeNull() throws {
    let json = #"""
        {"id":"m","type":"message","role":"assistant","model":"x","content":[],
         "stop_reason":null,"usage":{"input_tokens":1,"output_tokens":0}}
        """#
    let response = try JSONDecoder().decode(MessageResponse.self, from: Data(json.utf8))
    #expect(response.stopReason == nil)
    #expect(response.text == "")
}

@Test func usageAdds() {
    #expect(Usage(inputTokens: 1, outputTokens: 2) + Usage(inputTokens: 10, outputTokens: 20) == Usage(inputTokens: 11, outputTokens: 22))
    #expect(Usage() + Usage() == Usage())
}

// MARK: Stream events

@Test func decodesTheStreamEventsItFollows() throws {
    #expect(try streamEvent("message_start", #"""
        {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],
         "model":"x","stop_reason":null,"usage":{"input_tokens":25,"output_tokens":1}}}
        """#) == .messageStart(inputTokens: 25))
    #expect(try streamEvent("content_block_delta",
        #"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Why"}}"#) == .textDelta("Why"))
    #expect(try streamEvent("message_delta",
        #"{"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":15}}"#)
        == .messageDelta(stopReason: "end_turn", outputTokens: 15))
    #expect(try streamEvent("message_delta", #"{"type":"message_delta","delta":{}}"#)
        == .messageDelta(stopReason: nil, outputTokens: nil))
    #expect(try streamEvent("message_stop", #"{"type":"message_stop"}"#) == .messageStop)
    #expect(try streamEvent("ping", #"{"type": "ping"}"#) == .ping)
}

@Test func contentBlockStartCarriesTextOnlyWhenThereIsSome() throws {
    #expect(try streamEvent("content_block_start",
        #"{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}"#)
        == .other(type: "content_block_start"))
    #expect(try streamEvent("content_block_start",
        #"{"type":"content_block_start","index":0,"content_block":{"type":"text","text":"Hi"}}"#) == .textDelta("Hi"))
    #expect(try streamEvent("content_block_start",
        #"{"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"t","name":"n","input":{}}}"#)
        == .other(type: "content_block_start"))
}

@Test func ignoresUnknownEventsAndNonTextDeltas() throws {
    #expect(try streamEvent("content_block_delta",
        #"{"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"{"}}"#)
        == .other(type: "content_block_delta"))
    #expect(try streamEvent("content_block_stop", #"{"type":"content_block_stop","index":0}"#)
        == .other(type: "content_block_stop"))
    #expect(try streamEvent("future_event", "not even json") == .other(type: "future_event"))
    #expect(try streamEvent("message", "data without an event name") == .other(type: "message"))
}

@Test func errorEventBecomesAnAPIError() throws {
    let event = try streamEvent("error", #"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"#)
    #expect(event == .error(APIError(type: "overloaded_error", message: "Overloaded", requestID: "req_1")))
}

@Test(arguments: [
    ("message_start", "{"),
    ("message_start", #"{"type":"message_start"}"#),
    ("content_block_delta", #"{"type":"content_block_delta","delta":{"type":"text_delta"}}"#),
    ("content_block_delta", #"{"delta":{"type":"text_delta","text":7}}"#),
    ("message_delta", "[]"),
    ("content_block_start", ""),
])
func malformedKnownEventsThrowInvalidResponse(type: String, data: String) {
    let error = #expect(throws: APIError.self) { try streamEvent(type, data) }
    #expect(error?.type == "invalid_response")
    #expect(error?.requestID == "req_1")
    #expect(error?.status == nil)
}

@Test func followsAWholeStreamFromTheWire() throws {
    let wire = """
        event: message_start
        data: {"type":"message_start","message":{"id":"m","usage":{"input_tokens":9,"output_tokens":1}}}

        event: content_block_start
        data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

        event: ping
        data: {"type": "ping"}

        event: content_block_delta
        data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Why does "}}

        event: content_block_delta
        data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"it stop?"}}

        event: content_block_stop
        data: {"type":"content_block_stop","index":0}

        event: message_delta
        data: {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":4}}

        event: message_stop
        data: {"type":"message_stop"}


        """
    var decoder = SSEDecoder()
    let events = try (decoder.feed(Array(wire.utf8)) + decoder.finish()).map { try StreamEvent($0) }
    let text = events.map { if case .textDelta(let piece) = $0 { piece } else { "" } }.joined()
    #expect(text == "Why does it stop?")
    #expect(events.first == .messageStart(inputTokens: 9))
    #expect(events.suffix(2) == [.messageDelta(stopReason: "end_turn", outputTokens: 4), .messageStop])
}
