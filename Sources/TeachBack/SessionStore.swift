import Foundation

/// The seam to persistent sessions (implemented by `Store` over SQLite). Every completed turn is
/// saved before the next prompt; a session with no turns is never saved.
package protocol SessionStore: Sendable {
    /// Saves `turn` (the last of `session`) and the session's current persona, in one transaction.
    func save(_ turn: Turn, of session: Session) async throws
    /// The most recently active sessions first.
    func sessions(limit: Int) async throws -> [SessionSummary]
    /// The session whose id is `idOrPrefix` or uniquely starts with it.
    func session(matching idOrPrefix: String) async throws -> Session
    func latestSession() async throws -> Session?
}

/// A line of `:sessions`.
package struct SessionSummary: Sendable, Equatable, Codable {
    package var id: String
    package var topic: String
    package var mode: String
    package var startedAt: Date
    package var updatedAt: Date
    package var turns: Int
    package init(id: String, topic: String, mode: String, startedAt: Date, updatedAt: Date, turns: Int) {
        self.id = id
        self.topic = topic
        self.mode = mode
        self.startedAt = startedAt
        self.updatedAt = updatedAt
        self.turns = turns
    }
}

/// Why a session could not be found or opened.
package enum StoreError: Error, Equatable, CustomStringConvertible {
    case noSuchSession(String)
    case ambiguous(String, [String])
    case unavailable(String)

    package var description: String {
        switch self {
        case .noSuchSession(let id): "no saved session matches '\(id)'"
        case .ambiguous(let id, let ids): "'\(id)' matches several sessions: \(ids.joined(separator: ", "))"
        case .unavailable(let why): why
        }
    }
}

/// The store of a run whose database could not be opened: every save fails with the reason, so
/// turns wait in the engine and end in a rescue file rather than vanishing with the process.
package struct UnavailableStore: SessionStore {
    package let reason: String
    package init(reason: String) { self.reason = reason }

    package func save(_ turn: Turn, of session: Session) async throws { throw StoreError.unavailable(reason) }
    package func sessions(limit: Int) async throws -> [SessionSummary] { throw StoreError.unavailable(reason) }
    package func session(matching idOrPrefix: String) async throws -> Session { throw StoreError.unavailable(reason) }
    package func latestSession() async throws -> Session? { throw StoreError.unavailable(reason) }
}
