import Foundation
import Testing
@testable import LuaHost

/// `plugins/teachback.d.lua` declares each spec table exactly as registration enforces it: every
/// schema's `---@class` block in the stub is the one `Schema.stubLines` derives.
@Suite struct StubTests {
    static let stub = (try? String(contentsOfFile: ScriptFixtures.repositoryRoot + "/plugins/teachback.d.lua", encoding: .utf8)) ?? ""

    /// The `---@class` line for `className` and the `---@field` lines right after it.
    static func block(_ className: String) -> [String] {
        let lines = stub.components(separatedBy: "\n")
        guard let start = lines.firstIndex(of: "---@class \(className)") else { return [] }
        return [lines[start]] + lines[(start + 1)...].prefix { $0.hasPrefix("---@field ") }
    }

    @Test(arguments: Schema.all.map(\.className))
    func theStubDeclaresExactlyTheFieldsRegistrationAccepts(className: String) throws {
        let schema = try #require(Schema.all.first { $0.className == className })
        #expect(Self.block(className) == schema.stubLines, "expected in plugins/teachback.d.lua:\n\(schema.stubLines.joined(separator: "\n"))")
    }

    @Test func everyRegistrationFunctionIsDeclared() {
        for name in ["mode", "heuristic", "topic", "command", "config", "on_turn", "on_session_start", "on_session_end",
                     "words", "sentences", "syllables", "stem", "is_common", "log"] {
            #expect(Self.stub.contains("function teachback.\(name)("), "teachback.\(name)")
        }
    }
}
