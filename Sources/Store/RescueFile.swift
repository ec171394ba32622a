import Foundation
import TeachBack

/// Where turns go that could not be saved by the end of a session: a JSONL file in the export
/// format, which `teachback import` merges back (idempotently) once the database works again.
package enum RescueFile {
    /// `$XDG_STATE_HOME/teachback/rescue`, then the system's temporary directory (the data disk
    /// may be the one that is full).
    package static func directories(environment: [String: String]) -> [String] {
        [Directories.state(environment) + "/rescue", NSTemporaryDirectory() + "teachback-rescue-\(getuid())"]
    }

    /// Writes `sessions` to a new 0600 file in the first directory that takes it and returns the
    /// path; throws the last failure when none does.
    package static func write(_ sessions: [Session], environment: [String: String], now: Date = Date()) throws -> String {
        let text = try SessionCodec.encode(sessions, as: .jsonl)
        let stamp = ISO8601DateFormatter.string(from: now, timeZone: .gmt, formatOptions: [.withFullDate, .withTime])
        var failure: any Error = CocoaError(.fileWriteUnknown)
        for dir in directories(environment: environment) {
            let path = "\(dir)/unsaved-\(stamp)-\(getpid()).jsonl"
            do {
                try Directories.ensurePrivateDirectory(dir)
                try Directories.writePrivate(text, to: path)
                return path
            } catch {
                failure = error
            }
        }
        throw failure
    }

    /// Rescues `sessions` and says what happened, in words for stderr. When no file can be
    /// written anywhere, the turns themselves follow the message as JSONL, so they are still
    /// not lost.
    package static func rescue(_ sessions: [Session], environment: [String: String]) -> String {
        let turns = sessions.map(\.turns.count).reduce(0, +)
        let what = turns == 1 ? "1 turn" : "\(turns) turns"
        do {
            let path = try write(sessions, environment: environment)
            return "\(what) could not be saved to the database; they are in \(path) — "
                + "run `teachback import \(path)` once the database works again"
        } catch {
            let jsonl = (try? SessionCodec.encode(sessions, as: .jsonl)) ?? ""
            return "\(what) could not be saved, and no rescue file could be written (\(error.localizedDescription)); "
                + "here they are as JSONL for `teachback import`:\n" + jsonl
        }
    }
}
