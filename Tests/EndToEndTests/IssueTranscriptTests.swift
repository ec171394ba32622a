import Foundation
import Testing

/// The transcript of issue 17, re-run offline through the binary: contrarian on binary search,
/// five turns, the last after `:mode five-year-old`.
@Suite(.serialized) struct IssueTranscriptTests {
    static let turns = [
        "Each step halves the range, so it needs about log2(n) comparisons, which is much faster than scanning every element.",
        "If the low index passes the high index the item is not there, and you stop.",
        "It is like guessing a number between 1 and 100: you guess 50 and I say higher or lower.",
        "The list must be sorted, and each step compares the target with the middle element.",
        "So a sorted list of a million items needs only 20 steps.",
    ]
    /// The same turns, hedged in every sentence.
    static let hedged = [
        "I think each step maybe halves the range, so it probably needs about log2(n) comparisons, I guess.",
        "Maybe if the low index passes the high index the item is probably not there, I think.",
        "I guess it is sort of like guessing a number between 1 and 100, maybe.",
        "I think the list might need to be sorted, and maybe each step compares the target with the middle element.",
        "So perhaps a sorted list of a million items needs maybe 20 steps, I think.",
    ]
    static let concepts = ["sorted input", "middle element", "comparison with the target", "halving the range",
                           "low and high bounds", "not-found case", "logarithmic time"]

    struct Run {
        var questions: [String]
        var confidences: [Double]
        var persistent: String
        var covered: [[String]]
        var gaps: [[String]]
    }

    static func run(_ explanations: [String]) throws -> Run {
        let home = try Binary.sandbox()
        let input = [":mode contrarian", ":teach binary search"] + explanations.prefix(4)
            + [":mode five-year-old", explanations[4], ":stats", ":export \(home)/s.json", ":quit"]
        let result = try Binary.run(["--offline"], input: input.joined(separator: "\n") + "\n", home: home, extra: ["NO_COLOR": "1"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.components(separatedBy: "\n")
        let questions = lines.filter { $0.hasPrefix("student› ") }.dropFirst().map { String($0.dropFirst(9)) }
        let confidences = lines.filter { $0.hasPrefix("clarity 0") || $0.hasPrefix("clarity 1") }.compactMap { line in
            line.range(of: "confidence ").flatMap { Double(line[$0.upperBound...].prefix(4)) }
        }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: home + "/s.json")))
        let turns = try #require(((json as? [String: Any])?["turns"]) as? [[String: Any]])
        return Run(questions: Array(questions), confidences: confidences,
                   persistent: lines.first { $0.hasPrefix("persistent gaps:") } ?? "",
                   covered: turns.map { $0["covered"] as? [String] ?? [] },
                   gaps: turns.map { (($0["analysis"] as? [String: Any])?["knowledge_gaps"] as? [String]) ?? [] })
    }

    @Test func theStudentRemembersAndTheScoresUseTheirRange() throws {
        let run = try Self.run(Self.turns)
        try #require(run.questions.count == 5 && run.confidences.count == 5 && run.covered.count == 5, "\(run)")
        var known: Set<String> = []
        for i in 0..<5 {
            known.formUnion(run.covered[i])
            // What the question asks about, leaving out the teacher's words it quotes.
            let own = run.questions[i].lowercased().replacingOccurrences(of: #""[^"]*""#, with: "", options: .regularExpression)
            for concept in known {
                #expect(!own.contains(concept), "turn \(i + 1) asks about '\(concept)': \(run.questions[i])")
                #expect(!run.gaps[i].contains(concept), "turn \(i + 1) reports '\(concept)' as a gap")
            }
            #expect(!run.questions[i].contains("never mentioned") || !known.contains { run.questions[i].contains($0) })
        }
        #expect(known.isSuperset(of: ["halving the range", "logarithmic time", "low and high bounds", "not-found case"]),
                "what the issue's turns 1 and 2 taught: \(known)")
        let never = Set(Self.concepts).subtracting(known)
        for concept in Self.concepts where !never.contains(concept) {
            #expect(!run.persistent.contains(concept), "covered, yet persistent: \(run.persistent)")
        }
        #expect(run.confidences.allSatisfy { $0 >= 0.8 }, "assertive turns: \(run.confidences)")
    }

    @Test func hedgedRewritesOfTheSameTurnsScoreLowConfidence() throws {
        let run = try Self.run(Self.hedged)
        try #require(run.confidences.count == 5)
        #expect(run.confidences.allSatisfy { $0 <= 0.5 }, "hedged turns: \(run.confidences)")
    }
}
