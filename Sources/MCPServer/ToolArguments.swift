import Foundation
import MCP

/// A tool call that cannot be done as asked: returned to the client as a tool error
/// (`isError: true`) with this message, never thrown through the server.
struct ToolError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// One argument a tool takes: its JSON type, what it means, whether it is required.
struct Parameter: Sendable {
    enum Kind: String, Sendable { case string, integer, object }
    var name: String
    var kind: Kind
    var description: String
    var required = true
    /// For strings: the allowed values, when there is a fixed set.
    var choices: [String]? = nil

    var schema: Value {
        var schema: [String: Value] = ["type": .string(kind.rawValue), "description": .string(description)]
        if let choices { schema["enum"] = .array(choices.map(Value.string)) }
        return .object(schema)
    }
}

/// A call's arguments checked against the tool's parameters: a missing, unknown or wrong-typed
/// argument is a `ToolError` naming it, so a client learns exactly what to fix.
struct ToolArguments {
    private let values: [String: Value]
    private let tool: String

    init(_ values: [String: Value]?, for tool: String, parameters: [Parameter]) throws(ToolError) {
        self.values = values ?? [:]
        self.tool = tool
        let known = Set(parameters.map(\.name))
        if let unknown = self.values.keys.sorted().first(where: { !known.contains($0) }) {
            throw ToolError("\(tool): unknown argument '\(unknown)' (it takes \(parameters.map(\.name).joined(separator: ", ")))")
        }
        for parameter in parameters {
            guard let value = self.values[parameter.name], !value.isNull else {
                if parameter.required { throw ToolError("\(tool): missing argument '\(parameter.name)'") }
                continue
            }
            guard Self.matches(value, parameter.kind) else {
                throw ToolError("\(tool): argument '\(parameter.name)' must be \(parameter.kind == .integer ? "an" : "a") \(parameter.kind.rawValue)")
            }
            if let choices = parameter.choices, let text = value.stringValue, !choices.contains(text) {
                throw ToolError("\(tool): '\(text)' is not one of \(choices.joined(separator: ", ")) for '\(parameter.name)'")
            }
        }
    }

    private static func matches(_ value: Value, _ kind: Parameter.Kind) -> Bool {
        switch kind {
        case .string: value.stringValue != nil
        case .integer: value.intValue != nil || value.doubleValue.map { $0 == $0.rounded() && abs($0) < 1e15 } == true
        case .object: value.objectValue != nil
        }
    }

    func string(_ name: String) -> String? { values[name]?.stringValue }
    func integer(_ name: String) -> Int? { values[name]?.intValue ?? values[name]?.doubleValue.map { Int($0) } }
    func value(_ name: String) -> Value? { values[name] }

    /// A string argument that must say something: not empty, and at most `limit` bytes.
    func text(_ name: String, limit: Int) throws(ToolError) -> String {
        let text = (string(name) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw ToolError("\(tool): '\(name)' is empty") }
        guard text.utf8.count <= limit else {
            throw ToolError("\(tool): '\(name)' is \(text.utf8.count) bytes; at most \(limit) are taken")
        }
        return text
    }
}
