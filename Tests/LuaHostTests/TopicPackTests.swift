import Foundation
import Testing
@testable import LuaHost
import TeachBack

/// The shipped topic packs: at least 20, each with concepts and declared terms that work.
@Suite struct TopicPackTests {
    let host: LuaScriptHost
    init() throws { host = try ScriptFixtures.builtinHost() }

    @Test func atLeastTwentyPacksEachWithConceptsAndDefinedTerms() async throws {
        let topics = await host.topics
        #expect(topics.count >= 20, "\(topics.map(\.name))")
        let errors = await host.loadErrors
        #expect(errors.isEmpty, "\(errors)")
        for topic in topics {
            let counts = topic.description.split(separator: " ").compactMap { Int($0) }
            #expect(counts.count == 2 && counts[0] >= 5 && counts[1] >= 4, "\(topic.name): \(topic.description)")
        }
        for name in ["dns", "public-key cryptography", "mitosis", "inflation", "derivatives", "entropy", "linked lists",
                     "sorting", "tcp/ip layers", "natural selection", "plate tectonics"] {
            #expect(topics.contains { $0.name == name }, "\(name)")
        }
    }

    /// Each pack's first concept is found by its own name and a term is flagged until defined:
    /// the pack reaches the heuristics as ctx.concepts and ctx.terms.
    @Test func everyPacksConceptsAndTermsReachTheHeuristics() async throws {
        for topic in await host.topics.map(\.name) {
            let empty = await host.analyze("Hello there.", context: ScriptFixtures.context(topic: topic))
            let first = try #require(empty.analysis.knowledgeGaps.first, "\(topic) has concepts")
            let covered = await host.analyze("Here is \(first).", context: ScriptFixtures.context(topic: topic))
            #expect(covered.covered.contains(first), "\(topic): '\(first)' covers itself")
        }
    }
}

extension TopicPackTests {
    @Test func aliasesOfAPackAreScheduledAsOneTopic() async {
        #expect(await host.scheduledTopic("recursive functions") == "recursion")
        #expect(await host.scheduledTopic("Recursion") == "recursion")
        #expect(await host.scheduledTopic("knitting") == "knitting")
    }
}
