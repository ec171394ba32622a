import Foundation
import TeachBack

/// Sessions as files: our JSON (a superset of the original TeachBack AI's session dict, so its
/// tools read ours), JSONL (one session per line) and Markdown; and back from our JSON or the
/// original's dicts (`topic`, `mode`, `conversation_history`, `analyses`).
package enum SessionCodec {
    package enum Format: String, Sendable, CaseIterable {
        case md, json, jsonl

        /// From a file name's extension; Markdown otherwise.
        package static func of(path: String) -> Format {
            Format(rawValue: (path as NSString).pathExtension.lowercased()) ?? .md
        }
    }

    /// The exported shape: the original's keys first, then everything a turn records.
    struct Document: Codable {
        var id: String?
        var topic: String
        var mode: String?
        var startedAt: Date?
        var conversationHistory: [Message]?
        var analyses: [Analysis]?
        var turns: [Turn]?
        var userID: String?

        struct Message: Codable {
            var role: String
            var content: String
        }

        enum CodingKeys: String, CodingKey {
            case id, topic, mode, analyses, turns
            case startedAt = "started_at", conversationHistory = "conversation_history", userID = "user_id"
        }
    }

    package static func encode(_ sessions: [Session], as format: Format) throws -> String {
        switch format {
        case .md: return sessions.map(markdown).joined(separator: "\n\n---\n\n")
        case .json:
            let encoder = Self.encoder
            encoder.outputFormatting.insert(.prettyPrinted)
            let docs = sessions.map(document)
            let text = String(decoding: try docs.count == 1 ? encoder.encode(docs[0]) : encoder.encode(docs), as: UTF8.self)
            // Foundation pretty-prints an empty array or object over three lines; JSON strings hold
            // no raw newline, so this touches only empty containers.
            return text.replacing(#/\[\n\s*\n\s*\]/#, with: "[]").replacing(#/\{\n\s*\n\s*\}/#, with: "{}") + "\n"
        case .jsonl:
            return try sessions.map { String(decoding: try encoder.encode(document($0)), as: UTF8.self) + "\n" }.joined()
        }
    }

    /// Dates as seconds since 1970, so export → import is exact to the bit.
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .secondsSince1970
        return encoder
    }

    /// Dates as numbers (ours) or ISO 8601 strings (the original service's).
    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            if let seconds = try? container.decode(Double.self) { return Date(timeIntervalSince1970: seconds) }
            let text = try container.decode(String.self)
            for options: ISO8601DateFormatter.Options in [[.withInternetDateTime, .withFractionalSeconds], [.withInternetDateTime],
                                                          [.withFullDate, .withFullTime, .withFractionalSeconds]] {
                let formatter = ISO8601DateFormatter()
                formatter.formatOptions = options
                if let date = formatter.date(from: text) { return date }
            }
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a date: \(text)")
        }
        return decoder
    }

    static func document(_ session: Session) -> Document {
        Document(id: session.id, topic: session.topic, mode: session.mode, startedAt: session.startedAt,
                 conversationHistory: session.turns.flatMap {
                     [Document.Message(role: "user", content: $0.explanation), Document.Message(role: "assistant", content: $0.question)]
                 },
                 analyses: session.turns.map(\.analysis), turns: session.turns, userID: session.userID)
    }

    /// One imported session, and whether it had no date of its own.
    package struct Imported: Sendable {
        package var session: Session
        /// No `started_at`: dated to the import time, which the import reports.
        package var undated: Bool
    }

    /// One session from one JSON object, ours or the original's. One without an id gets an id
    /// from its content, so importing the same file twice saves it once; one without a date is
    /// dated `now` (the import time) and marked `undated`. A score outside [0, 1] is an error,
    /// never rescaled (an `85` is not read as 0.85). A record that does not fit says where
    /// and what, e.g. `analyses[2].clarity_score: expected a number`, never DecodingError's dump.
    package static func importSession(_ data: Data, now: Date) throws(ImportProblem) -> Imported {
        let doc: Document
        do {
            doc = try decoder.decode(Document.self, from: data)
        } catch let error as DecodingError {
            throw ImportProblem(error)
        } catch {
            throw ImportProblem(message: "not JSON")
        }
        try ImportProblem.checkScores(data)
        let id = doc.id ?? contentID(doc)
        return Imported(session: session(from: doc, id: id, started: doc.startedAt ?? now), undated: doc.startedAt == nil)
    }

    /// `import-` and the SHA-256 of the record's content re-encoded with sorted keys, so the id
    /// does not depend on formatting or key order.
    static func contentID(_ doc: Document) -> String {
        let bytes = (try? encoder.encode(doc)).map(Array.init) ?? []
        return "import-" + SHA256.hex(bytes).prefix(32)
    }

    /// Our turns when present; else turns rebuilt from the original's history and analyses.
    static func session(from doc: Document, id: String? = nil, started: Date? = nil) -> Session {
        let started = started ?? doc.startedAt ?? Date(timeIntervalSince1970: 0)
        let id = id ?? doc.id ?? Session.newID()
        let mode = doc.mode ?? "socratic"
        if let turns = doc.turns {
            return Session(id: id, topic: doc.topic, mode: mode, startedAt: started, turns: turns, userID: doc.userID)
        }
        let history = doc.conversationHistory ?? []
        let explanations = history.filter { $0.role == "user" }.map(\.content)
        let questions = history.filter { $0.role != "user" }.map(\.content)
        let analyses = doc.analyses ?? []
        let count = max(explanations.count, analyses.count)
        let turns = (0..<count).map { i in
            Turn(number: i + 1, mode: mode, explanation: i < explanations.count ? explanations[i] : "",
                 question: i < questions.count ? questions[i] : "",
                 localAnalysis: i < analyses.count ? analyses[i] : Analysis(),
                 timings: .init(total: 0), createdAt: started)
        }
        return Session(id: id, topic: doc.topic, mode: mode, startedAt: started, turns: turns)
    }

    static func markdown(_ session: Session) -> String {
        var lines = ["# \(session.topic)", "",
                     "Persona: \(session.mode) · started \(ISO8601DateFormatter().string(from: session.startedAt)) · session `\(session.id)`", ""]
        for turn in session.turns {
            let a = turn.analysis
            lines += ["## Turn \(turn.number) (\(turn.mode))", "", "**You:** \(turn.explanation)", "",
                      "**Student:** \(turn.question)\(turn.interrupted ? " [interrupted]" : "")", "",
                      String(format: "clarity %.2f · confidence %.2f", a.clarityScore, a.confidenceScore)]
            if !a.knowledgeGaps.isEmpty { lines.append("- gaps: " + a.knowledgeGaps.joined(separator: ", ")) }
            if !a.unexplainedJargon.isEmpty { lines.append("- jargon: " + a.unexplainedJargon.joined(separator: ", ")) }
            if !a.strengths.isEmpty { lines.append("- strengths: " + a.strengths.joined(separator: ", ")) }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}
