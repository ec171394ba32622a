import Claude
import Foundation
import TeachBack

/// One recorded turn as judge sends it: its position among all turns of the input (the order of
/// the output), where it came from, and the REPL's analysis request for it.
struct JudgeTurn {
    var index: Int
    var sessionID: String
    var line: Int
    var turn: Int
    var request: MessageRequest
}

/// The input files read a record at a time, every turn of every readable session in order. The
/// same files give the same turns and indexes on every pass (plan, spool, direct, resume).
struct JudgeInput {
    var files: [String]
    var model: String

    /// The turns in order; records that cannot be read go to `skipped` as `file:line: why`.
    func turns(skipped: @escaping (String) -> Void) -> Turns {
        Turns(stream: RecordStream(files: files), model: model, skipped: skipped)
    }

    /// Calls `body` with each turn.
    func forEachTurn(skipped: @escaping (String) -> Void, _ body: (JudgeTurn) throws -> Void) throws {
        var turns = turns(skipped: skipped)
        while let turn = turns.next() { try body(turn) }
    }

    struct Turns: IteratorProtocol {
        var stream: RecordStream
        let model: String
        let skipped: (String) -> Void
        private var session: RecordedSession?
        private var position = 0
        private var earlier: [PastTurn] = []
        private var index = 0

        init(stream: RecordStream, model: String, skipped: @escaping (String) -> Void) {
            self.stream = stream
            self.model = model
            self.skipped = skipped
        }

        mutating func next() -> JudgeTurn? {
            while session == nil || position == session?.turns.count {
                guard let record = stream.next(unreadable: skipped) else { return nil }
                do {
                    session = try RecordedSession(record)
                } catch {
                    skipped("\(record.location): \(error.message)")
                    session = nil
                }
                position = 0
                earlier = []
            }
            guard let session else { return nil }
            let turn = session.turns[position]
            let request = AnalysisRequest.make(model: model, topic: session.topic, explanation: turn.explanation, history: earlier)
            defer {
                earlier.append(PastTurn(explanation: turn.explanation, question: turn.question, analysis: turn.recorded ?? Analysis()))
                position += 1
                index += 1
            }
            return JudgeTurn(index: index, sessionID: session.id, line: session.line, turn: turn.number, request: request)
        }
    }

    /// SHA-256 of the files' bytes, in order: a resumed job must read the input it planned.
    func sha256() throws -> String {
        var hasher = SHA256Stream()
        for file in files {
            guard let handle = FileHandle(forReadingAtPath: file) else {
                throw JudgeError("\(file): cannot read it")
            }
            defer { try? handle.close() }
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(Array(chunk)) }
        }
        return hasher.hexDigest()
    }
}

/// A judge failure worth one line on stderr.
package struct JudgeError: Error, CustomStringConvertible {
    package var description: String
    init(_ description: String) { self.description = description }
}
