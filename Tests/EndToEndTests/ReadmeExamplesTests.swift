import Foundation
import Testing

/// The README's worked persona and heuristic, taken from the README itself and run for real, so
/// the documentation cannot drift from what works.
@Suite struct ReadmeExamplesTests {
    /// The Lua block that follows the line naming `file` in the README.
    static func example(_ file: String) throws -> String {
        let readme = try String(contentsOf: Binary.root.appendingPathComponent("README.md"), encoding: .utf8)
        let named = try #require(readme.range(of: "/\(file)`"))
        let open = try #require(readme.range(of: "```lua\n", range: named.upperBound..<readme.endIndex))
        let close = try #require(readme.range(of: "```", range: open.upperBound..<readme.endIndex))
        return String(readme[open.upperBound..<close.lowerBound])
    }

    @Test func theWorkedPersonaAndHeuristicWork() throws {
        let home = try Binary.sandbox()
        for (folder, file) in [("modes", "pirate.lua"), ("plugins", "passive.lua")] {
            let dir = home + "/config/teachback/" + folder
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try Self.example(file).write(toFile: dir + "/" + file, atomically: true, encoding: .utf8)
        }
        let input = """
        :mode pirate
        :teach tides
        Tides are caused by the moon. The water is pulled toward it.
        Tides are caused by the moon. The water is pulled toward it.
        :plugins
        """
        let result = try Binary.run([], input: input, home: home)
        #expect(result.status == 0)
        #expect(!result.stderr.contains("warning"), "\(result.stderr)")
        #expect(result.stdout.contains("Arr! Teach me about tides, matey."))
        #expect(result.stdout.contains("student› What of the no concrete example, matey?"))
        #expect(result.stdout.contains("(Tell me again, slower.)"), "the second answer must not repeat the first")
        #expect(result.stdout.contains(/passive +Passive voice makes explanations harder to follow/))
        let analysis = try Binary.run(["analyze", "--topic", "tides", "--verbose"], input: "The ball is kicked. It flies.", home: home)
        #expect(analysis.stderr.contains("passive: 1 of 2 sentences passive"))
    }
}
