import ArgumentParser
import Foundation
import REPL
import Research
import Store
import TeachBack

/// Commands over the session database; none of them loads the Lua scripts.
protocol StoreCommand: AsyncParsableCommand {
    var common: CommonOptions { get }
}

extension StoreCommand {
    func openStore() throws -> SQLiteStore {
        do {
            return try Wiring.openStore(common, environment: ProcessInfo.processInfo.environment, config: nil)
        } catch {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode.failure
        }
    }

    var console: Console { Console.detect(environment: ProcessInfo.processInfo.environment, noColorFlag: common.noColor) }
}

struct SessionsCommand: StoreCommand {
    static let configuration = CommandConfiguration(commandName: "sessions", abstract: "List saved sessions, most recent first.")
    @OptionGroup var common: CommonOptions
    @Option(help: "How many to list.") var limit = 20
    @Flag(help: "Print a JSON array: id, topic, mode, started_at, updated_at (ISO 8601), turns.") var json = false

    func run() async throws {
        let sessions = try await openStore().sessions(limit: limit)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            encoder.dateEncodingStrategy = .iso8601
            print(String(decoding: try encoder.encode(sessions), as: UTF8.self))
            return
        }
        for s in sessions {
            console.out("\(s.id)  \(ISO8601DateFormatter().string(from: s.updatedAt))  \(Views.count(s.turns, "turn"))  \(s.mode) · \(Sanitizer.clean(s.topic))")
        }
    }
}

struct ExportCommand: StoreCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Write saved sessions to stdout as Markdown, JSON or JSONL.")
    @OptionGroup var common: CommonOptions
    @Argument(help: "A session id or unique prefix (default: the most recent).") var id: String?
    @Flag(help: "Every saved session.") var all = false
    @Option(help: "md, json or jsonl.") var format: String = "md"

    func validate() throws {
        guard SessionCodec.Format(rawValue: format) != nil else { throw ValidationError("--format must be md, json or jsonl") }
        if all, id != nil { throw ValidationError("give a session id or --all, not both") }
    }

    func run() async throws {
        let store = try openStore()
        let sessions: [Session]
        if all {
            sessions = try await store.allSessions()
        } else if let id {
            sessions = [try await store.session(matching: id)]
        } else {
            sessions = try await store.latestSession().map { [$0] } ?? []
        }
        print(try SessionCodec.encode(sessions, as: SessionCodec.Format(rawValue: format) ?? .md), terminator: "")
    }
}

struct ImportCommand: StoreCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Save sessions from our JSON/JSONL export or the original service's session dicts.",
        discussion: "A record that cannot be read is reported as file:line and skipped (the exit code is then 1). A session without an id gets one from its content, so importing a file twice saves each session once; one without a date is dated to the import time and counted in the summary.")
    @OptionGroup var common: CommonOptions
    @Argument(help: "The file to import.") var file: String

    func run() async throws {
        let now = Date()
        var sessions: [Session] = [], undated = 0, skipped = 0
        for (location, data) in try Self.records(file) {
            do {
                let imported = try SessionCodec.importSession(data, now: now)
                sessions.append(imported.session)
                if imported.undated { undated += 1 }
            } catch {
                FileHandle.standardError.write(Data("\(location): \(error.message)\n".utf8))
                skipped += 1
            }
        }
        try await openStore().insert(sessions)
        var summary = "imported \(sessions.count) session(s), \(sessions.map(\.turns.count).reduce(0, +)) turns"
        if undated > 0 { summary += "; \(undated) had no date and are dated to now, \(ISO8601DateFormatter().string(from: now))" }
        if skipped > 0 { summary += "; \(skipped) record(s) skipped" }
        console.status(summary)
        if skipped > 0 { throw ExitCode.failure }
    }

    /// Each record's `file:line` and bytes: one JSON object (maybe pretty-printed, as `export
    /// --format json` writes one session), else JSONL or a JSON array, read as `analytics` reads them.
    static func records(_ file: String) throws -> [(String, Data)] {
        guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
        if let start = data.firstIndex(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }), data[start] == UInt8(ascii: "{"),
           (try? JSONSerialization.jsonObject(with: data)) is [String: Any] {
            return [("\(file):\(data[..<start].filter { $0 == 0x0A }.count + 1)", data)]
        }
        var stream = RecordStream(files: [file])
        var records: [(String, Data)] = []
        while let record = stream.next(unreadable: { _ in }) { records.append((record.location, Data(record.bytes))) }
        return records
    }
}

struct ReviewCommand: StoreCommand {
    static let configuration = CommandConfiguration(commandName: "review", abstract: "The SM-2 review schedule; or record a review of TOPIC.")
    @OptionGroup var common: CommonOptions
    @Argument(help: "A topic to record a review for.") var topic: String?
    @Option(help: "With TOPIC: how well it went, 0 (blackout) to 5 (perfect).") var quality: Int?
    @Flag(help: "Only topics due now.") var due = false

    func validate() throws {
        if topic != nil, quality == nil { throw ValidationError("recording a review needs --quality 0...5") }
        if let quality, !(0...5).contains(quality) { throw ValidationError("--quality must be 0...5") }
    }

    func run() async throws {
        let store = try openStore()
        if let topic, let quality {
            let item = try await store.review(topic: topic, quality: quality)
            console.out(Views.review([item]))
            return
        }
        let items = try await store.reviewItems().filter { !due || $0.due <= Date() }
        console.out(items.isEmpty ? (due ? "Nothing is due for review." : "No review items yet: finish a session first.") : Views.review(items))
    }
}

struct ProgressCommand: StoreCommand {
    static let configuration = CommandConfiguration(commandName: "progress", abstract: "Sessions, turns and average scores per day, and your streak.")
    @OptionGroup var common: CommonOptions
    @Option(parsing: .unconditional, help: "How many days back (at least 1).") var days = 14
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        guard days >= 1 else { throw ValidationError("--days must be at least 1") }
    }

    func run() async throws {
        let progress = try await openStore().progress(days: days)
        let streak = SQLiteStore.streak(progress)
        if json {
            struct Report: Encodable { var days: [SQLiteStore.Day]; var streak: Int }
            print(try JSONOutput.encode(Report(days: progress, streak: streak)))
            return
        }
        console.out(Views.progress(progress, streak: streak))
    }
}
