/// The `failRate` draw: a small seeded generator (SplitMix64), so `--seed` repeats a run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum RandomFaults {
    /// A retryable failure, or nil for "answer normally", with probability `rate`.
    static func draw(rate: Double, kind: RequestKind, tokenCount: Int, using generator: inout SplitMix64) -> Fault? {
        guard rate > 0, kind != .other, Double.random(in: 0..<1, using: &generator) < rate else { return nil }
        let choices = kind == .question ? 4 : 3
        switch Int.random(in: 0..<choices, using: &generator) {
        case 0: return .apiError(500, retryAfterMs: 20)
        case 1: return .apiError(529, retryAfterMs: 20)
        case 2: return .rateLimited(retryAfterMs: 20)
        default: return .cutBeforeStop(afterTokens: Int.random(in: 0...max(0, tokenCount), using: &generator))
        }
    }
}
