import Foundation

/// A turn being assembled from its parts as they succeed or fail.
struct TurnDraft {
    var local: Analysis
    var localTime: Double
    var problems: [Problem]
    var claude: Analysis?
    var analysisTime: Double?
    var question: String?
    var questionSource: Turn.Backends.QuestionSource = .fallback
    var firstToken: Double?
    var usage = TokenUsage.zero
    var interrupted = false
    /// The concepts the local analysis found covered in this explanation.
    var covered: [String] = []
    /// Why parts fell back, as the turn records it; `backendReasons` are Claude's alone.
    private var reasons: [String] = []
    private var backendReasons: [String] = []

    init(local: Analysis, localTime: Double, problems: [Problem]) {
        self.local = local
        self.localTime = localTime
        self.problems = problems
    }

    mutating func noteFallback(_ reason: String) {
        reasons.append(reason)
        backendReasons.append(reason)
    }

    /// A script failure: recorded with the turn, shown once as a problem (never again nested in
    /// the fallback line).
    mutating func noteScriptFailure(_ problem: Problem) {
        reasons.append(problem.message)
        problems.append(problem)
    }

    var backendReason: String? { backendReasons.isEmpty ? nil : backendReasons.joined(separator: "; ") }

    mutating func take(analysis result: CallResult<Analysis>) {
        analysisTime = result.milliseconds
        switch result.ending {
        case .success(let reply):
            claude = reply.value
            usage = usage + reply.usage
        case .cancelled: interrupted = true
        case .failure(let reason): noteFallback("analysis: \(reason)")
        }
    }

    /// `partial` holds whether text was already streamed: an interrupted question keeps it.
    mutating func take(question result: CallResult<String>?, partial: FirstToken) {
        guard let result else { return }
        switch result.ending {
        case .success(let reply):
            question = reply.value
            questionSource = .claude
            usage = usage + reply.usage
        case .cancelled:
            interrupted = true
            question = partial.text
            questionSource = .claude
        case .failure(let reason): noteFallback("question: \(reason)")
        }
    }

    func turn(number: Int, mode: String, explanation: String, total: Double) -> Turn {
        Turn(number: number, mode: mode, explanation: explanation, question: question ?? "", interrupted: interrupted,
             localAnalysis: local, claudeAnalysis: claude,
             backend: .init(analysis: claude == nil ? .local : .claude, question: questionSource),
             fallbackReason: reasons.isEmpty ? nil : reasons.joined(separator: "; "),
             timings: .init(total: total, analysis: analysisTime ?? localTime, firstToken: firstToken), usage: usage,
             covered: covered)
    }
}

/// How one backend call ended, and how long it took.
struct CallResult<Value: Sendable>: Sendable {
    enum Ending: Sendable {
        case success(BackendReply<Value>)
        case cancelled
        /// One line saying why, as the user sees it.
        case failure(String)
    }
    var ending: Ending
    var milliseconds: Double

    static func timed(_ call: () async throws -> BackendReply<Value>) async -> CallResult {
        let clock = ContinuousClock()
        let started = clock.now
        let ending: Ending
        do {
            ending = .success(try await call())
        } catch is CancellationError {
            ending = .cancelled
        } catch {
            ending = Task.isCancelled ? .cancelled : .failure(String(describing: error))
        }
        return CallResult(ending: ending, milliseconds: (clock.now - started).milliseconds)
    }
}

/// When the first fragment of the question arrived, and what arrived before an interruption.
/// Written from the backend's thread, read by the engine afterwards.
final class FirstToken: Sendable {
    private let started: ContinuousClock.Instant
    /// When the first fragment came, and every fragment so far.
    private let seen = Protected<(at: ContinuousClock.Instant?, text: String)>((nil, ""))

    init(started: ContinuousClock.Instant) { self.started = started }

    func mark(_ text: String = "") {
        seen.withLock {
            if $0.at == nil { $0.at = ContinuousClock.now }
            $0.text += text
        }
    }

    var elapsed: Double? { seen.withLock { $0.at.map { ($0 - started).milliseconds } } }
    var text: String { seen.withLock { $0.text } }
}
