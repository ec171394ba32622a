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

@Suite struct UndefinedCorrelationTests {
    /// Constant local confidence 0.1 against varying recorded scores: the sums' rounding used to
    /// leave a variance of ~1e-17 and print r = 0.000 (3.07e-08 in JSON).
    @Test func zeroVarianceIsUndefinedWithItsReasonNotANumber() {
        var a = Agreement()
        for (i, y) in [0.1, 0.35, 0.8, 0.55, 0.2, 0.95, 0.4].enumerated() {
            a.add(new: Analysis(confidenceScore: 0.1, clarityScore: Double(i) / 10), recorded: Analysis(confidenceScore: y, clarityScore: y))
        }
        #expect(a.confidencePearson == nil)
        #expect(a.confidenceUndefined == "zero variance in local confidence")
        #expect(a.clarityPearson != nil && a.clarityUndefined == nil)
        var one = Agreement()
        one.add(new: Analysis(), recorded: Analysis())
        #expect(one.clarityUndefined == "fewer than 2 turns compared")
    }
}
