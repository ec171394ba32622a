import Testing
@testable import TeachBack

@Suite struct AgreementTests {
    @Test func pearsonAndJaccardOnAHandComputedFixture() throws {
        var a = Agreement()
        a.add(new: Analysis(clarityScore: 0.3, knowledgeGaps: ["g1", "g2"]), recorded: Analysis(clarityScore: 0.2, knowledgeGaps: ["G1."]))
        a.add(new: Analysis(clarityScore: 0.4, knowledgeGaps: ["g1"], unexplainedJargon: ["j1"]),
              recorded: Analysis(clarityScore: 0.4, knowledgeGaps: ["g1", "g3"], unexplainedJargon: ["j1"]))
        a.add(new: Analysis(clarityScore: 0.6), recorded: Analysis(clarityScore: 0.9, unexplainedJargon: ["j2"]))
        #expect(a.turns == 3)
        // x = (0.3, 0.4, 0.6), y = (0.2, 0.4, 0.9): r = 0.11 / √(0.046667 × 0.26) = 0.998625
        #expect(abs((a.clarityPearson ?? 0) - 0.998625) < 1e-5)
        #expect(a.confidencePearson == nil, "constant scores have no correlation")
        #expect(abs((a.meanGapsJaccard ?? 0) - 2.0 / 3) < 1e-12)    // (½ + ½ + 1) / 3
        #expect(abs((a.meanJargonJaccard ?? 0) - 2.0 / 3) < 1e-12)  // (1 + 1 + 0) / 3
        #expect(Agreement().meanGapsJaccard == nil)
    }
}
