import Foundation
import TeachBack

/// Renders a session as the HTML report; given by the executable, which owns the Report module.
package typealias SessionReporter = @Sendable (Session) async throws -> String

/// `:report [FILE]`: the current session as an HTML file, opened in a browser only when a person
/// is watching (stdout is a terminal) and `xdg-open` exists — never under tests or pipes.
extension REPL {
    func reportCommand(_ path: String) async {
        guard let session = await engine.session else {
            console.error("no session yet: start one with :teach TOPIC")
            return
        }
        guard let reporter else {
            console.error(":report is not available here")
            return
        }
        let file = ((path.isEmpty ? "teachback-report-\(session.id.prefix(8)).html" : path) as NSString).expandingTildeInPath
        do {
            try await reporter(session).write(toFile: file, atomically: true, encoding: .utf8)
        } catch {
            console.error("cannot write the report to \(file): \((error as NSError).localizedDescription)")
            return
        }
        let absolute = file.hasPrefix("/") ? file : FileManager.default.currentDirectoryPath + "/" + file
        console.out(absolute)
        if isatty(1) == 1, let opener = Self.executable(named: "xdg-open", environment: environment) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: opener)
            process.arguments = [absolute]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try? process.run()
        }
    }

    /// The first `name` on `$PATH` that can be run.
    static func executable(named name: String, environment: [String: String]) -> String? {
        (environment["PATH"] ?? "").split(separator: ":").map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
