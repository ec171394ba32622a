import Claude
import FakeClaude
import Foundation
@testable import Research
import Store
import Testing

/// `Judge` in process against fake-claude: batches end to end, failures and their retry,
/// cancel, faults on every endpoint, the direct path, and a half-written output completed.
@Suite(.serialized) struct JudgeTests {
    @Test func aThreeBatchJobEndToEnd() async throws {
        try await JudgeFixture.with() { f in
            let plan = try f.plan()
            #expect((plan.requests, plan.batches) == (10, 3))
            #expect(plan.inputTokens > 10 * 100 && plan.maxOutputTokens == 10 * AnalysisRequest.maxTokens)
            #expect(f.server.batchIDs.isEmpty, "planning submits nothing")
            let summary = try await f.judge.run(job: plan.job)
            #expect(summary.results == ["succeeded": 10])
            #expect(f.server.batchIDs.count == 3)
            #expect(f.server.batchSubmissions == Dictionary(uniqueKeysWithValues: JudgeFixture.customIDs.map { ($0, 1) }))
            let lines = try f.lines()
            // Input order, although the fake serves each batch's results in reverse.
            #expect(lines.compactMap { $0["id"] as? String } == JudgeFixture.customIDs)
            #expect(lines.compactMap { $0["turn"] as? Int } == Array(repeating: [1, 2], count: 5).flatMap { $0 })
            #expect(lines.allSatisfy { $0["result"] as? String == "succeeded" && ($0["analysis"] as? [String: Any])?["clarity_score"] as? Double == 0.7 })
            #expect(lines.allSatisfy { (($0["usage"] as? [String: Any])?["input_tokens"] as? Int ?? 0) > 0 })
            // The request is the REPL's: the second turn quotes the first explanation.
            let body = try #require(f.server.requests(of: .batchCreate).first?.bodyText)
            // A later turn's request carries the lesson so far, as the REPL's does.
            #expect(body.contains(#"{"content":"Explanation 0 a: a function calls itself.","role":"user"},{"content":"why?","role":"assistant"}"#))
            let job = try #require(try f.store.judgeJob(plan.job))
            #expect(job.state == "done" && job.writtenLines == 10)
            // Running a finished job again sends and writes nothing more.
            _ = try await f.judge.run(job: plan.job)
            #expect(try f.lines().count == 10 && f.server.requests(of: .batchCreate).count == 3)
        }
    }

    @Test func aJobKilledWhilePlanningIsNeverRun() async throws {
        try await JudgeFixture.with() { f in
            let plan = try f.plan()
            try f.store.setJudgeJob(plan.job, state: "planning")  // as if the process died mid-plan
            await #expect(throws: JudgeError.self) { try await f.judge.run(job: plan.job) }
            #expect(f.server.requests.isEmpty)
        }
    }

    @Test func batchesSplitAtTheByteLimitToo() async throws {
        try await JudgeFixture.with() { f in
            let plan = try f.plan(perBatch: 100_000, bytes: 2500)
            #expect(plan.batches > 3)
            _ = try await f.judge.run(job: plan.job)
            let bodies = f.server.requests(of: .batchCreate).map(\.body.count)
            #expect(bodies.count == plan.batches && bodies.allSatisfy { $0 <= 2500 }, "\(bodies)")
            #expect(try f.lines().compactMap { $0["id"] as? String } == JudgeFixture.customIDs)
        }
    }

    @Test func erroredExpiredAndInvalidAnswersThenRetryFailedSendsOnlyThoseAgain() async throws {
        try await JudgeFixture.with(BatchScenario(outcomes: [ "s1-2": .errored(type: "overloaded_error", message: "Overloaded"), "s3-1": .expired, "s4-2": .text("no JSON here"), ])) { f in
            let plan = try f.plan()
            let first = try await f.judge.run(job: plan.job)
            #expect(first.results == ["succeeded": 7, "errored": 2, "expired": 1])
            let lines = try f.lines()
            let byID = Dictionary(uniqueKeysWithValues: lines.map { ($0["id"] as? String ?? "", $0) })
            #expect(byID["s1-2"]?["error"] as? String == "overloaded_error: Overloaded")
            #expect(byID["s4-2"]?["raw"] as? String == "no JSON here" && byID["s4-2"]?["result"] as? String == "errored")
            #expect(byID["s3-1"]?["analysis"] == nil)
            #expect(try f.judge.failures(job: plan.job, limit: 10).map { String($0.prefix(4)) } == ["s1-2", "s3-1", "s4-2"])

            f.server.updateConfig { $0.batches.outcomes = [:] }
            #expect(try f.judge.retryFailed(job: plan.job) == 3)
            let second = try await f.judge.run(job: plan.job)
            #expect(second.results == ["succeeded": 10])
            #expect(f.server.batchIDs.count == 4, "one new batch for the three")
            let submissions = f.server.batchSubmissions
            #expect(JudgeFixture.customIDs.allSatisfy { submissions[$0] == (["s1-2", "s3-1", "s4-2"].contains($0) ? 2 : 1) })
            #expect(try f.lines().compactMap { $0["id"] as? String } == JudgeFixture.customIDs, "the output rewritten, each turn once")
        }
    }

    @Test func cancelEndsTheBatchesAndWritesCanceledLines() async throws {
        try await JudgeFixture.with(BatchScenario(processingTime: 60)) { f in
            let plan = try f.plan()
            let running = Task { try await f.judge.run(job: plan.job) }
            while f.server.batchIDs.count < 3 || f.server.requests(of: .batchRetrieve).isEmpty { try await Task.sleep(for: .milliseconds(5)) }
            try await f.judge.cancel(job: plan.job)
            let summary = try await running.value
            #expect(summary.results == ["canceled": 10])
            #expect(f.server.requests(of: .batchCancel).count == 3)
            #expect(try f.lines().allSatisfy { $0["result"] as? String == "canceled" })
        }
    }

    @Test(arguments: [RequestKind.batchCreate, .batchRetrieve, .batchList, .batchResults])
    func rateLimitsAndServerErrorsOnAnEndpointAreRetried(kind: RequestKind) async throws {
        try await JudgeFixture.with() { f in
            let plan = try f.plan()
            // Two failures is all a call's retries absorb; a poll that still fails is simply tried at the next poll.
            var faults: [Fault] = [.rateLimited(retryAfterMs: 10), .apiError(500, retryAfterMs: 10)]
            if kind == .batchRetrieve { faults += [.apiError(529, retryAfterMs: 10), .apiError(503)] }
            f.server.enqueue(faults, for: kind)
            if kind == .batchList {
                // A list happens only when a create went unanswered: cut the first create off.
                f.server.enqueue(.closeAfterRequest, for: .batchCreate)
            }
            let summary = try await f.judge.run(job: plan.job)
            #expect(summary.results == ["succeeded": 10])
            #expect(f.server.pendingFaults(for: kind).isEmpty)
            #expect(f.server.batchSubmissions.values.allSatisfy { $0 == 1 } && f.server.batchSubmissions.count == 10)
            #expect(try f.lines().count == 10)
        }
    }

    @Test func anUnansweredCreateThatReachedTheAPIIsAdoptedNotSentAgain() async throws {
        // The fake records the batch, then the connection drops before the answer.
        try await JudgeFixture.with(BatchScenario(createLatency: 3), maxRetries: 1) { f in
            let plan = try f.plan(perBatch: 10)
            let running = Task { try await f.judge.run(job: plan.job) }
            while f.server.batchIDs.isEmpty { try await Task.sleep(for: .milliseconds(5)) }
            running.cancel()
            _ = await running.result
            #expect(try f.store.judgeBatches(job: plan.job).first?.state == "submitting")
            f.server.updateConfig { $0.batches.createLatency = 0 }
            let summary = try await f.judge.run(job: plan.job)
            #expect(summary.results == ["succeeded": 10])
            #expect(f.server.batchIDs.count == 1 && f.server.batchSubmissions.values.allSatisfy { $0 == 1 })
            #expect(f.reports.all.contains { $0.contains("found msgbatch_fake_1 on the API") })
        }
    }

    @Test func aHalfWrittenOutputIsCompletedNotDuplicated() async throws {
        try await JudgeFixture.with() { f in
            let plan = try f.plan()
            _ = try await f.judge.run(job: plan.job)
            let whole = try String(contentsOfFile: f.output, encoding: .utf8)
            let lines = whole.split(separator: "\n", omittingEmptySubsequences: false)
            let four = lines.prefix(4).joined(separator: "\n") + "\n"
            // As if killed while writing line 5, with the store's record at line 4.
            try (four + lines[4].prefix(30)).write(toFile: f.output, atomically: true, encoding: .utf8)
            try f.store.setJudgeWritten(plan.job, lines: 4, bytes: four.utf8.count)
            try f.store.setJudgeJob(plan.job, state: "running")
            _ = try await f.judge.run(job: plan.job)
            #expect(try String(contentsOfFile: f.output, encoding: .utf8) == whole)
            #expect(f.server.requests(of: .batchCreate).count == 3)
        }
    }

    @Test func directGivesTheSameLinesAndResumesWithoutResending() async throws {
        try await JudgeFixture.with() { f in
            let batched = try f.plan()
            _ = try await f.judge.run(job: batched.job)
            let viaBatches = try f.lines().map { $0.filter { $0.key != "usage" } as NSDictionary }
            let direct = try f.plan(direct: 3)
            #expect(direct.batches == 0)
            // Four turns already answered, as if the process had died after them.
            let answered = try f.store.judgeRequests(job: direct.job, from: 0, limit: 4)
            let stored = try f.store.judgeRequests(job: batched.job, from: 0, limit: 4)
            try f.store.recordJudgeAnswers(job: direct.job, zip(answered, stored).map { JudgeAnswer(
                customID: $0.customID, result: "succeeded", outcome: $1.outcome ?? "", inputTokens: 1, outputTokens: 1) })
            let summary = try await f.judge.run(job: direct.job)
            #expect(summary.results == ["succeeded": 10])
            #expect(f.server.requests(of: .analysis).count == 6, "only the six without an answer are sent")
            #expect(try f.lines().map { $0.filter { $0.key != "usage" } as NSDictionary } == viaBatches)
        }
    }
}

/// custom_ids: stable, within the API's pattern, mapped back through the job's table.
@Suite struct JudgeCustomIDTests {
    @Test func longOrOddSessionIDsAreMappedAndBadRecordsSkipped() async throws {
        try await JudgeFixture.with() { f in
            let long = String(repeating: "x", count: 70)
            let records = [RescoreTests.dict(id: long, ["one", "two"]), "{not json", RescoreTests.dict(id: "a b/c", ["three"]),
                           RescoreTests.dict(id: "ok", ["four"]), RescoreTests.dict(id: "ok", ["five"])]
            try (records.joined(separator: "\n") + "\n").write(toFile: f.input, atomically: true, encoding: .utf8)
            let plan = try f.plan()
            #expect(plan.requests == 5 && plan.skipped == 1)
            #expect(f.reports.all.contains { $0.contains("sessions.jsonl:2:") }, "the bad record is reported by file:line")
            _ = try await f.judge.run(job: plan.job)
            let lines = try f.lines()
            #expect(lines.compactMap { $0["id"] as? String } == ["t0", "t1", "t2", "ok-1", "t4"])
            #expect(lines.compactMap { $0["session_id"] as? String } == [long, long, "a b/c", "ok", "ok"])
            #expect(lines.compactMap { $0["line"] as? Int } == [1, 1, 3, 4, 5])
            #expect(Set(f.server.batchSubmissions.keys) == ["t0", "t1", "t2", "ok-1", "t4"])
        }
    }
}
