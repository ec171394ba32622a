/// Why one imported record was skipped, in words a user can act on: the path to the value and
/// what was wrong with it (`analyses[1].clarity_score: expected a number`), not DecodingError's dump.
public struct ImportProblem: Error, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }

    public init(message: String) { self.message = message }

    init(_ error: DecodingError) {
        func path(_ keys: [any CodingKey]) -> String {
            var out = ""
            for key in keys {
                if let index = key.intValue { out += "[\(index)]" } else { out += (out.isEmpty ? "" : ".") + key.stringValue }
            }
            return out
        }
        func at(_ keys: [any CodingKey]) -> String { keys.isEmpty ? "" : path(keys) + ": " }
        switch error {
        case .typeMismatch(let type, let context):
            message = at(context.codingPath) + "expected " + Self.name(type)
        case .valueNotFound(let type, let context):
            message = at(context.codingPath) + "expected " + Self.name(type) + ", got null"
        case .keyNotFound(let key, let context):
            message = (context.codingPath.isEmpty ? "" : path(context.codingPath) + ": ") + "'\(key.stringValue)' is missing"
        case .dataCorrupted(let context):
            message = context.codingPath.isEmpty ? "not valid JSON (or not UTF-8)" : at(context.codingPath) + context.debugDescription
        @unknown default:
            message = "not a session record"
        }
    }

    private static func name(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type, is Int.Type, is Float.Type: "a number"
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        default: String(describing: type).hasPrefix("Array") ? "a list" : "an object"
        }
    }
}
