import Foundation
import TeachBack

/// The body of `POST /v1/messages`. Optional fields are left out of the JSON when nil,
/// because some models reject `temperature` outright.
package struct MessageRequest: Codable, Sendable, Equatable {
    package enum Role: String, Codable, Sendable {
        case user, assistant
    }

    package struct Message: Codable, Sendable, Equatable {
        package var role: Role
        package var content: String
        /// Marks the end of a prompt-caching prefix: the content goes out as one text block with
        /// `cache_control: {"type": "ephemeral"}` instead of a plain string.
        package var cached: Bool

        package init(role: Role, content: String, cached: Bool = false) {
            self.role = role
            self.content = content
            self.cached = cached
        }

        private struct TextBlock: Codable, Equatable {
            struct CacheControl: Codable, Equatable { var type = "ephemeral" }
            var type = "text"
            var text: String
            var cacheControl: CacheControl?
            enum CodingKeys: String, CodingKey { case type, text, cacheControl = "cache_control" }
        }

        enum CodingKeys: String, CodingKey { case role, content }

        package init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            role = try c.decode(Role.self, forKey: .role)
            if let text = try? c.decode(String.self, forKey: .content) {
                content = text
                cached = false
            } else {
                let blocks = try c.decode([TextBlock].self, forKey: .content)
                content = blocks.map(\.text).joined()
                cached = blocks.contains { $0.cacheControl != nil }
            }
        }

        package func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(role, forKey: .role)
            if cached {
                try c.encode([TextBlock(text: content, cacheControl: .init())], forKey: .content)
            } else {
                try c.encode(content, forKey: .content)
            }
        }
    }

    package struct Metadata: Codable, Sendable, Equatable {
        package var userID: String?

        package init(userID: String?) {
            self.userID = userID
        }

        enum CodingKeys: String, CodingKey {
            case userID = "user_id"
        }
    }

    package var model: String
    package var maxTokens: Int
    package var messages: [Message]
    package var system: String?
    package var temperature: Double?
    package var stream: Bool?
    package var metadata: Metadata?

    package init(
        model: String, maxTokens: Int, messages: [Message], system: String? = nil,
        temperature: Double? = nil, stream: Bool? = nil, metadata: Metadata? = nil
    ) {
        self.model = model
        self.maxTokens = maxTokens
        self.messages = messages
        self.system = system
        self.temperature = temperature
        self.stream = stream
        self.metadata = metadata
    }

    enum CodingKeys: String, CodingKey {
        case model
        case maxTokens = "max_tokens"
        case messages, system, temperature, stream, metadata
    }
}

/// Token counts of one call: the core's type, whose JSON keys are the API's.
package typealias Usage = TokenUsage

/// A non-streaming reply.
package struct MessageResponse: Codable, Sendable, Equatable {
    /// Any content block; only text blocks carry `text`, other kinds are kept but unread.
    package struct ContentBlock: Codable, Sendable, Equatable {
        package var type: String
        package var text: String?

        package init(type: String, text: String? = nil) {
            self.type = type
            self.text = text
        }
    }

    package var id: String
    package var type: String
    package var role: String
    package var content: [ContentBlock]
    package var model: String
    package var stopReason: String?
    package var usage: Usage

    package init(
        id: String, type: String = "message", role: String = "assistant", content: [ContentBlock],
        model: String, stopReason: String?, usage: Usage
    ) {
        self.id = id
        self.type = type
        self.role = role
        self.content = content
        self.model = model
        self.stopReason = stopReason
        self.usage = usage
    }

    /// The text blocks joined, which is all this program asks Claude for.
    package var text: String {
        content.filter { $0.type == "text" }.compactMap(\.text).joined()
    }

    enum CodingKeys: String, CodingKey {
        case id, type, role, content, model, usage
        case stopReason = "stop_reason"
    }
}

/// One event of a streamed reply, reduced to what following the stream needs.
package enum StreamEvent: Sendable, Equatable {
    case messageStart(inputTokens: Int)
    case textDelta(String)
    /// `outputTokens` is cumulative for the whole reply, not an increment.
    case messageDelta(stopReason: String?, outputTokens: Int?)
    case messageStop
    case ping
    /// The server reported a failure inside a stream that had started with HTTP 200.
    case error(APIError)
    /// Anything else (block boundaries, non-text deltas, event types added later): ignored.
    case other(type: String)

    /// Dispatches on the SSE event name, as the SDKs do. A known event whose data does not
    /// decode throws an "invalid_response" error: the reply can no longer be trusted.
    package init(_ event: SSEEvent, requestID: String? = nil) throws(APIError) {
        switch event.type {
        case "message_start":
            let payload = try Self.decode(MessageStartPayload.self, from: event, requestID: requestID)
            self = .messageStart(inputTokens: payload.message.usage?.inputTokens ?? 0)
        case "content_block_start":
            let payload = try Self.decode(BlockStartPayload.self, from: event, requestID: requestID)
            let block = payload.contentBlock
            if block.type == "text", let text = block.text, !text.isEmpty {
                self = .textDelta(text)
            } else {
                self = .other(type: event.type)
            }
        case "content_block_delta":
            let payload = try Self.decode(BlockDeltaPayload.self, from: event, requestID: requestID)
            guard payload.delta.type == "text_delta" else {
                self = .other(type: event.type)
                return
            }
            guard let text = payload.delta.text else {
                throw Self.malformed(event, requestID: requestID)
            }
            self = .textDelta(text)
        case "message_delta":
            let payload = try Self.decode(MessageDeltaPayload.self, from: event, requestID: requestID)
            self = .messageDelta(stopReason: payload.delta.stopReason, outputTokens: payload.usage?.outputTokens)
        case "message_stop":
            self = .messageStop
        case "ping":
            self = .ping
        case "error":
            self = .error(APIError.fromStreamEvent(data: event.data, requestID: requestID))
        default:
            self = .other(type: event.type)
        }
    }

    private static func decode<Payload: Decodable>(
        _: Payload.Type, from event: SSEEvent, requestID: String?
    ) throws(APIError) -> Payload {
        do {
            return try JSONDecoder().decode(Payload.self, from: Data(event.data.utf8))
        } catch {
            throw malformed(event, requestID: requestID)
        }
    }

    private static func malformed(_ event: SSEEvent, requestID: String?) -> APIError {
        APIError(
            type: "invalid_response",
            message: "malformed \(event.type) event: \(event.data.prefix(120))",
            requestID: requestID
        )
    }
}

/// Token counts as streams report them: each event carries only some of them.
private struct PartialUsage: Decodable {
    var inputTokens: Int?
    var outputTokens: Int?

    enum CodingKeys: String, CodingKey {
        case inputTokens = "input_tokens"
        case outputTokens = "output_tokens"
    }
}

private struct MessageStartPayload: Decodable {
    struct Message: Decodable {
        var usage: PartialUsage?
    }

    var message: Message
}

private struct BlockStartPayload: Decodable {
    var contentBlock: MessageResponse.ContentBlock

    enum CodingKeys: String, CodingKey {
        case contentBlock = "content_block"
    }
}

private struct BlockDeltaPayload: Decodable {
    struct Delta: Decodable {
        var type: String
        var text: String?
    }

    var delta: Delta
}

private struct MessageDeltaPayload: Decodable {
    struct Delta: Decodable {
        var stopReason: String?

        enum CodingKeys: String, CodingKey {
            case stopReason = "stop_reason"
        }
    }

    var delta: Delta
    var usage: PartialUsage?
}
