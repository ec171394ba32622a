import Claude
import FakeClaude
import Foundation
@testable import Research
import Store
import Testing

/// A judge on a real fake-claude and a fresh database, over ten turns in five sessions.
struct JudgeFixture {
    let server: FakeClaudeServer
    let store: SQLiteStore
    let judge: Judge
    let input: String
    let output: String
    let reports = Reports()

    /// Sessions `s0`…`s4`, two turns each; custom_ids `s0-1`, `s0-2`, ….
    static let customIDs = (0..<5).flatMap { ["s\($0)-1", "s\($0)-2"] }

    /// Runs `body` with a fixture whose server is stopped afterwards, however `body` ends.
    static func with<T>(_ batches: BatchScenario = BatchScenario(), maxRetries: Int = 2,
                        _ body: (JudgeFixture) async throws -> T) async throws -> T {
        let fixture = try JudgeFixture(batches, maxRetries: maxRetries)
        defer { fixture.server.stop() }
        return try await body(fixture)
    }

    init(_ batches: BatchScenario = BatchScenario(), maxRetries: Int = 2) throws {
        server = FakeClaudeServer(config: FakeClaudeConfig(batches: batches))
        try server.start()
        let dir = NSTemporaryDirectory() + "tb-judge-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        store = try SQLiteStore(path: dir + "/db.sqlite")
        let records = (0..<5).map { i in
            RescoreTests.dict(id: "s\(i)", ["Explanation \(i) a: a function calls itself.", "Explanation \(i) b: the base case stops it."])
        }
        input = dir + "/sessions.jsonl"
        try (records.joined(separator: "\n") + "\n").write(toFile: input, atomically: true, encoding: .utf8)
        output = dir + "/judged.jsonl"
        let config = ClaudeConfig(apiKey: "tb-judge-test-key-0123456789", baseURL: server.baseURL ?? "", model: "claude-test",
                                  timeouts: Timeouts(connect: 2, stall: 5, total: 20), retry: RetryPolicy(maxRetries: maxRetries))
        judge = Judge(store: store, claude: config, report: reports.add)
    }

    /// Plans with at most `perBatch` requests a batch (three batches for ten turns at 4).
    func plan(perBatch: Int = 4, bytes: Int = JudgeOptions.apiBatchBytes, direct: Int? = nil) throws -> JudgePlan {
        try judge.plan(files: [input], output: output,
                       options: JudgeOptions(direct: direct, poll: 0.02, batchRequests: perBatch, batchBytes: bytes))
    }

    /// The output, a parsed object per line.
    func lines() throws -> [[String: Any]] {
        try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }
}

final class Reports: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    var all: [String] { lock.withLock { lines } }
    @Sendable func add(_ line: String) { lock.withLock { lines.append(line) } }
}
