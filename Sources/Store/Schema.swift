import GRDB

/// The database schema, as migrations applied in order to any file (new or old). Dates are
/// seconds since 1970, so what is read back equals what was saved.
enum Schema {
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
        return migrator
    }
}
