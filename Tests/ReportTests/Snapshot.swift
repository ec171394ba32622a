import Foundation
import Testing

/// Byte-for-byte comparison with a committed file under `Snapshots/`. With
/// `TEACHBACK_RECORD_SNAPSHOTS=1` the file is (re)written instead, and the test says so.
enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["TEACHBACK_RECORD_SNAPSHOTS"] == "1" {
            try Data(actual.utf8).write(to: url)
            Issue.record("recorded \(name); run again without TEACHBACK_RECORD_SNAPSHOTS to compare", sourceLocation: sourceLocation)
            return
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            Issue.record("no snapshot \(name): run with TEACHBACK_RECORD_SNAPSHOTS=1 to record it", sourceLocation: sourceLocation)
            return
        }
        if expected != Data(actual.utf8) {
            let failed = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("actual-" + name)
            try? Data(actual.utf8).write(to: failed)
            Issue.record("\(name) differs from its snapshot; the new output is in \(failed.path)", sourceLocation: sourceLocation)
        }
    }
}
