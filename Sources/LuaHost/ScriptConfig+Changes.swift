import TeachBack

extension ScriptConfig {
    /// What differs from `old`, one line per setting (`model: a → b`), for `:reload` to report.
    package func changes(from old: ScriptConfig) -> [String] {
        func show<T>(_ value: T?) -> String { value.map { "\($0)" } ?? "(default)" }
        func line<T: Equatable>(_ name: String, _ a: T?, _ b: T?) -> String? {
            a == b ? nil : "\(name): \(show(a)) → \(show(b))"
        }
        func priceList(_ p: [String: Price]) -> String? {
            p.isEmpty ? nil : p.keys.sorted().map { "\($0) \(p[$0]!.input)/\(p[$0]!.output)" }.joined(separator: ", ")
        }
        return [
            line("model", old.model, model), line("parallel", old.parallel, parallel),
            line("analytics_every", old.analyticsEvery, analyticsEvery),
            line("history_turns", old.historyTurns, historyTurns),
            line("prices", priceList(old.prices), priceList(self.prices)),
            line("timeouts.connect", old.connectTimeout, connectTimeout), line("timeouts.stall", old.stallTimeout, stallTimeout),
            line("timeouts.total", old.totalTimeout, totalTimeout), line("max_retries", old.maxRetries, maxRetries),
        ].compactMap { $0 }
    }
}
