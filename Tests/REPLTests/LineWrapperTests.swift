@testable import REPL
import Testing

@Suite struct LineWrapperTests {
    @Test func breaksAtWordBoundariesWithAHangingIndent() {
        let text = "Why does the base case stop the recursion before the stack overflows?"
        let wrapped = LineWrapper.wrap(text, width: 30, indent: 9, column: 9)
        let lines = wrapped.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= 30 - (lines.first == $0 ? 9 : 0) || !$0.contains(" ") })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(String(repeating: " ", count: 9)) })
        #expect(wrapped.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ") == text, "no word split or lost")
        #expect(LineWrapper.wrap(text, width: nil) == text, "off a terminal nothing changes")
    }

    @Test func streamedFragmentsWrapLikeTheWholeText() {
        let text = "Could you explain how a hash table resolves collisions when two keys land in one bucket?"
        var wrapper = LineWrapper(width: 24, indent: 9, column: 9)
        var streamed = ""
        for fragment in ["Could yo", "u explain ", "how a hash t", "able resolves collisions when ", "two keys land in one bucket?"] {
            streamed += wrapper.feed(fragment)
        }
        streamed += wrapper.flush()
        #expect(streamed == LineWrapper.wrap(text, width: 24, indent: 9, column: 9))
        #expect(!streamed.contains("yo\n"), "a word split across fragments is never split on screen")
    }

    @Test func aWordLongerThanTheLineIsKeptWhole() {
        #expect(LineWrapper.wrap("a supercalifragilisticexpialidocious word", width: 10) == "a\nsupercalifragilisticexpialidocious\nword")
    }
}
