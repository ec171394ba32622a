import Foundation
import Testing

/// The research commands as a researcher runs them: exit codes, explicit inputs, what the
/// summary names, and the Python reference skipping exactly the records teachback skips.
@Suite struct ResearchCommandTests {
    static let session = #"{"id": "s1", "topic": "t", "conversation_history": [{"role": "user", "content": "one two"}, {"role": "assistant", "content": "?"}, {"role": "user", "content": "one two three"}], "analyses": [{"clarity_score": 0.2, "confidence_score": 0.5}, {"clarity_score": 0.4, "confidence_score": 0.6}]}"#

    /// A home with empty built-ins (so only the test's scripts run), a plugins folder and a file.
    static func home(plugins: [String: String]) throws -> String {
        let home = try Binary.sandbox()
        for dir in ["/empty/modes", "/empty/plugins", "/mine", "/config/teachback/plugins"] {
            try FileManager.default.createDirectory(atPath: home + dir, withIntermediateDirectories: true)
        }
        for (name, source) in plugins { try source.write(toFile: home + "/mine/" + name, atomically: true, encoding: .utf8) }
        try (session + "\n").write(toFile: home + "/s.jsonl", atomically: true, encoding: .utf8)
        return home
    }

    static let failing = #"teachback.heuristic { name = "failing", analyze = function() error("always") end }"#
    static let fine = #"teachback.heuristic { name = "fine", analyze = function() return { clarity_score = 0.5 } end }"#

    @Test func aFailingHeuristicMakesTheExitCodeThreeUnlessAllowed() throws {
        let home = try Self.home(plugins: ["failing.lua": Self.failing])
        let env = ["TEACHBACK_HOME": home + "/empty"]
        let failed = try Binary.run(["rescore", "--plugins", home + "/mine", home + "/s.jsonl"], home: home, extra: env)
        #expect(failed.status == 3)
        #expect(failed.stderr.range(of: #"failing\s+2\s+2\s"#, options: .regularExpression) != nil, "\(failed.stderr)")
        // Lua itself shortens long chunk names ("…/mine/failing.lua:1"), so only the tail is fixed.
        #expect(failed.stderr.contains("first failure: \(home)/s.jsonl:1 turn 1: heuristic 'failing' failed: "))
        #expect(failed.stderr.contains("failing.lua:1: always"))
        let allowed = try Binary.run(["rescore", "--allow-failures", "--plugins", home + "/mine", home + "/s.jsonl"], home: home, extra: env)
        #expect(allowed.status == 0)
    }

    @Test func analyzeCountsFailuresTooAndExitsThree() throws {
        let home = try Self.home(plugins: ["failing.lua": Self.failing, "fine.lua": Self.fine])
        let env = ["TEACHBACK_HOME": home + "/empty"]
        let result = try Binary.run(["analyze", "--topic", "t", "--json", "--plugins", home + "/mine"], input: "some words", home: home, extra: env)
        #expect(result.status == 3)
        #expect(result.stderr.contains("failing.lua:1: always"))
        let allowed = try Binary.run(["analyze", "--topic", "t", "--allow-failures", "--plugins", home + "/mine"], input: "x", home: home, extra: env)
        #expect(allowed.status == 0)
    }

    @Test func missingFoldersAreUsageErrors() throws {
        let home = try Self.home(plugins: [:])
        let plugins = try Binary.run(["rescore", "--plugins", "/nonexistent", home + "/s.jsonl"], home: home)
        #expect(plugins.status == 2)
        #expect(plugins.stderr.contains("--plugins /nonexistent: no such folder"))
        let modes = try Binary.run(["analyze", "--topic", "t", "--modes", home + "/nope"], input: "x", home: home)
        #expect(modes.status == 2)
        let teachbackHome = try Binary.run(["rescore", home + "/s.jsonl"], home: home, extra: ["TEACHBACK_HOME": "/nonexistent"])
        #expect(teachbackHome.status == 2)
        #expect(teachbackHome.stderr.contains("TEACHBACK_HOME=/nonexistent: no such folder"))
    }

    /// The user's own plugins folder changes results only when asked for; every loaded script
    /// is listed with its SHA-256.
    @Test func userPluginsOnlyWithTheFlagAndEveryScriptListed() throws {
        let home = try Self.home(plugins: ["fine.lua": Self.fine])
        try Self.failing.write(toFile: home + "/config/teachback/plugins/mine.lua", atomically: true, encoding: .utf8)
        let env = ["TEACHBACK_HOME": home + "/empty"]
        let plain = try Binary.run(["rescore", "--plugins", home + "/mine", home + "/s.jsonl"], home: home, extra: env)
        #expect(plain.status == 0)
        #expect(!plain.stderr.contains("mine.lua"))
        #expect(plain.stderr.contains("  \(home)/mine/fine.lua"))
        #expect(plain.stderr.range(of: #"[0-9a-f]{64}  .*/mine/fine\.lua"#, options: .regularExpression) != nil)
        let withUser = try Binary.run(["rescore", "--user-plugins", "--plugins", home + "/mine", home + "/s.jsonl"], home: home, extra: env)
        #expect(withUser.status == 3, "the user's failing plugin now runs")
        #expect(withUser.stderr.contains("mine.lua"))
    }

    /// Corrupt lines, wrong types, huge numbers, NaN, missing fields, non-UTF-8 bytes and a 0…100
    /// score: both programs skip exactly these, report them, and print the same bytes for the rest.
    @Test func teachbackAndThePythonReferenceSkipTheSameBadRecords() throws {
        let home = try Binary.sandbox()
        var data = Data()
        for record in [Self.session, "{broken", #"{"analyses": [{"clarity_score": 85, "confidence_score": 0.5}]}"#,
                       #"{"analyses": [{"clarity_score": 1e999, "confidence_score": 0.5}]}"#,
                       #"{"analyses": [{"clarity_score": NaN, "confidence_score": 0.5}]}"#,
                       #"{"analyses": [{"clarity_score": true, "confidence_score": 0.5}]}"#,
                       #"{"analyses": [{"clarity_score": 0.5}]}"#, #"{"session_id": "last", "analyses": []}"#] {
            data.append(Data((record + "\n").utf8))
        }
        data.append(contentsOf: [0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D, 0x0A])   // {"\xFF":1}
        let input = home + "/bad.jsonl", reference = home + "/reference.jsonl"
        FileManager.default.createFile(atPath: input, contents: data)
        #expect(try BatchTests.python([BatchTests.benchmarks + "/reference_analytics.py", input], stdout: reference) == 1)
        let ours = try Binary.run(["analytics", input], home: home)
        #expect(ours.status == 1)
        #expect(ours.stdout == (try String(contentsOfFile: reference, encoding: .utf8)))
        #expect(ours.stdout.split(separator: "\n").count == 2)
        for line in 2...7 { #expect(ours.stderr.contains("\(input):\(line): ")) }
        #expect(ours.stderr.contains("\(input):9: not UTF-8"))
        #expect(ours.stderr.contains("\(input):3: analyses item 1: 'clarity_score' is 85.0, outside [0, 1]"))
    }

    @Test func aBaselineScoresEveryTurnTooAndIsCompared() throws {
        let home = try Self.home(plugins: ["fine.lua": Self.fine])
        try FileManager.default.createDirectory(atPath: home + "/base", withIntermediateDirectories: true)
        try Self.fine.replacingOccurrences(of: "0.5", with: "0.25").replacingOccurrences(of: "\"fine\"", with: "\"base\"")
            .write(toFile: home + "/base/base.lua", atomically: true, encoding: .utf8)
        let env = ["TEACHBACK_HOME": home + "/empty"]
        let result = try Binary.run(["rescore", "--plugins", home + "/mine", "--baseline-plugins", home + "/base", "--json", home + "/s.jsonl"],
                                    home: home, extra: env)
        #expect(result.status == 0)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.split(separator: "\n")[0].utf8)) as? [String: Any])
        #expect((first["baseline_analysis"] as? [String: Any])?["clarity_score"] as? Double == 0.25)
        let summaryLine = try #require(result.stderr.split(separator: "\n").last { $0.hasPrefix("{") })
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(summaryLine.utf8)) as? [String: Any])
        let figures = try #require((summary["comparison"] as? [String: Any])?["figures"] as? [String: [String: Any]])
        #expect(figures["clarity_pearson"]?["difference"] is NSNull, "both constant: undefined, and null")
        #expect(figures["gaps_jaccard"]?["difference"] as? Double == 0)
        let missing = try Binary.run(["rescore", "--baseline-plugins", home + "/nope", home + "/s.jsonl"], home: home, extra: env)
        #expect(missing.status == 2)
    }

    /// A researcher's script that does not load must not leave results that look complete.
    @Test func aScriptThatDoesNotLoadIsNamedAndMakesTheExitCodeThree() throws {
        let home = try Self.home(plugins: ["fine.lua": Self.fine, "typo.lua": #"teachback.heuristic { name = "under_score", analyze = function() return {} end }"#])
        let result = try Binary.run(["rescore", "--plugins", home + "/mine", home + "/s.jsonl"], home: home, extra: ["TEACHBACK_HOME": home + "/empty"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("NOT LOADED (its heuristics did not run): "))
        #expect(result.stderr.contains("typo.lua:1: teachback.heuristic: field 'name'"))
    }
}
