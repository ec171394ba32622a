import Dispatch
import Foundation
import Research

/// Ctrl-C while a judge job runs: on a terminal, asks whether to cancel the job's batches on the
/// API (the run then carries on, collecting what finished and writing the output) or leave them
/// running; otherwise, and for `--direct`, stops at once. Either way the job stays resumable:
/// everything answered so far is in the store.
final class JudgeInterrupt: @unchecked Sendable {
    private let source: DispatchSourceSignal

    init(judge: Judge, job: Int64) {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            let resume = "resume with: teachback judge --resume \(job)"
            guard isatty(0) == 1, (try? judge.store.judgeBatches(job: job).isEmpty) == false else {
                JudgeCommand.say("\ninterrupted; the batches keep running on the API; \(resume)")
                exit(130)
            }
            FileHandle.standardError.write(Data("\nCancel the batches on the API? [y/N] ".utf8))
            guard readLine()?.lowercased().hasPrefix("y") == true else {
                JudgeCommand.say("left running; \(resume)")
                exit(130)
            }
            let done = DispatchSemaphore(value: 0)
            Task {
                do { try await judge.cancel(job: job) } catch { JudgeCommand.say("cancel: \(error); \(resume)") }
                done.signal()
            }
            done.wait()
            JudgeCommand.say("canceling; collecting what finished")
        }
        source.resume()
    }

    /// The job is over: Ctrl-C is ordinary again.
    func disarm() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
