import Foundation
import Testing
@testable import Store
import TeachBack

@Suite struct RescueFileTests {
    @Test func unsavedTurnsGoToAPrivateFileThatImportsBack() throws {
        let state = NSTemporaryDirectory() + "tb-rescue-\(UUID().uuidString)"
        let sessions = [sampleSession(turns: 2), sampleSession(turns: 1, mode: "contrarian")]
        let path = try RescueFile.write(sessions, environment: ["XDG_STATE_HOME": state])
        #expect(path.hasPrefix(state + "/teachback/rescue/"))
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(try lines.map { try SessionCodec.importSession(Data($0.utf8), now: Date()).session } == sessions)
    }

    @Test func anUnwritableStateDirectoryFallsBackToTheTemporaryDirectory() throws {
        let path = try RescueFile.write([sampleSession(turns: 1)], environment: ["XDG_STATE_HOME": "/proc/no-such-dir"])
        #expect(path.hasPrefix(NSTemporaryDirectory()))
        #expect(FileManager.default.fileExists(atPath: path))
        let message = RescueFile.rescue([sampleSession(turns: 2)], environment: ["XDG_STATE_HOME": "/proc/no-such-dir"])
        #expect(message.hasPrefix("2 turns could not be saved to the database; they are in /"))
        #expect(message.contains("teachback import"))
    }
}
