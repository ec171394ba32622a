import TeachBack

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
