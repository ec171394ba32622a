/// Breaks text at word boundaries before the terminal's edge, with continuation lines indented
/// under the first (so `student› ` hangs). It takes text a fragment at a time, as a question
/// streams in: a word is printed once it is complete, so no word is ever split by the edge.
struct LineWrapper {
    let width: Int
    let indent: Int
    private var column: Int
    private var word = ""
    private var spaceBefore = false

    /// `column` is where the cursor already is (after a prefix such as `student› `).
    init(width: Int, indent: Int, column: Int) {
        self.width = width
        self.indent = indent
        self.column = column
    }

    /// `text` wrapped to `width` (nil: not a terminal, left as it is).
    static func wrap(_ text: String, width: Int?, indent: Int = 0, column: Int = 0) -> String {
        guard let width else { return text }
        var wrapper = LineWrapper(width: width, indent: indent, column: column)
        return wrapper.feed(text) + wrapper.flush()
    }

    /// What to print for `fragment`: the words it completes, with line breaks where needed.
    mutating func feed(_ fragment: String) -> String {
        var out = ""
        for character in fragment {
            switch character {
            case " ":
                out += emitWord()
                spaceBefore = true
            case "\n":
                out += emitWord() + "\n" + String(repeating: " ", count: indent)
                column = indent
                spaceBefore = false
            default:
                word.append(character)
            }
        }
        return out
    }

    /// The last, unfinished word.
    mutating func flush() -> String { emitWord() }

    private mutating func emitWord() -> String {
        guard !word.isEmpty else { return "" }
        defer { word = "" }
        let length = word.unicodeScalars.count
        let gap = spaceBefore ? 1 : 0
        spaceBefore = false
        if column > indent, column + gap + length > width {
            column = indent + length
            return "\n" + String(repeating: " ", count: indent) + word
        }
        column += gap + length
        return String(repeating: " ", count: gap) + word
    }
}
