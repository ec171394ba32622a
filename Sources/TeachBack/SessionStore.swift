import Foundation

/// The seam to persistent sessions (implemented by `Store` over SQLite). Every completed turn is
/// saved before the next prompt; a session with no turns is never saved.
public protocol SessionStore: Sendable {
    /// Saves `turn` (the last of `session`) and the session's current persona, in one transaction.
    func save(_ turn: Turn, of session: Session) async throws
    /// The most recently active sessions first.
    func sessions(limit: Int) async throws -> [SessionSummary]
    /// The session whose id is `idOrPrefix` or uniquely starts with it.
    func session(matching idOrPrefix: String) async throws -> Session
    func latestSession() async throws -> Session?
}

/// A line of `:sessions`.
public struct SessionSummary: Sendable, Equatable, Codable {
    public var id: String
    public var topic: String
    public var mode: String
    public var startedAt: Date
    public var updatedAt: Date
    public var turns: Int
    public init(id: String, topic: String, mode: String, startedAt: Date, updatedAt: Date, turns: Int) {
        self.id = id
        self.topic = topic
        self.mode = mode
        self.startedAt = startedAt
        self.updatedAt = updatedAt
        self.turns = turns
    }
}

/// Why a session could not be found or opened.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case noSuchSession(String)
    case ambiguous(String, [String])
    case unavailable(String)

    public var description: String {
        switch self {
        case .noSuchSession(let id): "no saved session matches '\(id)'"
        case .ambiguous(let id, let ids): "'\(id)' matches several sessions: \(ids.joined(separator: ", "))"
        case .unavailable(let why): why
        }
    }
}

/// The store of a run whose database could not be opened: every save fails with the reason, so
/// turns wait in the engine and end in a rescue file rather than vanishing with the process.
public struct UnavailableStore: SessionStore {
    public let reason: String
    public init(reason: String) { self.reason = reason }

    public func save(_ turn: Turn, of session: Session) async throws { throw StoreError.unavailable(reason) }
    public func sessions(limit: Int) async throws -> [SessionSummary] { throw StoreError.unavailable(reason) }
    public func session(matching idOrPrefix: String) async throws -> Session { throw StoreError.unavailable(reason) }
    public func latestSession() async throws -> Session? { throw StoreError.unavailable(reason) }
}
