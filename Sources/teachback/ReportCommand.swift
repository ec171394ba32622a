import ArgumentParser
import Foundation
import LuaHost
import REPL
import Report
import Store
import TeachBack

/// `teachback report`: the HTML report (DESIGN §11) of everything, one topic or one session.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Write an HTML report with charts: everything, one topic, or one session.")
    @OptionGroup var common: CommonOptions
    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to FILE (default: stdout).", valueName: "FILE"))
    var output: String?
    @Option(help: "Only the sessions on this topic.") var topic: String?
    @Option(help: ArgumentHelp("Only this session (an id or unique prefix).", valueName: "ID")) var session: String?

    func validate() throws {
        if topic != nil, session != nil { throw ValidationError("give --topic or --session, not both") }
    }

    func run() async throws {
        let wiring = try await Wiring(common)
        guard let store = wiring.store else {
            throw fail("cannot read sessions: \(wiring.storeProblem ?? "the database could not be opened")")
        }
        let scope: ReportInput.Scope
        let sessions: [Session]
        do {
            if let session {
                let found = try await store.session(matching: session)
                (scope, sessions) = (.session(found.id), [found])
            } else if let topic {
                let key = Terms.normalize(topic)
                (scope, sessions) = (.topic(topic), try await store.allSessions().filter { Terms.normalize($0.topic) == key })
                if sessions.isEmpty { FileHandle.standardError.write(Data("warning: no sessions on '\(topic)'\n".utf8)) }
            } else {
                (scope, sessions) = (.everything, try await store.allSessions())
            }
        } catch let error as StoreError {
            throw fail(error.description)
        }
        let html = await ReportInputs.render(scope: scope, sessions: sessions, reviewItems: try await store.reviewItems(), host: wiring.host)
        guard let output else {
            FileHandle.standardOutput.write(Data(html.utf8))
            return
        }
        do {
            try html.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            throw fail("cannot write \(output): \((error as NSError).localizedDescription)")
        }
        FileHandle.standardError.write(Data("wrote \(output) (\(sessions.count) sessions, \(html.utf8.count / 1024) KiB)\n".utf8))
    }
}

/// Says why on stderr; the command exits 1.
private func fail(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    return .failure
}

/// Gathers a report's plain values: the review schedule from the store, each topic's concepts from the scripts.
enum ReportInputs {
    static func render(scope: ReportInput.Scope, sessions: [Session], reviewItems: [ReviewItem], host: LuaScriptHost) async -> String {
        var concepts: [String: [String]] = [:]
        for topic in Set(sessions.map(\.topic)) {
            if let names = await host.conceptNames(forTopic: topic) { concepts[topic] = names }
        }
        let input = ReportInput(scope: scope, sessions: sessions, reviewItems: reviewItems, concepts: concepts)
        return HTMLReport.render(input)
    }
}

extension Wiring {
    /// `:report` in the REPL: the current session, with the saved review schedule when there is a database.
    var sessionReporter: SessionReporter {
        { [store, host] session in
            try await ReportInputs.render(scope: .session(session.id), sessions: [session], reviewItems: try await store?.reviewItems() ?? [], host: host)
        }
    }
}
