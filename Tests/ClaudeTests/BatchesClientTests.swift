import Foundation
import Testing
@testable import Claude
import FakeClaude
import TeachBack

/// The Message Batches client against fake-claude: the body uploaded from a file, results read
/// line by line from `results_url`, and every endpoint under the retry policy.
@Suite(.serialized) struct BatchesClientTests {
    static func batchFile(_ ids: [String]) throws -> String {
        let params = try String(decoding: JSONEncoder().encode(AnalysisRequest.make(
            model: "claude-test", topic: "recursion", explanation: "It calls itself.", history: [])), as: UTF8.self)
        let body = #"{"requests":["# + ids.map { #"{"custom_id":"\#($0)","params":\#(params)}"# }.joined(separator: ",") + "]}"
        let path = NSTemporaryDirectory() + "batch-\(UUID().uuidString).json"
        try body.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func client(_ f: FakeServerFixture) -> BatchesClient { BatchesClient(config: f.client.config) }

    @Test func createRetrieveAndReadResultsLineByLine() async throws {
        try await FakeServerFixture.with(FakeClaudeConfig(batches: BatchScenario(outcomes: ["b": .expired]))) { f in
            let batches = client(f)
            let created = try await batches.create(bodyFile: try Self.batchFile(["a", "b", "c"]))
            #expect(created.processingStatus == "in_progress")
            #expect(created.requestCounts.processing == 3)
            let request = try #require(f.server.requests(of: .batchCreate).first)
            #expect(request.headers["x-api-key"] == FakeServerFixture.apiKey)
            #expect(request.headers["anthropic-version"] == ClaudeConfig.apiVersion)
            #expect(request.bodyText.contains("Explanation to assess:\\nIt calls itself."))

            let ended = try await batches.retrieve(created.id)
            #expect(ended.isEnded && ended.requestCounts.succeeded == 2 && ended.requestCounts.expired == 1)
            var lines: [MessageBatchResult] = []
            try await batches.results(ended) { lines.append(try JSONDecoder().decode(MessageBatchResult.self, from: Data($0))) }
            #expect(lines.map(\.customID) == ["c", "b", "a"])
            #expect(lines.map(\.result.type) == ["succeeded", "expired", "succeeded"])
            #expect(AnalysisParser.parse(lines[0].result.message?.text ?? "")?.clarityScore == 0.7)
            #expect(f.server.requests(of: .batchResults).first?.headers["x-api-key"] == FakeServerFixture.apiKey)

            let page = try await batches.list(limit: 10)
            #expect(page.data.map(\.id) == [created.id])
        }
    }

    @Test(arguments: [RequestKind.batchCreate, .batchRetrieve, .batchList, .batchCancel, .batchResults])
    func every429And5xxIsRetried(kind: RequestKind) async throws {
        try await FakeServerFixture.with(FakeClaudeConfig(batches: BatchScenario(processingTime: kind == .batchCancel ? 60 : 0))) { f in
            let batches = client(f)
            let created = try await batches.create(bodyFile: try Self.batchFile(["a", "b"]))
            f.server.enqueue(.rateLimited(retryAfterMs: 10), .apiError(503, retryAfterMs: 10), for: kind)
            let seen = Seen()
            switch kind {
            case .batchCreate: _ = try await batches.create(bodyFile: try Self.batchFile(["c"]), onRetry: seen.notice)
            case .batchRetrieve: _ = try await batches.retrieve(created.id, onRetry: seen.notice)
            case .batchList: _ = try await batches.list(onRetry: seen.notice)
            case .batchCancel: #expect(try await batches.cancel(created.id, onRetry: seen.notice).processingStatus == "canceling")
            default:
                var count = 0
                try await batches.results(try await batches.retrieve(created.id), onRetry: seen.notice) { _ in count += 1 }
                #expect(count == 2)
            }
            #expect(seen.notices.map(\.retry) == [1, 2])
            #expect(f.server.requests(of: kind).count == (kind == .batchCreate ? 4 : 3))
            #expect(f.server.pendingFaults(for: kind).isEmpty)
            if kind == .batchCreate { #expect(f.server.batchSubmissions(of: "c") == 1) }
        }
    }

    @Test func aBadRequestIsNotRetriedAndTheKeyNeverShows() async throws {
        try await FakeServerFixture.with() { f in
            let path = NSTemporaryDirectory() + "batch-\(UUID().uuidString).json"
            try #"{"requests":[]}"#.write(toFile: path, atomically: true, encoding: .utf8)
            await #expect { try await client(f).create(bodyFile: path) } throws: { error in
                guard let error = error as? APIError else { return false }
                return error.status == 400 && !error.description.contains(FakeServerFixture.apiKey)
            }
            #expect(f.server.requests(of: .batchCreate).count == 1)
        }
    }
}
