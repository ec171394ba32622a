import Foundation
import Testing

/// `ask --no-save` leaves the database alone; `sessions`, `progress` and `:stats` speak JSON.
@Suite struct NoSaveAndJSONTests {
    static func sessions(_ home: String) throws -> [[String: Any]] {
        let listed = try Binary.run(["sessions", "--json"], home: home)
        return try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
    }

    @Test func askWithNoSaveOrTheVariableWritesNothing() throws {
        let home = try Binary.sandbox()
        let explanation = "Recursion is when a function calls itself on a smaller input."
        #expect(try Binary.run(["ask", "--offline", "--topic", "recursion", "--no-save"], input: explanation, home: home).status == 0)
        #expect(try Binary.run(["ask", "--offline", "--topic", "recursion"], input: explanation, home: home,
                               extra: ["TEACHBACK_NO_SAVE": "1"]).status == 0)
        #expect(try Self.sessions(home).isEmpty)
        let progress = try Binary.run(["progress", "--json"], home: home)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(progress.stdout.utf8)) as? [String: Any])
        #expect(report["streak"] as? Int == 0)
        #expect(try Binary.run(["ask", "--offline", "--topic", "recursion"], input: explanation, home: home).status == 0)
        let saved = try Self.sessions(home)
        #expect(saved.count == 1)
        #expect(saved.first?["topic"] as? String == "recursion")
        #expect(saved.first?["turns"] as? Int == 1)
        #expect(saved.first?["updated_at"] is String)
    }

    /// Days are local days of the zone in `TZ`, read through libc rather than ICU: the same turn
    /// falls on different dates 26 hours apart.
    @Test func progressDaysFollowTheTimeZone() throws {
        let home = try Binary.sandbox()
        let asked = Date()
        #expect(try Binary.run(["ask", "--offline", "--topic", "recursion"], input: "A function calls itself.", home: home).status == 0)
        for (zone, hours) in [("Etc/GMT-14", 14), ("Etc/GMT+12", -12)] {
            let formatter = DateFormatter()
            formatter.timeZone = TimeZone(secondsFromGMT: hours * 3_600)
            formatter.dateFormat = "yyyy-MM-dd"
            let expected = Set([asked, Date()].map(formatter.string(from:)))   // a midnight may pass meanwhile
            let progress = try Binary.run(["progress", "--json"], home: home, extra: ["TZ": zone])
            let report = try #require(try JSONSerialization.jsonObject(with: Data(progress.stdout.utf8)) as? [String: Any])
            let days = try #require(report["days"] as? [[String: Any]])
            #expect(days.count == 1)
            #expect(expected.contains(days.first?["date"] as? String ?? ""), "\(zone): \(days)")
            #expect(report["streak"] as? Int == 1)
        }
    }

    @Test func statsAsJSONInTheREPL() throws {
        let home = try Binary.sandbox()
        let result = try Binary.run(["--offline"], input: ":teach recursion\nA function calls itself with a smaller input.\n:stats --json\n:stats --yaml\n", home: home)
        let line = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("{") })
        let stats = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(stats["topic"] as? String == "recursion")
        #expect(stats["turns"] as? Int == 1)
        let analytics = try #require(stats["analytics"] as? [String: Any])
        #expect(analytics["total_turns"] as? Int == 1)
        #expect((analytics["learning_curve"] as? [Double])?.count == 1)
        #expect(result.stderr.contains("usage: :stats [--json]"))
    }
}
