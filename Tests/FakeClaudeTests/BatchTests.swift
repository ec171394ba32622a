import FakeClaude
import Foundation
import Testing

/// The Message Batches endpoints of the fake, spoken to in raw HTTP.
@Suite("message batches")
struct BatchTests {
    static func createBody(_ ids: [String]) -> String {
        let params = #"{"model":"claude-test","max_tokens":300,"messages":[{"role":"user","content":"Recursion, [explained], \"quoted\"."}]}"#
        return #"{"requests":["# + ids.map { #"{"custom_id":"\#($0)","params":\#(params)}"# }.joined(separator: ",") + "]}"
    }

    @Test func createRetrieveListCancelAndResultsInAnyOrder() async throws {
        let scenario = BatchScenario(outcomes: ["b": .errored(type: "invalid_request_error", message: "bad"), "c": .expired,
                                                "d": .text("not json")])
        try await withServer(FakeClaudeConfig(batches: scenario)) { server, port in
            let client = try RawHTTPClient(port: port)
            let created = try client.exchange(path: "/v1/messages/batches", body: Self.createBody(["a", "b", "c", "d"]))
            #expect(created.head.status == 200)
            let batch = try #require(jsonObject(created.body))
            let id = try #require(batch["id"] as? String)
            #expect(batch["processing_status"] as? String == "in_progress")
            #expect((batch["request_counts"] as? [String: Int])?["processing"] == 4)
            #expect(batch["results_url"] is NSNull)

            let retrieved = try #require(jsonObject(try client.exchange(method: "GET", path: "/v1/messages/batches/\(id)", body: "").body))
            #expect(retrieved["processing_status"] as? String == "ended")
            #expect(retrieved["request_counts"] as? [String: Int] == ["processing": 0, "succeeded": 2, "errored": 1, "canceled": 0, "expired": 1])
            let url = try #require(retrieved["results_url"] as? String)
            #expect(url.hasPrefix("http://127.0.0.1:\(port)/fake-results/"))

            let results = try client.exchange(method: "GET", path: String(url.dropFirst("http://127.0.0.1:\(port)".count)), body: "")
            let lines = String(decoding: results.body, as: UTF8.self).split(separator: "\n").compactMap { jsonObject(String($0)) }
            #expect(lines.compactMap { $0["custom_id"] as? String } == ["d", "c", "b", "a"])
            let types = lines.map { ($0["result"] as? [String: Any])?["type"] as? String }
            #expect(types == ["succeeded", "expired", "errored", "succeeded"])
            #expect(server.batchSubmissions == ["a": 1, "b": 1, "c": 1, "d": 1])

            let listed = try #require(jsonObject(try client.exchange(method: "GET", path: "/v1/messages/batches?limit=5", body: "").body))
            #expect((listed["data"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [id])
            #expect(listed["has_more"] as? Bool == false)
        }
    }

    @Test func cancelBeforeTheEndCancelsEveryRequestThenDelete() async throws {
        try await withServer(FakeClaudeConfig(batches: BatchScenario(processingTime: 60))) { server, port in
            let client = try RawHTTPClient(port: port)
            let id = try #require(jsonObject(try client.exchange(path: "/v1/messages/batches", body: Self.createBody(["x", "y"])).body)?["id"] as? String)
            let canceling = try #require(jsonObject(try client.exchange(path: "/v1/messages/batches/\(id)/cancel", body: "").body))
            #expect(canceling["processing_status"] as? String == "canceling")
            let ended = try #require(jsonObject(try client.exchange(method: "GET", path: "/v1/messages/batches/\(id)", body: "").body))
            #expect(ended["processing_status"] as? String == "ended")
            #expect((ended["request_counts"] as? [String: Int])?["canceled"] == 2)
            let deleted = try client.exchange(method: "DELETE", path: "/v1/messages/batches/\(id)", body: "")
            #expect(jsonObject(deleted.body)?["type"] as? String == "message_batch_deleted")
            #expect(try client.exchange(method: "GET", path: "/v1/messages/batches/\(id)", body: "").head.status == 404)
            #expect(server.batchIDs.isEmpty)
        }
    }

    @Test func aBatchStillProcessingCannotBeDeleted() async throws {
        try await withServer(FakeClaudeConfig(batches: BatchScenario(processingTime: 60))) { server, port in
            let client = try RawHTTPClient(port: port)
            let id = try #require(jsonObject(try client.exchange(path: "/v1/messages/batches", body: Self.createBody(["x"])).body)?["id"] as? String)
            #expect(try client.exchange(method: "DELETE", path: "/v1/messages/batches/\(id)", body: "").head.status == 400)
            #expect(server.batchIDs == [id])
        }
    }

    @Test func faultsPerEndpointAndInvalidBodies() async throws {
        try await withServer { server, port in
            server.enqueue(.rateLimited(retryAfterMs: 10), for: .batchCreate)
            server.enqueue(.serverError, for: .batchList)
            let client = try RawHTTPClient(port: port)
            #expect(try client.exchange(path: "/v1/messages/batches", body: Self.createBody(["a"])).head.status == 429)
            #expect(server.batchSubmissions.isEmpty)
            #expect(try client.exchange(method: "GET", path: "/v1/messages/batches", body: "").head.status == 500)
            #expect(try client.exchange(method: "GET", path: "/v1/messages/batches", body: "").head.status == 200)
            #expect(try client.exchange(path: "/v1/messages/batches", body: Self.createBody(["a", "a"])).head.status == 400)
            #expect(try client.exchange(path: "/v1/messages/batches", body: Self.createBody(["bad id"])).head.status == 400)
            #expect(try client.exchange(method: "GET", path: "/v1/messages/batches/msgbatch_none", body: "").head.status == 404)
            #expect(server.requests(of: .batchCreate).count == 3)
        }
    }
}
