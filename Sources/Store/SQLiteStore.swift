import Foundation
import GRDB
import TeachBack

/// Sessions in SQLite (GRDB, WAL): one transaction per turn, so a crash or power cut loses
/// nothing already answered. The file is readable by its owner only.
public final class SQLiteStore: SessionStore {
    let pool: DatabasePool
    public let path: String

    /// `$XDG_DATA_HOME/teachback/teachback.sqlite`.
    public static func standardPath(dataDirectory: String) -> String { dataDirectory + "/teachback.sqlite" }

    /// Opens (creating, migrating) the database at `path`; throws `StoreError.unavailable` with a
    /// one-line reason when it cannot (read-only, locked, corrupt, not a database).
    public init(path: String) throws(StoreError) {
        self.path = path
        do {
            try Self.preparePrivateFile(path)
            var config = Configuration()
            config.busyMode = .timeout(2)
            pool = try DatabasePool(path: path, configuration: config)
            // Reading is enough when the schema is current, so a database another process holds
            // a write lock on still opens (its saves then fail, and say so).
            if try !pool.read({ try Schema.migrator.hasCompletedMigrations($0) }) { try Schema.migrator.migrate(pool) }
        } catch {
            throw .unavailable("cannot use the database \(path): \(Self.reason(error))")
        }
    }

    /// Creates the directory (0700) and an empty file (0600) before SQLite does, so neither is
    /// ever readable by others; SQLite gives its -wal and -shm files the same mode.
    private static func preparePrivateFile(_ path: String) throws {
        let dir = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw StoreError.unavailable("cannot create it")
            }
        }
    }

    static func reason(_ error: any Error) -> String {
        if let db = error as? DatabaseError { return db.message ?? db.resultCode.description }
        if let store = error as? StoreError { return store.description }
        return (error as NSError).localizedDescription
    }

    /// SQLite's own consistency check: "ok", or what is wrong.
    public func integrityCheck() async throws -> String {
        try await pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ") }
    }

    public func save(_ turn: Turn, of session: Session) async throws {
        let sessionRow = SessionRow(id: session.id, topic: session.topic, mode: session.mode,
                                    startedAt: session.startedAt.timeIntervalSince1970,
                                    updatedAt: turn.createdAt.timeIntervalSince1970)
        let turnRow = try TurnRow(turn, sessionID: session.id)
        try await pool.write { db in
            try sessionRow.upsert(db)
            try turnRow.upsert(db)
        }
    }

    public func sessions(limit: Int) async throws -> [SessionSummary] {
        try await pool.read { db in
            let rows = try SessionRow.order(Column("updatedAt").desc).limit(limit).fetchAll(db)
            return try rows.map { row in
                let turns = try TurnRow.filter(Column("sessionId") == row.id).fetchCount(db)
                return SessionSummary(id: row.id, topic: row.topic, mode: row.mode,
                                      startedAt: Date(timeIntervalSince1970: row.startedAt),
                                      updatedAt: Date(timeIntervalSince1970: row.updatedAt), turns: turns)
            }
        }
    }

    public func session(matching idOrPrefix: String) async throws -> Session {
        let prefix = idOrPrefix.lowercased()
        return try await pool.read { db in
            let ids = try String.fetchAll(db, sql: "SELECT id FROM session WHERE id LIKE ? ESCAPE '\\' ORDER BY id LIMIT 6",
                                          arguments: [Self.likePrefix(prefix)])
            let id: String
            if ids.contains(prefix) {
                id = prefix
            } else if ids.count == 1 {
                id = ids[0]
            } else if ids.isEmpty {
                throw StoreError.noSuchSession(idOrPrefix)
            } else {
                throw StoreError.ambiguous(idOrPrefix, ids)
            }
            return try Self.load(id, db)
        }
    }

    public func latestSession() async throws -> Session? {
        try await pool.read { db in
            guard let row = try SessionRow.order(Column("updatedAt").desc).fetchOne(db) else { return nil }
            return try Self.load(row.id, db)
        }
    }

    /// Every saved session, oldest first (for `export --all`).
    public func allSessions() async throws -> [Session] {
        try await pool.read { db in
            try String.fetchAll(db, sql: "SELECT id FROM session ORDER BY startedAt").map { try Self.load($0, db) }
        }
    }

    /// Saves whole sessions (import), replacing any with the same id.
    public func insert(_ sessions: [Session]) async throws {
        try await pool.write { db in
            for session in sessions where !session.turns.isEmpty {
                try SessionRow(id: session.id, topic: session.topic, mode: session.mode,
                               startedAt: session.startedAt.timeIntervalSince1970,
                               updatedAt: (session.turns.last?.createdAt ?? session.startedAt).timeIntervalSince1970).upsert(db)
                try TurnRow.filter(Column("sessionId") == session.id).deleteAll(db)
                for turn in session.turns { try TurnRow(turn, sessionID: session.id).insert(db) }
            }
        }
    }

    private static func load(_ id: String, _ db: Database) throws -> Session {
        guard let row = try SessionRow.fetchOne(db, key: id) else { throw StoreError.noSuchSession(id) }
        let turns = try TurnRow.filter(Column("sessionId") == id).order(Column("number")).fetchAll(db).map { try $0.turn() }
        return Session(id: row.id, topic: row.topic, mode: row.mode, startedAt: Date(timeIntervalSince1970: row.startedAt), turns: turns)
    }

    private static func likePrefix(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_") + "%"
    }
}
