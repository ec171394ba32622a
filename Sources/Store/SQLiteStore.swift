import Foundation
import GRDB
import TeachBack

/// Sessions in SQLite (GRDB, WAL): one transaction per turn, so a crash or power cut loses
/// nothing already answered. The file is readable by its owner only.
package final class SQLiteStore: SessionStore {
    let pool: DatabasePool
    package let path: String

    /// `$XDG_DATA_HOME/teachback/teachback.sqlite`.
    package static func standardPath(dataDirectory: String) -> String { dataDirectory + "/teachback.sqlite" }

    /// How long a statement waits for another connection's lock before failing, in seconds.
    package let busyTimeout: Double
    package static let defaultBusyTimeout = 5.0

    /// Opens (creating, migrating) the database at `path`; throws `StoreError.unavailable` with a
    /// one-line reason when it cannot (read-only, corrupt, not a database, or locked by another
    /// connection for longer than `busyTimeout` seconds).
    package init(path: String, busyTimeout: Double = SQLiteStore.defaultBusyTimeout) throws(StoreError) {
        self.path = path
        self.busyTimeout = busyTimeout
        do {
            try Self.preparePrivateFile(path)
            var config = Configuration()
            // Another teachback (or any SQLite client) holding a write lock for a moment is waited
            // for, not reported as a failure.
            config.busyMode = .timeout(busyTimeout)
            pool = try Self.open(path, config, waitingUntil: Date().addingTimeInterval(busyTimeout))
        } catch {
            throw .unavailable("cannot use the database \(path): \(Self.reason(error))")
        }
    }

    /// Opens the pool and migrates. Some lock conflicts fail at once instead of calling the busy
    /// handler (switching a new file to WAL, a read upgraded to a write while another process
    /// commits), so those are retried here until the busy timeout has passed.
    private static func open(_ path: String, _ config: Configuration, waitingUntil deadline: Date) throws -> DatabasePool {
        while true {
            do {
                let pool = try DatabasePool(path: path, configuration: config)
                try Schema.migrate(pool)
                return pool
            } catch let error as DatabaseError where [.SQLITE_BUSY, .SQLITE_LOCKED].contains(error.resultCode) && Date() < deadline {
                usleep(UInt32.random(in: 20_000...60_000))
            }
        }
    }

    /// Creates the directory (0700) and an empty file (0600) before SQLite does, so neither is
    /// ever readable by others; SQLite gives its -wal and -shm files the same mode. `O_EXCL`, not
    /// check-then-create: Foundation's createFile writes a new file and renames it over the path,
    /// which, racing another process that had just created and filled the database, replaced
    /// that database with an empty one.
    private static func preparePrivateFile(_ path: String) throws {
        let dir = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd >= 0 {
            close(fd)
        } else if errno != EEXIST {
            throw StoreError.unavailable("cannot create it: \(String(cString: strerror(errno)))")
        }
    }

    static func reason(_ error: any Error) -> String {
        if let db = error as? DatabaseError { return db.message ?? db.resultCode.description }
        if let store = error as? StoreError { return store.description }
        return (error as NSError).localizedDescription
    }

    /// What `teachback doctor` reports of the database.
    package struct Health: Sendable {
        /// SQLite's own consistency check: "ok", or what is wrong.
        package var integrity: String
        package var journalMode: String
        package var busyTimeout: Double
        /// Space left for the database to grow on its filesystem.
        package var freeBytes: UInt64
        /// Below this, saves are about to fail.
        package static let lowSpace: UInt64 = 10_000_000
    }

    package func health() async throws -> Health {
        let (integrity, journal) = try await pool.read { db in
            (try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; "),
             try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "unknown")
        }
        var fs = statvfs()
        let free = statvfs((path as NSString).deletingLastPathComponent, &fs) == 0 ? UInt64(fs.f_bavail) * UInt64(fs.f_frsize) : 0
        return Health(integrity: integrity, journalMode: journal, busyTimeout: busyTimeout, freeBytes: free)
    }

    package func save(_ turn: Turn, of session: Session) async throws {
        let sessionRow = SessionRow(id: session.id, topic: session.topic, mode: session.mode,
                                    startedAt: session.startedAt.timeIntervalSince1970,
                                    updatedAt: turn.createdAt.timeIntervalSince1970, userId: session.userID)
        let turnRow = try TurnRow(turn, sessionID: session.id)
        try await pool.write { db in
            try sessionRow.upsert(db)
            try turnRow.upsert(db)
        }
    }

    package func sessions(limit: Int) async throws -> [SessionSummary] {
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

    package func session(matching idOrPrefix: String) async throws -> Session {
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

    package func latestSession() async throws -> Session? {
        try await pool.read { db in
            guard let row = try SessionRow.order(Column("updatedAt").desc).fetchOne(db) else { return nil }
            return try Self.load(row.id, db)
        }
    }

    /// Every saved session, oldest first (for `export --all`).
    package func allSessions() async throws -> [Session] {
        try await pool.read { db in
            try String.fetchAll(db, sql: "SELECT id FROM session ORDER BY startedAt").map { try Self.load($0, db) }
        }
    }

    /// Saves whole sessions (import, rescue files) by merging: each turn is written under its
    /// number, turns already saved and absent from the file are kept, and the session keeps its
    /// earliest start and its most recent persona. Importing the same file twice changes nothing.
    package func insert(_ sessions: [Session]) async throws {
        try await pool.write { db in
            for session in sessions where !session.turns.isEmpty {
                let updatedAt = (session.turns.map(\.createdAt).max() ?? session.startedAt).timeIntervalSince1970
                try db.execute(sql: """
                    INSERT INTO session (id, topic, mode, startedAt, updatedAt, userId) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET
                      userId = coalesce(session.userId, excluded.userId),
                      mode = CASE WHEN excluded.updatedAt >= session.updatedAt THEN excluded.mode ELSE session.mode END,
                      startedAt = min(session.startedAt, excluded.startedAt),
                      updatedAt = max(session.updatedAt, excluded.updatedAt)
                    """, arguments: [session.id, session.topic, session.mode, session.startedAt.timeIntervalSince1970, updatedAt,
                                     session.userID])
                for turn in session.turns { try TurnRow(turn, sessionID: session.id).upsert(db) }
            }
        }
    }

    private static func load(_ id: String, _ db: Database) throws -> Session {
        guard let row = try SessionRow.fetchOne(db, key: id) else { throw StoreError.noSuchSession(id) }
        let turns = try TurnRow.filter(Column("sessionId") == id).order(Column("number")).fetchAll(db).map { try $0.turn() }
        return Session(id: row.id, topic: row.topic, mode: row.mode, startedAt: Date(timeIntervalSince1970: row.startedAt), turns: turns,
                       userID: row.userId)
    }

    private static func likePrefix(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_") + "%"
    }
}
