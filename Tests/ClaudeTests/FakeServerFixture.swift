import Foundation
@testable import Claude
import FakeClaude
import TeachBack

/// A real fake-claude on loopback and a client pointed at it, for one test.
struct FakeServerFixture {
    static let apiKey = "tb-test-key-TESTKEY-0123456789abcdefghij"
    let server: FakeClaudeServer
    let client: MessagesClient

    init(_ config: FakeClaudeConfig = FakeClaudeConfig(), timeouts: Timeouts = Timeouts(connect: 2, stall: 2, total: 20),
         maxRetries: Int = 2) throws {
        server = FakeClaudeServer(config: config)
        try server.start()
        client = MessagesClient(config: ClaudeConfig(apiKey: Self.apiKey, baseURL: server.baseURL ?? "", model: "claude-test",
                                                     timeouts: timeouts, retry: RetryPolicy(maxRetries: maxRetries)))
    }

    var backend: ClaudeBackend { ClaudeBackend(client: client) }

    /// Runs `body` with a fixture whose server is stopped afterwards, however `body` ends.
    static func with<T>(_ config: FakeClaudeConfig = FakeClaudeConfig(), timeouts: Timeouts = Timeouts(connect: 2, stall: 2, total: 20),
                        maxRetries: Int = 2, _ body: (FakeServerFixture) async throws -> T) async throws -> T {
        let fixture = try FakeServerFixture(config, timeouts: timeouts, maxRetries: maxRetries)
        defer { fixture.server.stop() }
        return try await body(fixture)
    }

    static let question = MessageRequest(model: "claude-test", maxTokens: 100, messages: [.init(role: .user, content: "Explain?")])
}

/// Retry notices and streamed text seen by a call.
final class Seen: @unchecked Sendable {
    private let lock = NSLock()
    private var _notices: [RetryNotice] = []
    private var _text = ""
    var notices: [RetryNotice] { lock.withLock { _notices } }
    var text: String { lock.withLock { _text } }
    func notice(_ n: RetryNotice) { lock.withLock { _notices.append(n) } }
    func append(_ t: String) { lock.withLock { _text += t } }
}

/// A minimal script host for turns driven through the real Claude backend.
struct StubScripts: ScriptHost {
    func modes() async -> [ModeInfo] { [ModeInfo(name: "socratic", description: "", file: "")] }
    func analyze(_ text: String, context: AnalysisContext) async -> LocalAnalysisReport {
        LocalAnalysisReport(analysis: Analysis(confidenceScore: 0.4, clarityScore: 0.3, knowledgeGaps: ["local gap"]),
                            results: [], problems: [], scriptTime: .zero)
    }
    func greeting(mode: String, session: SessionInfo) async throws(Problem) -> String { "hi" }
    func fallbackQuestion(mode: String, turn: TurnContext) async throws(Problem) -> String { "Scripted question?" }
    func questionPrompt(mode: String, turn: TurnContext, session: SessionInfo) async throws(Problem) -> QuestionPrompt {
        QuestionPrompt(system: "You are a student of \(session.topic).", user: turn.explanation)
    }
    func notify(_ event: HookEvent) async -> [Problem] { [] }
    func scheduledTopic(_ topic: String) async -> String { topic }
}
