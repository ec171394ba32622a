import TeachBack

/// `teachback check`: what goes wrong when the scripts of some files run as teachback would run
/// them. Each mode greets, builds a question request and asks its offline question, and each
/// heuristic analyses, over a few sample explanations of every topic involved; every problem is
/// one line naming `file:line`.
extension LuaScriptHost {
    /// Problems of the scripts loaded from `files` (as their names appear in messages), in order.
    package func check(files: Set<String>) -> [String] {
        var problems = self.files.filter { files.contains($0.file) }.compactMap(\.error)
        let modes = modes().filter { files.contains($0.file) }
        let heuristics = heuristics.filter { files.contains($0.file) }.map(\.name)
        let topics = ["recursion"] + self.topics.filter { files.contains($0.file) }.map(\.name)
        func note(_ problem: Problem) { if !problems.contains(problem.message) { problems.append(problem.message) } }
        for topic in topics {
            var history: [PastTurn] = []
            var covered: [String] = []
            for (number, explanation) in Self.samples(topic).enumerated() {
                let context = AnalysisContext(topic: topic, mode: modes.first?.name ?? "socratic", number: number + 1, history: history,
                                              covered: covered)
                let report = analyze(explanation, context: context)
                covered = Terms.union([covered, report.covered])
                for problem in report.problems where heuristics.contains(where: { problem.message.hasPrefix("heuristic '\($0)' ") }) {
                    note(problem)
                }
                for mode in modes {
                    let session = SessionInfo(id: "check", topic: topic, mode: mode.name, turns: number)
                    let turn = TurnContext(topic: topic, mode: mode.name, number: number + 1, explanation: explanation,
                                           analysis: report.analysis, history: history, asked: history.map(\.question),
                                           covered: covered, question: nil)
                    do throws(Problem) {
                        _ = try greeting(mode: mode.name, session: session)
                        _ = try questionPrompt(mode: mode.name, turn: turn, session: session)
                        _ = try fallbackQuestion(mode: mode.name, turn: turn)
                    } catch {
                        note(error)
                    }
                }
                history.append(PastTurn(explanation: explanation, question: "Why?", analysis: report.analysis))
            }
        }
        return problems
    }

    /// A clear explanation, a vague one, a jargon-laden one and an empty-ish one.
    static func samples(_ topic: String) -> [String] {
        [
            "\(topic.capitalized) is easiest to see in an example. First we take a small case and work it out step by step; "
                + "then a bigger case reuses the small one. That is why it works, and it stops when nothing is left to do.",
            "I think \(topic) is maybe kind of about things, sort of, probably.",
            "The \(topic) leverages an idempotent memoized trampoline over the heap-allocated continuation frames.",
            "?",
        ]
    }
}
