import GRDB

/// The database schema, as migrations applied in order to any file (new or old). Dates are
/// seconds since 1970, so what is read back equals what was saved.
enum Schema {
    /// Brings the file to the current schema. Several processes may start on a new file at once:
    /// GRDB reads which migrations are applied before it takes the write lock, so a process that
    /// lost the race fails its (rolled back) migration with "table already exists". It then reads
    /// again, now under no illusion, and finds the work done or does what is left.
    static func migrate(_ pool: DatabasePool) throws {
        let attempts = 3
        for attempt in 1...attempts {
            if try pool.read({ try migrator.hasCompletedMigrations($0) }) { return }
            do {
                try migrator.migrate(pool)
                return
            } catch where attempt < attempts {
                continue
            }
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: sessions, turns, review items") { db in
            try db.create(table: "session") { t in
                t.primaryKey("id", .text)
                t.column("topic", .text).notNull()
                t.column("mode", .text).notNull()
                t.column("startedAt", .double).notNull()
                t.column("updatedAt", .double).notNull().indexed()
            }
            try db.create(table: "turn") { t in
                t.belongsTo("session", onDelete: .cascade).notNull()
                t.column("number", .integer).notNull()
                t.primaryKey(["sessionId", "number"])
                t.column("mode", .text).notNull()
                t.column("explanation", .text).notNull()
                t.column("question", .text).notNull()
                t.column("interrupted", .boolean).notNull()
                // Analyses as their §3 JSON, so they read the same here as in exports.
                t.column("localAnalysis", .jsonText).notNull()
                t.column("claudeAnalysis", .jsonText)
                t.column("analysis", .jsonText).notNull()
                t.column("analysisBackend", .text).notNull()
                t.column("questionBackend", .text).notNull()
                t.column("fallbackReason", .text)
                t.column("totalMs", .double).notNull()
                t.column("analysisMs", .double)
                t.column("firstTokenMs", .double)
                t.column("inputTokens", .integer).notNull()
                t.column("outputTokens", .integer).notNull()
                t.column("createdAt", .double).notNull()
            }
            try db.create(table: "reviewItem") { t in
                t.primaryKey("topic", .text)
                t.column("easiness", .double).notNull()
                t.column("interval", .integer).notNull()
                t.column("repetitions", .integer).notNull()
                t.column("due", .double).notNull()
                t.column("lastQuality", .integer)
            }
        }
        migrator.registerMigration("v2: session.userId") { db in
            try db.alter(table: "session") { t in t.add(column: "userId", .text) }
        }
        // Registered last: what each turn covered, so a resumed session still remembers the lesson;
        // the day whose best review counts, with the schedule before it (one review a day).
        migrator.registerMigration("v4: turn.covered, one review a day") { db in
            try db.alter(table: "turn") { t in t.add(column: "covered", .jsonText) }
            try db.alter(table: "reviewItem") { t in
                t.add(column: "day", .text)
                t.add(column: "baseEasiness", .double)
                t.add(column: "baseInterval", .integer)
                t.add(column: "baseRepetitions", .integer)
            }
        }
        return migrator
    }
}
