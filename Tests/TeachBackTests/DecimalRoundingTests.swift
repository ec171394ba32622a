import Testing
@testable import TeachBack

/// Averages round as Python's `round(x, 2)` does; the expected values were printed by Python 3.
@Suite struct DecimalRoundingTests {
    @Test func matchesPythonsRoundOnTiesAndNearTies() {
        let cases: [(Double, Double)] = [
            (2.675, 2.67), (0.125, 0.12), (0.375, 0.38), (0.625, 0.62), (1.005, 1.0), (0.005, 0.01),
            (0.015, 0.01), (0.045, 0.04), (0.285, 0.28), (0.6449999999999999, 0.64), (0.645, 0.65),
            (1e-5, 0.0), (-2.675, -2.67), (-0.125, -0.12), (0, 0), (123.455, 123.45), (0.999, 1.0),
            (0.995, 0.99), (0.994999, 0.99), (5e-324, 0), (1e16, 1e16), (0.7250000000000001, 0.73),
            (0.32383276483316237, 0.32), (0.6509344730398537, 0.65), (0.5358820043066892, 0.54),
        ]
        for (value, python) in cases {
            #expect(value.roundedToHundredths == python, "round(\(value), 2)")
        }
    }

    @Test func averagesUseIt() {
        // 0.5 and 0.75 average to exactly 0.625: Python gives 0.62 (ties to even), not 0.63.
        let a = SessionAnalytics(analyses: [Analysis(clarityScore: 0.5), Analysis(clarityScore: 0.75)])
        #expect(a.averageClarity == 0.62)
    }
}
