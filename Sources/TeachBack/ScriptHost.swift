/// The seam between the core and the scripting runtime (implemented by `LuaHost`): personas,
/// heuristics and hooks. Every method reports script failures instead of throwing them through
/// the turn, so a broken plugin never ends a session.
package protocol ScriptHost: Sendable {
    func modes() async -> [ModeInfo]
    /// Runs every heuristic; failing ones are skipped and listed in the report.
    func analyze(_ text: String, context: AnalysisContext) async -> LocalAnalysisReport
    func greeting(mode: String, session: SessionInfo) async throws(Problem) -> String
    func fallbackQuestion(mode: String, turn: TurnContext) async throws(Problem) -> String
    func questionPrompt(mode: String, turn: TurnContext, session: SessionInfo) async throws(Problem) -> QuestionPrompt
    /// Runs the hooks registered for `event`; returns what failed.
    func notify(_ event: HookEvent) async -> [Problem]
    /// The name a topic is scheduled under: its topic pack's name when one matches (so
    /// "recursive functions" and "recursion" are one topic), else the topic as given.
    func scheduledTopic(_ topic: String) async -> String
}


package enum HookEvent: Sendable {
    case sessionStart(SessionInfo)
    case sessionEnd(SessionInfo)
    case turn(TurnContext)
}

/// The local analysis of one explanation, with what each heuristic said and what failed.
package struct LocalAnalysisReport: Sendable {
    package var analysis: Analysis
    package var results: [HeuristicResult]
    package var problems: [Problem]
    /// Time spent inside the scripts, for `--verbose` and the benchmarks.
    package var scriptTime: Duration
    /// The concepts any heuristic said this explanation covered, de-duplicated in order.
    package var covered: [String] { Terms.union(results.map(\.covered)) }
    package init(analysis: Analysis, results: [HeuristicResult], problems: [Problem], scriptTime: Duration) {
        self.analysis = analysis
        self.results = results
        self.problems = problems
        self.scriptTime = scriptTime
    }
}

/// A failure the user is told about once without the session stopping: a script's error as
/// `plugins/foo.lua:12: message` (plus a traceback), or a turn that could not be saved.
package struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
    package var message: String
    package var traceback: String?
    package init(_ message: String, traceback: String? = nil) {
        self.message = message
        self.traceback = traceback
    }
    package var description: String { message }
}
