import Foundation

/// The parts of a Messages request body tests assert on, decoded from the raw bytes.
package struct MessagesRequestSummary: Sendable, Equatable {
    /// The body parsed as a JSON object.
    package var isJSONObject = false
    package var model: String?
    /// `system` as a string, or its text blocks joined with "\n".
    package var system: String?
    package var stream = false
    package var temperature: Double?
    package var maxTokens: Int?
    package var messageCount = 0
    /// The first `user` message's text (a string, or its text blocks joined with "\n").
    package var firstUserText: String?
    /// What the real API would reject with 400, if anything.
    package var validationError: String?

    package init() {}

    package init(body: [UInt8]) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
            validationError = "The request body is not valid JSON."
            return
        }
        isJSONObject = true
        model = object["model"] as? String
        system = Self.text(object["system"])
        stream = (object["stream"] as? Bool) ?? false
        temperature = (object["temperature"] as? NSNumber)?.doubleValue
        maxTokens = Self.integer(object["max_tokens"])
        let messages = object["messages"] as? [[String: Any]] ?? []
        messageCount = messages.count
        firstUserText = messages.first { $0["role"] as? String == "user" }.flatMap { Self.text($0["content"]) }

        if model?.isEmpty ?? true {
            validationError = "model: Field required"
        } else if maxTokens == nil {
            validationError = "max_tokens: Field required"
        } else if messages.isEmpty {
            validationError = "messages: at least one message is required"
        }
    }

    /// A string, or the `text` of an array of text blocks.
    private static func text(_ value: Any?) -> String? {
        if let string = value as? String { return string }
        guard let blocks = value as? [[String: Any]] else { return nil }
        return blocks.compactMap { $0["text"] as? String }.joined(separator: "\n")
    }

    /// An integral JSON number (JSONSerialization gives NSNumber; fractions are rejected).
    private static func integer(_ value: Any?) -> Int? {
        guard let number = value as? NSNumber else { return nil }
        let double = number.doubleValue
        guard double == double.rounded(), abs(double) < 1e15 else { return nil }
        return Int(double)
    }
}
