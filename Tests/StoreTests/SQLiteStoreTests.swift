import Foundation
import Testing
@testable import Store
import TeachBack

func temporaryPath(_ name: String = "teachback.sqlite") -> String {
    let dir = NSTemporaryDirectory() + "tb-store-\(UUID().uuidString)"
    return dir + "/" + name
}

func sampleSession(turns: Int = 3, mode: String = "anxious") -> Session {
    var session = Session(topic: "hash tables", mode: mode, startedAt: Date(timeIntervalSince1970: 1_764_000_000.123456))
    for n in 1...turns {
        let local = Analysis(confidenceScore: 0.1 * Double(n), clarityScore: 0.2 * Double(n), knowledgeGaps: ["collisions"],
                             unexplainedJargon: ["load factor"], strengths: ["uses an example"])
        let claude = n % 2 == 0 ? Analysis(confidenceScore: 0.9, clarityScore: 0.85, knowledgeGaps: ["resizing"], source: .claude) : nil
        session.turns.append(Turn(number: n, mode: n == 3 ? "socratic" : mode, explanation: "Explanation \(n) — naïve “quotes”",
                                  question: "Question \(n)?", interrupted: n == 3, localAnalysis: local, claudeAnalysis: claude,
                                  backend: .init(analysis: claude == nil ? .local : .claude, question: n == 2 ? .claude : .fallback),
                                  fallbackReason: n == 1 ? "question: overloaded (529)" : nil,
                                  timings: .init(total: 412.5 + Double(n), analysis: 400.25, firstToken: n == 2 ? 151.0 : nil),
                                  usage: TokenUsage(inputTokens: 100 * n, outputTokens: 7 * n),
                                  createdAt: Date(timeIntervalSince1970: 1_764_000_010.987654 + Double(n)),
                                  covered: n == 1 ? nil : ["collisions"] + (n == 3 ? ["resizing"] : [])))
    }
    return session
}

@Suite struct SQLiteStoreTests {
    @Test func migratesAnEmptyFileAndKeepsItPrivate() throws {
        let path = temporaryPath()
        _ = try SQLiteStore(path: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let dir = try FileManager.default.attributesOfItem(atPath: (path as NSString).deletingLastPathComponent)
        #expect((dir[.posixPermissions] as? NSNumber)?.intValue == 0o700)
        // Opening again runs no migration twice and keeps working.
        _ = try SQLiteStore(path: path)
    }

    @Test func everySavedTurnComesBackExactlyWithPersonaAndHistory() async throws {
        let store = try SQLiteStore(path: temporaryPath())
        let session = sampleSession()
        var growing = session
        growing.turns = []
        for turn in session.turns {
            growing.turns.append(turn)
            growing.mode = turn.mode
            try await store.save(turn, of: growing)
        }
        let loaded = try await store.session(matching: String(session.id.prefix(6)))
        #expect(loaded.turns == session.turns)
        #expect(loaded.mode == "socratic", "the persona of the last turn is restored")
        #expect(loaded.startedAt == session.startedAt)
        #expect(try await store.latestSession()?.id == session.id)
        let summaries = try await store.sessions(limit: 10)
        #expect(summaries.map(\.turns) == [3])
    }

    @Test func idPrefixesResolveUniquelyOrSayWhy() async throws {
        let store = try SQLiteStore(path: temporaryPath())
        var a = sampleSession(turns: 1)
        a.id = "abc11111-0000"
        var b = sampleSession(turns: 1)
        b.id = "abc22222-0000"
        try await store.insert([a, b])
        #expect(try await store.session(matching: "abc1").id == a.id)
        await #expect(throws: StoreError.ambiguous("abc", ["abc11111-0000", "abc22222-0000"])) { try await store.session(matching: "abc") }
        await #expect(throws: StoreError.noSuchSession("zzz")) { try await store.session(matching: "zzz") }
        await #expect(throws: StoreError.noSuchSession("a%")) { try await store.session(matching: "a%") }
    }

    @Test func aReadOnlyOrCorruptDatabaseIsReportedNotFatal() throws {
        let corrupt = temporaryPath()
        try FileManager.default.createDirectory(atPath: (corrupt as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(repeating: 0x42, count: 8192).write(to: URL(fileURLWithPath: corrupt))
        #expect(throws: StoreError.self) { try SQLiteStore(path: corrupt) }
        do {
            _ = try SQLiteStore(path: corrupt)
        } catch {
            #expect(error.description.contains("cannot use the database"))
        }
        #expect(throws: StoreError.self) { try SQLiteStore(path: "/proc/teachback/cannot.sqlite") }
    }
}

@Suite struct SessionCodecTests {
    @Test(arguments: [SessionCodec.Format.json, .jsonl])
    func exportThenImportIsLossless(format: SessionCodec.Format) throws {
        let sessions = format == .json ? [sampleSession()] : [sampleSession(), sampleSession(turns: 1, mode: "contrarian")]
        let text = try SessionCodec.encode(sessions, as: format)
        let records = format == .json ? [text] : text.split(separator: "\n").map(String.init)
        #expect(try records.map { try SessionCodec.importSession(Data($0.utf8), now: Date()).session } == sessions)
    }

    @Test func theOriginalServicesSessionDictImports() throws {
        let original = """
        {"topic": "recursion", "mode": "socratic",
         "conversation_history": [{"role": "user", "content": "It calls itself."}, {"role": "assistant", "content": "Why?"},
                                  {"role": "user", "content": "To shrink the problem."}, {"role": "assistant", "content": "And then?"}],
         "analyses": [{"confidence_score": 0.5, "clarity_score": 0.4, "knowledge_gaps": ["Base case explanation"]},
                      {"confidence_score": 0.6, "clarity_score": 0.7, "knowledge_gaps": ["base case explanation"]}]}
        """
        let session = try SessionCodec.importSession(Data(original.utf8), now: Date()).session
        #expect(session.topic == "recursion")
        #expect(session.turns.map(\.explanation) == ["It calls itself.", "To shrink the problem."])
        #expect(session.turns.map(\.question) == ["Why?", "And then?"])
        #expect(session.turns[1].analysis.confidenceScore == 0.6)
        let analytics = SessionAnalytics(analyses: session.turns.map(\.analysis))
        #expect(analytics.persistentGaps == ["Base case explanation"])
    }

    /// The same dict without an id imports under the same id however it is formatted, so a
    /// second import upserts instead of duplicating; no date means the import time, marked.
    @Test func aDictWithoutIdGetsAContentIdAndNoDateIsMarked() throws {
        let compact = #"{"topic": "t", "conversation_history": [{"role": "user", "content": "x"}], "analyses": [{"clarity_score": 0.5, "confidence_score": 0.5}]}"#
        let spaced = #"{ "analyses": [ {"confidence_score": 0.5, "clarity_score": 0.5} ], "conversation_history": [{"content": "x", "role": "user"}], "topic": "t" }"#
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let first = try SessionCodec.importSession(Data(compact.utf8), now: now)
        let again = try SessionCodec.importSession(Data(spaced.utf8), now: now.addingTimeInterval(60))
        #expect(first.session.id == again.session.id)
        #expect(first.session.id.hasPrefix("import-"))
        #expect(first.undated && first.session.startedAt == now)
        let other = try SessionCodec.importSession(Data(compact.replacingOccurrences(of: "\"x\"", with: "\"y\"").utf8), now: now)
        #expect(other.session.id != first.session.id)
    }

    @Test func aRecordThatDoesNotFitSaysWhereAndWhat() {
        #expect(throws: ImportProblem(message: "analyses[1].clarity_score: expected a number")) {
            try SessionCodec.importSession(Data(#"{"topic": "t", "analyses": [{"clarity_score": 0.5}, {"clarity_score": "high"}]}"#.utf8), now: Date())
        }
        #expect(throws: ImportProblem(message: "analyses[0].confidence_score: 60 is outside [0, 1] (skipped, not rescaled)")) {
            try SessionCodec.importSession(Data(#"{"topic": "t", "analyses": [{"clarity_score": 0.5, "confidence_score": 60}]}"#.utf8), now: Date())
        }
        #expect(throws: ImportProblem(message: "'topic' is missing")) {
            try SessionCodec.importSession(Data(#"{"analyses": []}"#.utf8), now: Date())
        }
    }

    @Test func ourExportCarriesTheOriginalsKeys() throws {
        let json = try SessionCodec.encode([sampleSession()], as: .jsonl)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        for key in ["topic", "mode", "conversation_history", "analyses", "turns", "id"] { #expect(object[key] != nil, "\(key)") }
        #expect((object["conversation_history"] as? [[String: String]])?.first?["role"] == "user")
    }

    @Test func markdownReadsAsATranscript() throws {
        let md = try SessionCodec.encode([sampleSession()], as: .md)
        #expect(md.hasPrefix("# hash tables"))
        #expect(md.contains("## Turn 2 (anxious)"))
        #expect(md.contains("**Student:** Question 3? [interrupted]"))
    }
}

@Suite struct ProgressAndReviewTests {
    @Test func progressGroupsTurnsByDayAndCountsTheStreak() async throws {
        let store = try SQLiteStore(path: temporaryPath())
        let now = Date(timeIntervalSince1970: 1_764_072_000)   // 2025-11-25 12:00 UTC
        for (daysAgo, clarity) in [(0, 0.8), (0, 0.6), (1, 0.5), (3, 0.9)] {
            var session = Session(topic: "t", mode: "m", startedAt: now.addingTimeInterval(-Double(daysAgo) * 86_400))
            let turn = Turn(number: 1, mode: "m", explanation: "e", question: "q",
                            localAnalysis: Analysis(confidenceScore: 0.5, clarityScore: clarity), timings: .init(total: 1),
                            createdAt: session.startedAt)
            session.turns = [turn]
            try await store.save(turn, of: session)
        }
        let days = try await store.progress(days: 7, now: now, offset: .zone(.gmt))
        #expect(days.map(\.date) == ["2025-11-22", "2025-11-24", "2025-11-25"])
        #expect(days.map(\.turns) == [1, 1, 2])
        #expect(days.map(\.sessions) == [1, 1, 2])
        #expect(days.last?.averageClarity == 0.7)
        #expect(SQLiteStore.streak(days, now: now, offset: .zone(.gmt)) == 2)
        #expect(SQLiteStore.streak(days, now: now.addingTimeInterval(86_400), offset: .zone(.gmt)) == 2, "today may still come")
        #expect(try await store.progress(days: 1, now: now, offset: .zone(.gmt)).map(\.turns) == [2])
    }

    @Test func finishedSessionsScheduleReviewsByTopic() async throws {
        let store = try SQLiteStore(path: temporaryPath())
        let day = Date(timeIntervalSince1970: 1_764_000_000)
        try await store.recordReview(of: sampleSession(), on: day)
        let first = try #require(try await store.reviewItems().first)
        #expect(first.topic == "hash tables")
        #expect(first.due == day.addingTimeInterval(86_400))
        let next = try await store.review(topic: "Hash  Tables", quality: 5, on: day)
        #expect(next.topic == "hash tables", "topics are matched normalised")
        #expect(try await store.reviewItems().count == 1)
    }
}

extension SQLiteStoreTests {
    @Test func reviewsOnOneDayCountOnceAndSurviveTheDatabase() async throws {
        let store = try SQLiteStore(path: temporaryPath())
        let afternoon = Date(timeIntervalSince1970: 1_764_770_400)   // 2025-12-03 14:00 UTC
        for (minutes, quality) in [(0, 4), (60, 5), (120, 3)] {
            try await store.review(topic: "recursion", quality: quality, on: afternoon + Double(minutes * 60), offset: .zone(.gmt))
        }
        let item = try #require(try await store.reviewItems().first)
        #expect(item.interval == 1 && item.repetitions == 1 && item.lastQuality == 5, "\(item)")
        let next = try await store.review(topic: "recursion", quality: 5, on: afternoon + 86_400, offset: .zone(.gmt))
        #expect(next.interval == 6)
    }
}
