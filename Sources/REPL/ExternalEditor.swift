import Foundation

/// `:edit`: writes a draft to a private temporary file, opens `$VISUAL` or `$EDITOR` on it and
/// returns what was saved (nil when the editor failed or the text came back empty).
enum ExternalEditor {
    enum Failure: Error, CustomStringConvertible {
        case noEditor, cannotStart(String), exited(Int32)
        var description: String {
            switch self {
            case .noEditor: "set $VISUAL or $EDITOR to use :edit"
            case .cannotStart(let why): "cannot start the editor: \(why)"
            case .exited(let status): "the editor exited with status \(status); nothing was sent"
            }
        }
    }

    static func edit(environment: [String: String]) async throws(Failure) -> String? {
        guard let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap({ $0 }).first(where: { !$0.isEmpty }) else {
            throw .noEditor
        }
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
