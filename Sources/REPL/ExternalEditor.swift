import Foundation

/// `:edit`: writes a draft to a private temporary file, opens `$VISUAL` or `$EDITOR` on it and
/// returns what was saved (nil when the editor failed or the text came back empty).
enum ExternalEditor {
    enum Failure: Error, CustomStringConvertible {
        case noEditor, cannotStart(String), exited(Int32)
        var description: String {
            switch self {
            case .noEditor: "no editor: set $VISUAL or $EDITOR (on a terminal, vi or nano is used when installed)"
            case .cannotStart(let why): "cannot start the editor: \(why)"
            case .exited(let status): "the editor exited with status \(status); nothing was sent"
            }
        }
    }

    /// Tried in this order when neither `$VISUAL` nor `$EDITOR` is set.
    static let fallbacks = ["vi", "nano"]

    /// `$VISUAL`, `$EDITOR`, else (on a terminal: a full-screen editor needs one) the first of
    /// `fallbacks` found on `$PATH`.
    static func editor(environment: [String: String], onTerminal: Bool) -> String? {
        if let set = [environment["VISUAL"], environment["EDITOR"]].compactMap({ $0 }).first(where: { !$0.isEmpty }) { return set }
        guard onTerminal else { return nil }
        let path = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return fallbacks.lazy.compactMap { name in
            path.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        }.first
    }

    static func edit(environment: [String: String], onTerminal: Bool) async throws(Failure) -> String? {
        guard let editor = editor(environment: environment, onTerminal: onTerminal) else { throw .noEditor }
        let path = NSTemporaryDirectory() + "teachback-\(UUID().uuidString).md"
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw .cannotStart("cannot create a draft file in \(NSTemporaryDirectory())")
        }
        defer { try? FileManager.default.removeItem(atPath: path) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The editor string may carry arguments ("code -w"), as shells and git treat it.
        process.arguments = ["-c", "\(editor) \"$1\"", "sh", path]
        let status: Int32
        do {
            status = try await withCheckedThrowingContinuation { continuation in
                process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
                do { try process.run() } catch { continuation.resume(throwing: error) }
            }
        } catch {
            throw .cannotStart(error.localizedDescription)
        }
        guard status == 0 else { throw .exited(status) }
        let text = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return text.isEmpty ? nil : text
    }
}
