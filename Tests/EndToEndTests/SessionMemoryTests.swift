import Foundation
import Testing

/// The student remembers the lesson (issue 17): a concept covered in an earlier turn is no gap
/// later, the question never asks about it, and `:stats` never calls it persistent.
@Suite(.serialized) struct SessionMemoryTests {
    /// The `student›` lines after the greeting, and the analysis lines after each turn, of a piped run.
    static func turns(_ result: Binary.Result) -> (questions: [String], analyses: [String]) {
        let lines = result.stdout.components(separatedBy: "\n")
        let questions = lines.filter { $0.hasPrefix("student› ") }.dropFirst()
        return (questions.map { String($0.dropFirst(9)) }, lines.filter { $0.hasPrefix("clarity 0") || $0.hasPrefix("clarity 1") })
    }

    static func persistent(_ stdout: String) -> String {
        stdout.components(separatedBy: "\n").first { $0.hasPrefix("persistent gaps:") } ?? ""
    }

    @Test(arguments: ["socratic", "anxious", "contrarian", "five-year-old"])
    func whatTurnOneAndTwoCoveredIsNeverAGapOrAQuestionAgain(mode: String) throws {
        let input = """
        :mode \(mode)
        :teach recursion
        The base case stops the recursion: when n is 0 the function returns 1.
        Otherwise the function calls itself with a smaller number.
        It is like a queue of people each asking the next one.
        :stats
        :quit
        """
        let result = try Binary.run(["--offline"], input: input, home: try Binary.sandbox(), extra: ["NO_COLOR": "1"])
        #expect(result.status == 0, "\(result.stderr)")
        let (questions, analyses) = Self.turns(result)
        try #require(questions.count == 3 && analyses.count == 3, "\(result.stdout)\n\(result.stderr)")
        #expect(analyses[0].contains("recursive call"), "turn 1 did not cover the recursive call yet")
        #expect(!analyses[0].contains("base case"))
        for i in 1...2 {
            #expect(!analyses[i].contains("base case") && !analyses[i].contains("recursive call"), "\(analyses[i])")
            #expect(!questions[i].lowercased().contains("base case") && !questions[i].lowercased().contains("recursive call"),
                    "\(questions[i])")
        }
        let stats = Self.persistent(result.stdout)
        #expect(stats.contains("call stack"), "never covered, so persistent: \(stats)")
        #expect(!stats.contains("base case") && !stats.contains("recursive call"), "\(stats)")
    }

    /// The session is remembered across a resume: the database keeps what each turn covered.
    @Test func aResumedSessionStillRemembers() throws {
        let home = try Binary.sandbox()
        let first = try Binary.run(["--offline"], input: ":teach recursion\nThe base case stops it when n is 0.\n:quit\n",
                                   home: home, extra: ["NO_COLOR": "1"])
        #expect(first.status == 0, "\(first.stderr)")
        let second = try Binary.run(["--offline", "-c"], input: "A function that calls itself is recursive.\n:quit\n",
                                    home: home, extra: ["NO_COLOR": "1"])
        let analyses = Self.turns(second).analyses
        #expect(analyses.count == 1 && !analyses[0].contains("base case"), "\(second.stdout)\n\(second.stderr)")
    }
}
