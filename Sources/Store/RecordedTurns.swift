import Foundation
import TeachBack

/// The explanations of a recorded session and what was recorded about each, for rescoring:
/// from our export (`turns`, with Claude's analysis when it answered) or from the original
/// service's dict (user messages of `conversation_history`, paired with `analyses`).
public struct RecordedSession: Sendable {
    public struct Turn: Sendable {
        public var number: Int
        public var explanation: String
        /// Claude's analysis at the time, if any.
        public var recorded: Analysis?
    }

    public var id: String
    public var topic: String
    public var mode: String
    public var turns: [Turn]

    public static func parse(_ bytes: [UInt8], line: Int) throws(RecordError) -> RecordedSession {
        let members: [String: JSONScanner.Value]
        do {
            members = try bytes.withUnsafeBufferPointer { buf throws(JSONScanner.Failure) in
                var scanner = JSONScanner(buf)
                return try scanner.members(["id", "topic", "mode", "turns", "conversation_history", "analyses"])
            }
        } catch {
            throw RecordError(line: line, message: error.description)
        }
        let id = members["id"]?.string ?? "line-\(line)"
        let topic = members["topic"]?.string ?? ""
        let mode = members["mode"]?.string ?? "socratic"
        if case .array(let turns)? = members["turns"] {
            return RecordedSession(id: id, topic: topic, mode: mode, turns: turns.enumerated().compactMap { i, value in
                guard case .object(let turn) = value, let explanation = turn["explanation"]?.string else { return nil }
                let number = turn["number"]?.number.flatMap { Int(exactly: $0) } ?? i + 1
                return Turn(number: number, explanation: explanation, recorded: turn["claude_analysis"]?.analysis)
            })
        }
        var explanations: [String] = []
        if case .array(let history)? = members["conversation_history"] {
            for case .object(let message) in history where message["role"]?.string == "user" {
                explanations.append(message["content"]?.string ?? "")
            }
        }
        var analyses: [Analysis] = []
        if case .array(let items)? = members["analyses"] { analyses = items.compactMap(\.analysis) }
        return RecordedSession(id: id, topic: topic, mode: mode, turns: explanations.enumerated().map { i, text in
            Turn(number: i + 1, explanation: text, recorded: i < analyses.count ? analyses[i] : nil)
        })
    }
}

public struct RecordError: Error, CustomStringConvertible {
    public var line: Int
    public var message: String
    public var description: String { "line \(line): \(message)" }
}

extension JSONScanner.Value {
    var string: String? { if case .string(let s) = self { s } else { nil } }
    var number: Double? { if case .number(let n) = self { n } else { nil } }

    /// An analysis object read leniently (§3 fields; missing scores neutral).
    var analysis: Analysis? {
        guard case .object(let dict) = self else { return nil }
        func strings(_ key: String) -> [String] {
            guard case .array(let items)? = dict[key] else { return [] }
            return items.compactMap(\.string)
        }
        return Analysis(confidenceScore: dict["confidence_score"]?.number ?? Analysis.neutralScore,
                        clarityScore: dict["clarity_score"]?.number ?? Analysis.neutralScore,
                        knowledgeGaps: strings("knowledge_gaps"), unexplainedJargon: strings("unexplained_jargon"),
                        strengths: strings("strengths"), source: .claude)
    }
}

/// Records of several files, in order, for batch tools that do their own parsing.
public struct RecordStream {
    private var files: [String]
    private var reader: RecordReader?
    public private(set) var file = ""
    public private(set) var unreadable: [String] = []

    public init(files: [String]) { self.files = files }

    /// The next record's bytes and the line it starts on.
    public mutating func next() -> (bytes: [UInt8], line: Int)? {
        while true {
            if let record = reader?.next() { return (record.bytes, record.line) }
            reader?.close()
            reader = nil
            guard !files.isEmpty else { return nil }
            file = files.removeFirst()
            do {
                reader = try RecordReader(path: file)
            } catch {
                unreadable.append(file)
            }
        }
    }
}
