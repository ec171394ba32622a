import Foundation
import LuaHost
import Store
import TeachBack

/// Text for the REPL's listings. Pure functions of their inputs, so tests can read them.
package enum Views {
    static let sparkBlocks = Array("▁▂▃▄▅▆▇█")

    /// One block per value in 0...1.
    static func sparkline(_ values: [Double]) -> String {
        String(values.map { v in
            sparkBlocks[min(sparkBlocks.count - 1, max(0, Int((v * Double(sparkBlocks.count - 1)).rounded()))) ]
        })
    }

    static func score(_ v: Double) -> String { String(format: "%.2f", v) }

    /// The dim line after each turn: scores, gaps, jargon, backend, latency, tokens.
    package static func turnLine(_ turn: Turn, prices: Price? = nil) -> String {
        let a = turn.analysis
        var parts = ["clarity \(score(a.clarityScore))", "confidence \(score(a.confidenceScore))"]
        if !a.knowledgeGaps.isEmpty { parts.append("gaps: " + a.knowledgeGaps.joined(separator: ", ")) }
        if !a.unexplainedJargon.isEmpty { parts.append("jargon: " + a.unexplainedJargon.joined(separator: ", ")) }
        if !a.strengths.isEmpty { parts.append("strengths: " + a.strengths.joined(separator: ", ")) }
        let backend = turn.backend == .offline ? "offline" : "\(turn.backend.analysis.rawValue)/\(turn.backend.question.rawValue)"
        parts.append(backend)
        parts.append(String(format: "%.0f ms", turn.timings.total))
        if let first = turn.timings.firstToken { parts.append(String(format: "first token %.0f ms", first)) }
        if turn.usage != .zero {
            parts.append("\(turn.usage.inputTokens)+\(turn.usage.outputTokens) tokens")
            if let prices { parts.append(cost(turn.usage, prices)) }
        }
        return parts.joined(separator: " · ")
    }

    /// The analysis in a few lines, for `teachback analyze`.
    package static func analysis(_ a: Analysis) -> String {
        ["clarity     \(score(a.clarityScore))", "confidence  \(score(a.confidenceScore))",
         "gaps        " + list(a.knowledgeGaps), "jargon      " + list(a.unexplainedJargon),
         "strengths   " + list(a.strengths)].joined(separator: "\n")
    }

    /// Dollars for `usage` at `price` (USD per million tokens).
    static func cost(_ usage: TokenUsage, _ price: Price) -> String {
        String(format: "$%.4f", (Double(usage.inputTokens) * price.input + Double(usage.outputTokens) * price.output) / 1_000_000)
    }

    static func stats(_ session: Session, analytics: SessionAnalytics, behind: Int = 0, prices: Price? = nil) -> [String] {
        var lines = ["\(session.topic) · \(session.mode) · \(Views.count(analytics.totalTurns, "turn"))"
                     + (behind > 0 ? " (updating: \(behind) newer turn\(behind == 1 ? "" : "s") not counted yet)" : "")]
        guard analytics.totalTurns > 0 else { return lines + ["No turns yet: explain something first."] }
        lines.append("clarity     \(sparkline(analytics.learningCurve))  avg \(score(analytics.averageClarity))  trend \(analytics.clarityTrend.rawValue.replacingOccurrences(of: "_", with: " "))")
        lines.append("confidence  \(sparkline(analytics.confidenceOverTime))  avg \(score(analytics.averageConfidence))")
        lines.append("persistent gaps: " + list(analytics.persistentGaps))
        lines.append("review next:     " + list(analytics.suggestedReviewTopics))
        let usage = session.turns.map(\.usage).reduce(.zero, +)
        lines.append("tokens: \(usage.inputTokens) in, \(usage.outputTokens) out" + (prices.map { " · " + cost(usage, $0) } ?? ""))
        return lines
    }

    static func history(_ session: Session) -> [String] {
        guard !session.turns.isEmpty else { return ["No turns yet."] }
        return session.turns.flatMap { turn in
            ["[\(turn.number)] you (\(turn.mode)):", indent(turn.explanation),
             "[\(turn.number)] student\(turn.interrupted ? " [interrupted]" : ""):", indent(turn.question), ""]
        }.dropLast()
    }

    static func modes(_ modes: [ModeInfo], current: String) -> [String] {
        let width = modes.map(\.name.count).max() ?? 0
        return modes.map { m in
            "\(m.name == current ? "*" : " ") \(m.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(m.description)  (\(m.file))"
        }
    }

    static func plugins(heuristics: [PluginItem], topics: [PluginItem], commands: [PluginItem], hooks: [PluginItem],
                        files: [LoadedFile], log: ScriptLog, memoryUsed: Int, memoryCap: Int) -> [String] {
        func section(_ title: String, _ items: [PluginItem]) -> [String] {
            let names = items.map { $0.usage ?? $0.name }
            let width = names.map(\.count).max() ?? 0
            return ["\(title) (\(items.count)):"] + zip(names, items).map { name, item in
                "  " + name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + (item.description.isEmpty ? "" : item.description + "  ")
                    + "(\(item.file))"
            }
        }
        var lines = section("heuristics", heuristics) + section("topics", topics) + section("commands", commands) + section("hooks", hooks)
        let failed = files.filter { $0.error != nil }
        lines.append("files: \(files.count) loaded, \(failed.count) with errors")
        for f in failed { lines.append("  ✗ \(f.error ?? "")") }
        // The last few log lines of each file that wrote any (`:log` shows them all).
        for f in files {
            let recent = log.last(Self.logLinesPerFile, from: f.file)
            if !recent.isEmpty { lines.append("log of \(f.file):"); lines += recent.map { "  \($0.text)" } }
        }
        lines.append(String(format: "Lua memory: %.1f MiB of %d MiB", Double(memoryUsed) / 1_048_576, memoryCap >> 20))
        return lines
    }

    static let logLinesPerFile = 3

    /// `1 turn`, `3 turns`.
    package static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// A heuristic's notes on one line under its name; a note that already starts with the name
    /// (`coverage: 2 of 7 concepts covered`) is not prefixed twice.
    package static func notes(of result: HeuristicResult) -> String {
        let prefix = result.name + ": "
        return prefix + result.notes.map { $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : $0 }.joined(separator: "; ")
    }

    /// `:log [N]`: the last N (default 20) script log lines, oldest first.
    static func log(_ log: ScriptLog, args: String) -> [String]? {
        let trimmed = args.trimmingCharacters(in: .whitespaces)
        guard let count = trimmed.isEmpty ? 20 : Int(trimmed), count > 0 else { return nil }
        let lines = log.last(count).map(\.text)
        return lines.isEmpty ? ["(no log lines yet: scripts write them with teachback.log or print)"] : lines
    }

    /// Review items as a table: topic, when due, interval, easiness, last quality.
    package static func review(_ items: [ReviewItem], now: Date = Date()) -> String {
        let width = items.map(\.topic.count).max() ?? 0
        return items.map { item in
            let days = Int((item.due.timeIntervalSince(now) / 86_400).rounded(.up))
            let when = days <= 0 ? "due now" : "in \(Views.count(days, "day"))"
            return "\(item.topic.padding(toLength: width, withPad: " ", startingAt: 0))  \(when)  every \(item.interval)d  " +
                String(format: "EF %.2f", item.easiness) + "  last quality \(item.lastQuality.map(String.init) ?? "-")"
        }.joined(separator: "\n")
    }

    /// Per-day bars: turns, and average clarity and confidence as 20-cell bars.
    package static func progress(_ days: [SQLiteStore.Day], streak: Int) -> String {
        guard !days.isEmpty else { return "No turns in this period." }
        let most = days.map(\.turns).max() ?? 1
        func bar(_ fraction: Double, width: Int = 20) -> String {
            let cells = Int((fraction * Double(width)).rounded())
            return String(repeating: "█", count: cells) + String(repeating: "·", count: width - cells)
        }
        var lines = ["day         sessions turns                        clarity               confidence"]
        for d in days {
            lines.append("\(d.date)  \(String(d.sessions).padding(toLength: 8, withPad: " ", startingAt: 0)) " +
                         "\(String(d.turns).padding(toLength: 5, withPad: " ", startingAt: 0)) \(bar(Double(d.turns) / Double(most)))  " +
                         "\(bar(d.averageClarity)) \(score(d.averageClarity))  \(bar(d.averageConfidence)) \(score(d.averageConfidence))")
        }
        lines.append("streak: \(Views.count(streak, "day"))")
        return lines.joined(separator: "\n")
    }

    private static func list(_ items: [String]) -> String { items.isEmpty ? "none" : items.joined(separator: ", ") }
    private static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
    }
}
