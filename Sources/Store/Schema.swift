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
        migrator.registerMigration("v3: judge jobs") { db in
            // `teachback judge` (DESIGN §10): a job is written here before anything is submitted.
            try db.create(table: "judgeJob") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("createdAt", .double).notNull()
                t.column("inputs", .jsonText).notNull()
                t.column("inputSHA256", .text).notNull()
                t.column("output", .text).notNull()
                t.column("model", .text).notNull()
                t.column("options", .jsonText).notNull()
                t.column("state", .text).notNull()
                // The output's complete lines and their bytes: a resumed job cuts the file there.
                t.column("writtenLines", .integer).notNull().defaults(to: 0)
                t.column("writtenBytes", .integer).notNull().defaults(to: 0)
            }
            try db.create(table: "judgeBatch") { t in
                t.belongsTo("job", inTable: "judgeJob", onDelete: .cascade).notNull()
                t.column("number", .integer).notNull()
                t.primaryKey(["jobId", "number"])
                t.column("requestCount", .integer).notNull()
                t.column("state", .text).notNull()
                // Set before the create call, so a resumed job can find a batch it never heard of.
                t.column("submitStartedAt", .double)
                t.column("batchId", .text)
                t.column("counts", .jsonText)
            }
            try db.create(table: "judgeRequest") { t in
                t.belongsTo("job", inTable: "judgeJob", onDelete: .cascade).notNull()
                t.column("idx", .integer).notNull()
                t.primaryKey(["jobId", "idx"])
                t.column("customId", .text).notNull()
                t.uniqueKey(["jobId", "customId"])
                t.column("sessionId", .text).notNull()
                t.column("line", .integer).notNull()
                t.column("turn", .integer).notNull()
                t.column("batch", .integer)
                t.column("result", .text)
                t.column("outcome", .text)
                t.column("inputTokens", .integer).notNull().defaults(to: 0)
                t.column("outputTokens", .integer).notNull().defaults(to: 0)
            }
            try db.create(index: "judgeRequestByBatch", on: "judgeRequest", columns: ["jobId", "batch"])
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
