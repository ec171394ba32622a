import TeachBack

/// What scripts wrote with `teachback.log` or `print`: the last `capacity` lines, each with the
/// `file:line` of the call. One log outlives `:reload`, so lines written before it stay readable;
/// `echo` (for `--verbose`) sees every line at once, from the thread running the script.
package final class ScriptLog: Sendable {
    package struct Line: Sendable, Equatable {
        package var file: String
        package var line: Int
        package var message: String
        /// `plugins/foo.lua:12: message`, as `:log` shows it.
        package var text: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
    }

    package static let defaultCapacity = 500
    /// Longest message kept: a script logging megabytes is cut, not stored.
    static let maxMessage = 2_000

    private let lines = Protected<[Line]>([])
    private let capacity: Int
    private let echo: (@Sendable (Line) -> Void)?

    package init(capacity: Int = ScriptLog.defaultCapacity, echo: (@Sendable (Line) -> Void)? = nil) {
        self.capacity = capacity
        self.echo = echo
    }

    func append(_ line: Line) {
        var line = line
        if line.message.utf8.count > Self.maxMessage {
            line.message = ScriptRuntime.bounded(line.message, to: Self.maxMessage)
        }
        lines.withLock { lines in
            lines.append(line)
            if lines.count > capacity { lines.removeFirst(lines.count - capacity) }
        }
        echo?(line)
    }

    /// The last `count` lines (all when nil), oldest first.
    package func last(_ count: Int? = nil) -> [Line] {
        lines.withLock { lines in Array(lines.suffix(count ?? lines.count)) }
    }

    /// The last `count` lines written from `file`, oldest first.
    package func last(_ count: Int, from file: String) -> [Line] {
        lines.withLock { lines in Array(lines.filter { $0.file == file }.suffix(count)) }
    }
}
