import Claude
import Foundation
import Store

/// `--direct N`: the same requests through the Messages client, N at a time, each answer
/// stored as it arrives (a resumed job sends only what has no answer yet).
extension Judge {
    func runDirect(_ job: JudgeJob, input: JudgeInput, concurrency: Int) async throws {
        let pending = try store.unansweredJudgeRequests(job: job.id, batch: nil)
        guard !pending.isEmpty else { return }
        let answers = JudgeAnswers()
        var wanted = pending[...]
        var turns = input.turns(skipped: { _ in })
        var done = 0
        try await withThrowingTaskGroup(of: JudgeAnswer.self) { group in
            var running = 0
            func store(_ answer: JudgeAnswer) throws {
                try self.store.recordJudgeAnswers(job: job.id, [answer])
                done += 1
                if done % 100 == 0 || done == pending.count { report("direct: \(done)/\(pending.count) answered") }
            }
            while let want = wanted.first {
                guard let turn = turns.next() else { throw JudgeError("job \(job.id): the input has fewer turns than planned") }
                guard turn.index == want.index else { continue }
                wanted = wanted.dropFirst()
                if running == concurrency, let answer = try await group.next() {
                    try store(answer)
                    running -= 1
                }
                let onRetry = notice(want.customID)
                group.addTask { [messages] in
                    let reply: Result<MessageResponse, any Error>
                    do {
                        reply = .success(try await messages.send(turn.request, onRetry: onRetry))
                    } catch let error as APIError {
                        reply = .failure(error)
                    }
                    return try answers.answer(reply, request: want)
                }
                running += 1
            }
            while let answer = try await group.next() { try store(answer) }
        }
    }
}
