import Foundation
import GRDB
import Testing
@testable import Store
import TeachBack

/// Several connections on one file, as several teachback processes (or any SQLite client) make:
/// SQLite's locks are per file, so separate pools in one process contend exactly as processes do.
@Suite struct ConcurrentAccessTests {
    @Test func manyStoresOpeningOneNewFileAtOnceAllMigrateAndSave() async throws {
        for _ in 1...5 {
            let path = temporaryPath()
            let opened = try await withThrowingTaskGroup(of: Int.self) { group in
                for n in 1...6 {
                    group.addTask {
                        let store = try SQLiteStore(path: path)
                        let session = sampleSession(turns: 1)
                        try await store.save(session.turns[0], of: session)
                        return n
                    }
                }
                return try await group.reduce(0) { count, _ in count + 1 }
            }
            #expect(opened == 6)
            #expect(try await SQLiteStore(path: path).sessions(limit: 100).count == 6)
        }
    }

    @Test func aWriteLockHeldForThreeSecondsIsWaitedForNotAFailure() async throws {
        let path = temporaryPath()
        _ = try SQLiteStore(path: path)
        let locked = try Locker(path: path)
        let release = Task.detached {
            try await Task.sleep(for: .seconds(3))
            try locked.release()
        }
        // Both opening and saving meet the lock; neither gives up before it clears.
        let store = try SQLiteStore(path: path)
        let session = sampleSession(turns: 1)
        try await store.save(session.turns[0], of: session)
        try await release.value
        #expect(try await store.sessions(limit: 10).map(\.id) == [session.id])
    }

    @Test func aLockHeldPastTheBusyTimeoutFailsTheSaveWithTheReason() async throws {
        let path = temporaryPath()
        let store = try SQLiteStore(path: path, busyTimeout: 0.2)
        let locked = try Locker(path: path)
        defer { try? locked.release() }
        let session = sampleSession(turns: 1)
        await #expect(throws: DatabaseError.self) { try await store.save(session.turns[0], of: session) }
    }

    @Test func importMergesTurnsAndIsIdempotent() async throws {
        let store = try SQLiteStore(path: temporaryPath())
        let session = sampleSession(turns: 5)
        var saved = session
        saved.turns = Array(session.turns.prefix(2))
        for turn in saved.turns { try await store.save(turn, of: saved) }
        // A rescue file holds only the turns that were not saved; importing it twice adds them once.
        var rescued = session
        rescued.turns = Array(session.turns.suffix(3))
        try await store.insert([rescued])
        try await store.insert([rescued])
        let loaded = try await store.session(matching: session.id)
        #expect(loaded.turns == session.turns)
        #expect(loaded.mode == session.mode)
        #expect(try await store.sessions(limit: 10).map(\.turns) == [5])
        // An older partial export does not take turns away, nor the newer persona.
        var older = session
        older.mode = "five-year-old"
        older.turns = [session.turns[0]]
        try await store.insert([older])
        let again = try await store.session(matching: session.id)
        #expect(again.turns.count == 5)
        #expect(again.mode == session.mode)
    }

    @Test func healthReportsJournalTimeoutSpaceAndIntegrity() async throws {
        let store = try SQLiteStore(path: temporaryPath(), busyTimeout: 7)
        let health = try await store.health()
        #expect(health.integrity == "ok")
        #expect(health.journalMode == "wal")
        #expect(health.busyTimeout == 7)
        #expect(health.freeBytes > 0)
    }
}

/// Another connection holding the database's write lock (`BEGIN IMMEDIATE`) until released.
final class Locker: Sendable {
    private let queue: DatabaseQueue

    init(path: String) throws {
        var config = Configuration()
        config.allowsUnsafeTransactions = true   // the point: a transaction left open between accesses
        queue = try DatabaseQueue(path: path, configuration: config)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE; INSERT INTO reviewItem (topic, easiness, interval, repetitions, due, lastQuality) VALUES ('lock', 2.5, 1, 1, 0, NULL)")
        }
    }

    func release() throws {
        try queue.writeWithoutTransaction { db in try db.execute(sql: "COMMIT") }
    }
}
