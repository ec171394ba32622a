/// A judge job's options, kept with the job so `--resume` carries on as it started.
package struct JudgeOptions: Codable, Sendable, Equatable {
    /// Concurrent Messages calls instead of batches (`--direct N`); nil for Message Batches.
    package var direct: Int?
    /// Seconds between polls of a batch (`--poll`); backs off to four times that while nothing changes.
    package var poll: Double
    /// The API's limits per batch; tests lower them (`--batch-requests`, `--batch-bytes`).
    package var batchRequests: Int
    package var batchBytes: Int

    package static let apiBatchRequests = 100_000
    /// 256 MB, as the API counts request bodies.
    package static let apiBatchBytes = 256_000_000

    package init(direct: Int? = nil, poll: Double = 30, batchRequests: Int = apiBatchRequests, batchBytes: Int = apiBatchBytes) {
        self.direct = direct
        self.poll = poll
        self.batchRequests = batchRequests
        self.batchBytes = batchBytes
    }
}

/// Stable `custom_id`s: `SESSION-TURN` when that is 1–64 characters of `[a-zA-Z0-9_-]` and not
/// taken yet, else `t` and the turn's index in the input (which never contains a dash, so the two
/// kinds never collide). The job's request table maps each back to its session and turn.
struct CustomIDs {
    private var taken = Set<String>()

    mutating func next(sessionID: String, turn: Int, index: Int) -> String {
        let natural = "\(sessionID)-\(turn)"
        if Self.isValid(natural), taken.insert(natural).inserted { return natural }
        return "t\(index)"
    }

    static func isValid(_ id: String) -> Bool {
        (1...64).contains(id.utf8.count) && id.utf8.allSatisfy { b in
            (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) || b == 0x5F || b == 0x2D
        }
    }
}
