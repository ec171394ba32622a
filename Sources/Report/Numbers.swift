/// Numbers as the report prints them: fixed decimals without Foundation's locale-dependent
/// formatters, so the same data gives the same bytes on every machine, and fast enough for
/// thousands of coordinates.
package enum Num {
    /// `value` with at most `decimals` decimals, trailing zeros dropped ("12.5", "3", "-0.25").
    package static func fmt(_ value: Double, _ decimals: Int = 1) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((abs(value) * Double(scale)).rounded())
        if scaled == 0 { return "0" }
        var whole = String(scaled / scale)
        var fraction = String(scaled % scale)
        if value < 0 { whole = "-" + whole }
        guard scaled % scale != 0 else { return whole }
        fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return whole + "." + fraction
    }

    /// A 0...1 score with two decimals, always shown with both ("0.70").
    package static func score(_ value: Double) -> String {
        let hundredths = Int((min(1, max(0, value.isFinite ? value : 0)) * 100).rounded())
        return "\(hundredths / 100)." + (hundredths % 100 < 10 ? "0" : "") + "\(hundredths % 100)"
    }

    /// Milliseconds for people: "850 ms", "2.4 s".
    package static func duration(ms: Double) -> String {
        ms < 1_000 ? "\(Int(ms.rounded())) ms" : fmt(ms / 1_000, 1) + " s"
    }

    /// Seconds as "3 h 20 min", "12 min", "45 s".
    package static func span(seconds: Double) -> String {
        let s = Int(seconds.rounded())
        if s < 60 { return "\(s) s" }
        if s < 3_600 { return "\(s / 60) min" }
        return "\(s / 3_600) h \(s % 3_600 / 60) min"
    }

    /// Whole-number ticks (turn numbers): multiples of a step of 1, 2 or 5 × 10^k, never below 1.
    package static func integerTicks(_ low: Int, _ high: Int, count: Int) -> [Int] {
        guard high > low, count > 0 else { return [low] }
        var magnitude = 1
        while magnitude * 10 <= (high - low) / count { magnitude *= 10 }
        let step = [1, 2, 5, 10].map { $0 * magnitude }.first { $0 * count >= high - low } ?? magnitude * 10
        let first = (low + step - 1) / step * step
        return (low < first ? [low] : []) + Array(stride(from: first, through: high, by: step))
    }
}
