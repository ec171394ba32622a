import Foundation

/// What one complete input is: a command, an explanation, or nothing. Commands are recognised
/// from the raw line before anything else, so an unknown `:word` never reaches the student.
package enum ParsedInput: Equatable, Sendable {
    case empty
    case command(name: String, args: String)
    case explanation(String)

    /// `:name args` is a command; `::text` is the explanation `:text`; anything else is an explanation.
    package static func parse(_ input: String) -> ParsedInput {
        let trimmed = input.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return .empty }
        if trimmed.hasPrefix("::") { return .explanation(String(trimmed.dropFirst())) }
        guard trimmed.hasPrefix(":") else { return .explanation(trimmed) }
        let body = trimmed.dropFirst()
        let name = body.prefix { !$0.isWhitespace }
        let args = body.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
        return .command(name: name.lowercased(), args: args)
    }
}

/// Resolves a typed command name against the known ones: an exact name wins, else a unique prefix.
package enum CommandMatch: Equatable, Sendable {
    case found(String)
    case ambiguous([String])
    case unknown

    package static func resolve(_ typed: String, among names: [String]) -> CommandMatch {
        if names.contains(typed) { return .found(typed) }
        let candidates = names.filter { $0.hasPrefix(typed) }.sorted()
        switch candidates.count {
        case 0: return .unknown
        case 1: return .found(candidates[0])
        default: return typed.isEmpty ? .unknown : .ambiguous(candidates)
        }
    }
}

/// Joins physical lines into one input: a `"""` line opens a block that another `"""` line closes,
/// and a trailing `\` continues the line on the next.
package struct InputAssembler: Sendable {
    private var lines: [String] = []
    private var inBlock = false
    private var continued = false

    package init() {}

    /// True while an input is incomplete (the prompt shows a continuation marker).
    package var isPending: Bool { inBlock || continued }

    /// Feeds one line; returns the complete input once there is one.
    package mutating func feed(_ line: String) -> String? {
        if inBlock {
            if line.trimmingCharacters(in: .whitespaces) == Self.fence { return finish() }
            lines.append(line)
            return nil
        }
        if !continued, line.trimmingCharacters(in: .whitespaces) == Self.fence {
            inBlock = true
            return nil
        }
        if line.hasSuffix("\\") {
            lines.append(String(line.dropLast()))
            continued = true
            return nil
        }
        lines.append(line)
        return finish()
    }

    /// Drops a half-typed input (Ctrl-C).
    package mutating func reset() { self = InputAssembler() }

    /// At the end of input: what was typed of an unfinished input, so it is not lost.
    package mutating func flush() -> String? {
        guard isPending else { return nil }
        let text = finish()
        return text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : text
    }

    static let fence = "\"\"\""

    private mutating func finish() -> String {
        defer { reset() }
        return lines.joined(separator: "\n")
    }
}
