import Foundation
import TeachBack

/// The REPL's input history at `$XDG_STATE_HOME/teachback/history`: one line per entry, appended
/// on submit (so concurrent sessions interleave rather than overwrite), readable only by the user.
/// A multi-line entry (a `"""` block) is one line in the file, its newlines written as `\n` and
/// its backslashes as `\\`.
package struct HistoryFile: Sendable {
    package let path: String
    /// Entries kept when the file is loaded; older ones are dropped from the file then.
    static let limit = 1000

    package init(path: String) { self.path = path }

    /// `$XDG_STATE_HOME/teachback/history`, else `~/.local/state/teachback/history`.
    package static func standard(environment: [String: String]) -> HistoryFile {
        HistoryFile(path: Directories.state(environment) + "/history")
    }

    /// The most recent entries, oldest first; trims the file when it has grown past the limit.
    package func load() -> [String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        guard lines.count > Self.limit else { return lines.map(Self.decode) }
        let kept = Array(lines.suffix(Self.limit))
        try? Directories.writePrivate(kept.joined(separator: "\n") + "\n", to: path)
        return kept.map(Self.decode)
    }

    static func encode(_ entry: String) -> String {
        entry.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    }

    static func decode(_ line: String) -> String {
        var out = ""
        var escaped = false
        for c in line {
            if escaped {
                out.append(c == "n" ? "\n" : c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else {
                out.append(c)
            }
        }
        return escaped ? out + "\\" : out
    }

    package func append(_ line: String) {
        guard (try? Directories.ensurePrivateDirectory((path as NSString).deletingLastPathComponent)) != nil else { return }
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        defer { close(fd) }
        _ = Array((Self.encode(line) + "\n").utf8).withUnsafeBytes { writeAll(fd, $0) }
    }
}
