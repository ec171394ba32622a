import Foundation

enum Verdict: String, Encodable, Sendable {
    case pass = "PASS"
    case miss = "MISS"
    /// A number shown for context, with no target of its own.
    case info = "—"
    case error = "ERROR"

    init(_ met: Bool) { self = met ? .pass : .miss }
}

/// One line of the table.
struct Row: Encodable, Sendable {
    var measurement: String
    var value: String
    var target: String = ""
    var verdict: Verdict = .info
}

/// What one case measured: table rows, and the raw numbers for results.json.
struct CaseResult: Encodable, Sendable {
    var number: Int
    var name: String
    var rows: [Row] = []
    var metrics: [String: Double] = [:]
    var notes: [String] = []

    init(_ number: Int, _ name: String) {
        self.number = number
        self.name = name
    }

    static func failed(_ number: Int, _ name: String, _ error: any Error) -> CaseResult {
        var result = CaseResult(number, name)
        result.rows = [Row(measurement: "could not run", value: "\(error)", verdict: .error)]
        return result
    }

    mutating func row(_ measurement: String, _ value: String, target: String = "", _ verdict: Verdict = .info) {
        rows.append(Row(measurement: measurement, value: value, target: target, verdict: verdict))
    }
}

/// The whole run, as results.json holds it.
struct Report: Encodable, Sendable {
    var date: String
    var machine: Machine
    var seconds: Double
    var cases: [CaseResult]

    var markdown: String {
        var lines = [
            "teachback benchmarks, \(date)",
            "Machine: \(machine.summary)",
            "",
            "| # | case | measurement | value | target | result |",
            "|---|---|---|---|---|---|",
        ]
        for result in cases {
            for (index, row) in result.rows.enumerated() {
                let cells = [index == 0 ? "\(result.number)" : "", index == 0 ? result.name : "",
                             row.measurement, row.value, row.target, row.verdict.rawValue]
                lines.append("| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |")
            }
        }
        let notes = cases.flatMap { result in result.notes.map { "- \(result.number): \($0)" } }
        if !notes.isEmpty { lines += [""] + notes }
        lines.append("")
        lines.append(String(format: "Benchmark run took %.0f s.", seconds))
        return lines.joined(separator: "\n")
    }

    func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        try encoder.encode(self).write(to: URL(fileURLWithPath: path))
    }
}

/// Order statistics over samples (linear interpolation between closest ranks).
enum Stats {
    static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let rank = p / 100 * Double(sorted.count - 1)
        let low = Int(rank.rounded(.down))
        let high = min(low + 1, sorted.count - 1)
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - Double(low))
    }

    static func median(_ values: [Double]) -> Double { percentile(values, 50) }
}

extension Duration {
    var ms: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}

/// Number formatting for the table.
enum Format {
    static func ms(_ value: Double) -> String {
        value.isNaN ? "n/a" : String(format: abs(value) < 10 ? "%.2f ms" : "%.1f ms", value)
    }

    static func pair(_ a: Double, _ b: Double, unit: String = "ms") -> String {
        String(format: abs(a) < 10 && abs(b) < 10 ? "%.2f / %.2f %@" : "%.1f / %.1f %@", a, b, unit)
    }

    static func ratio(_ value: Double) -> String { String(format: "%.3f", value) }

    static func mb(kib: Int) -> String { String(format: "%.1f MB", Double(kib) * 1024 / 1e6) }

    static func count(_ value: Double) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.maximumFractionDigits = 0
        return formatter.string(from: NSNumber(value: value)) ?? String(format: "%.0f", value)
    }
}
