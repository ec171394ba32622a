import Foundation
import MCP
import Store
import TeachBack

/// What a tool call gives back: a line for people and the structured result for programs.
struct ToolOutput: Sendable {
    var text: String
    var structured: Value
}

/// The teaching tools over one engine per session — the same TurnEngine, scripts, Claude backend
/// and store as the REPL, so a session made here is an ordinary session there, and the reverse.
/// Calls on one session run one at a time in order; calls on different sessions run at once.
package actor TeachingService {
    let host: any ScriptHost
    let backend: (any StudentBackend)?
    /// The database for listing and loading sessions; nil when it could not be opened.
    let store: SQLiteStore?
    /// Where turns are saved: the database, or an `UnavailableStore` whose turns wait for rescue.
    let saving: any SessionStore
    let parallel: Bool
    let defaultMode: String
    private var engines: [String: TurnEngine] = [:]
    /// Turns each engine's session had when this server took it up: only new ones count as a review.
    private var turnsAtStart: [String: Int] = [:]
    private let queues = SerialQueues()

    package init(host: any ScriptHost, backend: (any StudentBackend)?, store: SQLiteStore?, saving: any SessionStore,
                 parallel: Bool, defaultMode: String) {
        self.host = host
        self.backend = backend
        self.store = store
        self.saving = saving
        self.parallel = parallel
        self.defaultMode = defaultMode
    }

    func modeNames() async -> [String] { await host.modes().map(\.name) }

    // MARK: Tools

    func createSession(userID: String, topic: String, mode: String?) async throws(ToolError) -> ToolOutput {
        let topic = topic.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !topic.isEmpty else { throw ToolError("create_teaching_session: 'topic' is empty") }
        let engine = makeEngine(mode: mode ?? defaultMode)
        let greeting = await engine.start(topic: topic, userID: userID)
        guard let session = await engine.session else { throw ToolError("create_teaching_session: the session did not start") }
        engines[session.id] = engine
        turnsAtStart[session.id] = 0
        log(greeting.problems)
        return ToolOutput(text: "Session \(session.id) on \(topic) with \(session.mode). Student: \(greeting.value)",
                          structured: ["session_id": .string(session.id), "topic": .string(topic), "mode": .string(session.mode),
                                       "greeting": .string(greeting.value), "user_id": .string(userID)])
    }

    func analyze(sessionID: String, explanation: String) async throws(ToolError) -> ToolOutput {
        let engine = try await engine(for: sessionID)
        let outcome = await queues.run(sessionID) { await engine.analyze(explanation) }
        guard let outcome else { throw ToolError("no active session \(sessionID)") }
        log(outcome.problems)
        return ToolOutput(text: Self.describe(outcome.value), structured: try Self.value(outcome.value))
    }

    func generateQuestion(sessionID: String, explanation: String, analysis: Analysis, mode: String?) async throws(ToolError) -> ToolOutput {
        let engine = try await engine(for: sessionID)
        if let mode { _ = await engine.switchMode(to: mode) }
        return try await turn(on: engine, sessionID: sessionID, explanation: explanation, given: analysis)
    }

    func teach(sessionID: String, explanation: String) async throws(ToolError) -> ToolOutput {
        try await turn(on: try await engine(for: sessionID), sessionID: sessionID, explanation: explanation, given: nil)
    }

    func summary(sessionID: String) async throws(ToolError) -> ToolOutput {
        let session = try await session(sessionID)
        let analytics = session.analytics
        var object = try Self.value(analytics).objectValue ?? [:]
        object["session_id"] = .string(session.id)
        object["topic"] = .string(session.topic)
        object["mode"] = .string(session.mode)
        object["turns"] = .int(session.turns.count)
        object["user_id"] = session.userID.map(Value.string) ?? .null
        let gaps = analytics.persistentGaps.isEmpty ? "none" : analytics.persistentGaps.joined(separator: ", ")
        return ToolOutput(text: String(format: "%@: %d turns, clarity %.2f, confidence %.2f, %@; persistent gaps: %@", session.topic,
                                       session.turns.count, analytics.averageClarity, analytics.averageConfidence,
                                       analytics.clarityTrend.rawValue, gaps),
                          structured: .object(object))
    }

    func listModes() async -> ToolOutput {
        let modes = await host.modes()
        return ToolOutput(text: modes.map { "\($0.name): \($0.description)" }.joined(separator: "\n"),
                          structured: ["modes": .array(modes.map { ["name": .string($0.name), "description": .string($0.description)] })])
    }

    func listSessions(limit: Int) async throws(ToolError) -> ToolOutput {
        let sessions = try await database { try await $0.sessions(limit: limit) }
        let iso = ISO8601DateFormatter()
        return ToolOutput(
            text: sessions.isEmpty ? "No saved sessions." : sessions.map { "\($0.id)  \($0.turns) turns  \($0.mode) · \($0.topic)" }.joined(separator: "\n"),
            structured: ["sessions": .array(sessions.map {
                ["id": .string($0.id), "topic": .string($0.topic), "mode": .string($0.mode), "turns": .int($0.turns),
                 "started_at": .string(iso.string(from: $0.startedAt)), "updated_at": .string(iso.string(from: $0.updatedAt))]
            })])
    }

    func reviewDue(now: Date = Date()) async throws(ToolError) -> ToolOutput {
        let due = try await database { try await $0.reviewItems() }.filter { $0.due <= now }
        let iso = ISO8601DateFormatter()
        return ToolOutput(text: due.isEmpty ? "Nothing is due for review." : "Due for review: " + due.map(\.topic).joined(separator: ", "),
                          structured: ["due": .array(due.map {
                              ["topic": .string($0.topic), "due": .string(iso.string(from: $0.due)), "interval_days": .int($0.interval),
                               "repetitions": .int($0.repetitions)]
                          })])
    }

    func rescoreText(topic: String, explanation: String) async throws(ToolError) -> ToolOutput {
        let report = await host.analyze(explanation, context: AnalysisContext(topic: topic, mode: defaultMode, number: 1, history: []))
        log(report.problems)
        return ToolOutput(text: Self.describe(report.analysis), structured: try Self.value(report.analysis))
    }

    // MARK: Resources

    /// The session as Markdown, as `:export` writes it.
    func sessionMarkdown(_ id: String) async throws(ToolError) -> String {
        let session = try await session(id)
        return (try? SessionCodec.encode([session], as: .md)) ?? ""
    }

    /// A persona: its description and its script.
    func modeDocument(_ name: String) async throws(ToolError) -> String {
        guard let mode = await host.modes().first(where: { $0.name == name }) else { throw ToolError("no persona named '\(name)'") }
        let source = (try? String(contentsOfFile: mode.file, encoding: .utf8)).map { "\n```lua\n\($0)```\n" } ?? ""
        return "# \(mode.name)\n\n\(mode.description)\n\nScript: `\(mode.file)`\n\(source)"
    }

    func recentSessionIDs() async -> [String] {
        (try? await store?.sessions(limit: 50).map(\.id)) ?? []
    }

    /// The persona's greeting and system prompt for `topic`, for the `teach-back` prompt.
    func persona(_ mode: String, topic: String) async -> (greeting: String, system: String) {
        let info = SessionInfo(id: "prompt", topic: topic, mode: mode, turns: 0)
        let greeting = (try? await host.greeting(mode: mode, session: info)) ?? "Hi! Teach me about \(topic)."
        let context = TurnContext(topic: topic, mode: mode, number: 1, explanation: "", analysis: Analysis(), history: [], asked: [],
                                  question: nil)
        let system = (try? await host.questionPrompt(mode: mode, turn: context, session: info).system) ?? ""
        return (greeting, system)
    }

    // MARK: Ending

    /// Ends every session (its `on_session_end` hooks, its review) and returns the turns that
    /// could still not be saved, for a rescue file.
    package func finish() async -> [Session] {
        var unsaved: [Session] = []
        for (id, engine) in engines {
            // Behind any call still running on the session, so its turn is saved first.
            let (problems, left) = await queues.run(id) { [store, turnsAtStart] in
                await engine.retryUnsaved()
                if let store, let session = await engine.session, session.turns.count > (turnsAtStart[id] ?? 0) {
                    try? await store.recordReview(of: session, topic: await engine.script.scheduledTopic(session.topic))
                }
                return (await engine.end(), await engine.unsavedSessions)
            }
            log(problems)
            unsaved += left
        }
        return unsaved
    }

    // MARK: Helpers

    private func turn(on engine: TurnEngine, sessionID: String, explanation: String, given: Analysis?) async throws(ToolError) -> ToolOutput {
        let outcome = await queues.run(sessionID) { () -> (TurnEngine.Outcome<Turn>, Session, Bool)? in
            guard let outcome = await engine.teach(explanation, analysis: given), let session = await engine.session else { return nil }
            return (outcome, session, await engine.unsavedCount == 0)
        }
        guard let (outcome, session, saved) = outcome else { throw ToolError("no active session \(sessionID)") }
        log(outcome.problems)
        let report = TurnReport(session: session, turn: outcome.value, saved: saved)
        var text = "Student: \(outcome.value.question)\n" + Self.describe(outcome.value.analysis)
        if !saved { text += "\nWarning: this turn is not saved yet (the database refused it); it is retried, and rescued to a file when the server stops." }
        return ToolOutput(text: text, structured: try Self.value(report))
    }

    private func makeEngine(mode: String) -> TurnEngine {
        TurnEngine(script: host, mode: mode, backend: backend, parallel: parallel, store: saving)
    }

    /// The engine of a session made here, or one taking up a saved session.
    private func engine(for id: String) async throws(ToolError) -> TurnEngine {
        if let engine = engines[id] { return engine }
        let saved = try await database { try await $0.session(matching: id) }
        guard saved.id == id.lowercased() else { throw ToolError("'\(id)' is not a whole session id (did you mean \(saved.id)?)") }
        if let engine = engines[saved.id] { return engine }
        let engine = makeEngine(mode: saved.mode)
        log(await engine.resume(saved))
        engines[saved.id] = engine
        turnsAtStart[saved.id] = saved.turns.count
        return engine
    }

    private func session(_ id: String) async throws(ToolError) -> Session {
        if let session = await engines[id]?.session { return session }
        return try await database { try await $0.session(matching: id) }
    }

    private func database<T>(_ body: (SQLiteStore) async throws -> T) async throws(ToolError) -> T {
        guard let store else { throw ToolError("sessions are not being saved: the database could not be opened") }
        do {
            return try await body(store)
        } catch {
            throw ToolError("\(error)")
        }
    }

    private func log(_ problems: [Problem]) {
        for problem in problems { FileHandle.standardError.write(Data("warning: \(problem.message)\n".utf8)) }
    }

    static func describe(_ a: Analysis) -> String {
        var parts = [String(format: "clarity %.2f · confidence %.2f", a.clarityScore, a.confidenceScore)]
        if !a.knowledgeGaps.isEmpty { parts.append("gaps: " + a.knowledgeGaps.joined(separator: ", ")) }
        if !a.unexplainedJargon.isEmpty { parts.append("jargon: " + a.unexplainedJargon.joined(separator: ", ")) }
        if !a.strengths.isEmpty { parts.append("strengths: " + a.strengths.joined(separator: ", ")) }
        return parts.joined(separator: " · ")
    }

    static func value(_ encodable: some Codable) throws(ToolError) -> Value {
        do {
            return try Value(encodable)
        } catch {
            throw ToolError("could not encode the result: \(error)")
        }
    }
}
