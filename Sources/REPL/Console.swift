import Foundation
import TeachBack

/// Where output goes: answers to stdout, status and errors to stderr (so piping the answers
/// works), colour only on a terminal and never with `NO_COLOR`. Text from scripts, Claude or the
/// user is sanitised first: nothing printed can move the cursor, retitle the window or recolour.
package struct Console: Sendable {
    package var color: Bool
    /// Which of the two a line goes to.
    package enum Stream: Sendable { case out, err }
    /// Where text goes: stdout and stderr, or what a test captures.
    let sink: @Sendable (Stream, String) -> Void
    /// Whether stdout is a terminal whose width long lines should be wrapped to.
    let wrapsLines: Bool

    package init(color: Bool, wrapsLines: Bool = false, sink: @escaping @Sendable (Stream, String) -> Void = Console.terminal) {
        self.color = color
        self.wrapsLines = wrapsLines
        self.sink = sink
    }

    /// The terminal's width, read anew each time so a resized window is followed; nil off a terminal.
    var columns: Int? {
        guard wrapsLines else { return nil }
        var size = winsize()
        return ioctl(1, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : nil
    }

    static let studentPrefix = "student› "

    /// The student's words, after the prefix, wrapped at word boundaries with a hanging indent.
    func student(_ text: String) {
        let indent = Self.studentPrefix.count
        out(cyan(Self.studentPrefix) + LineWrapper.wrap(Sanitizer.clean(text), width: columns, indent: indent, column: indent))
    }

    /// A dim status line for stdout (the analysis after a turn), wrapped at word boundaries.
    func dimLine(_ text: String) {
        out(dim(LineWrapper.wrap(Sanitizer.clean(text), width: columns)))
    }

    /// File descriptors 1 and 2.
    package static let terminal: @Sendable (Stream, String) -> Void = { stream, text in
        var text = text
        _ = text.withUTF8 { writeAll(stream == .out ? 1 : 2, UnsafeRawBufferPointer($0)) }
    }

    /// Colour when stdout is a terminal, `NO_COLOR` is unset or empty, and `--no-color` was not given.
    package static func detect(environment: [String: String], noColorFlag: Bool) -> Console {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let terminal = isatty(1) == 1
        return Console(color: !noColorFlag && !noColor && terminal, wrapsLines: terminal)
    }

    package func out(_ text: String, newline: Bool = true) { sink(.out, text + (newline ? "\n" : "")) }
    package func status(_ text: String) { sink(.err, text + "\n") }

    package func dim(_ s: String) -> String { paint(s, "2") }
    package func bold(_ s: String) -> String { paint(s, "1") }
    package func red(_ s: String) -> String { paint(s, "31") }
    package func green(_ s: String) -> String { paint(s, "32") }
    package func yellow(_ s: String) -> String { paint(s, "33") }
    package func cyan(_ s: String) -> String { paint(s, "36") }

    package func error(_ message: String) { status(red("error: ") + Sanitizer.clean(message)) }
    package func warning(_ message: String) { status(yellow("warning: ") + Sanitizer.clean(message)) }

    private func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
}

/// Removes what a terminal would act on from untrusted text: escape and control sequences (CSI,
/// OSC, C1 controls), other control characters but newline and tab, and invalid UTF-8.
package enum Sanitizer {
    package static func clean(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        while let s = scalars.next() {
            switch s.value {
            case 0x1B:
                skipEscape(&scalars)
            case 0x9B:
                skipCSI(&scalars)
            case 0x90, 0x98, 0x9D, 0x9E, 0x9F:
                skipString(&scalars)
            case 0x0A, 0x09:
                out.append(s)
            case 0x00..<0x20, 0x7F, 0x80..<0xA0:
                continue
            default:
                out.append(s)
            }
        }
        return String(out)
    }

    /// Skips the rest of an escape sequence: CSI (`ESC [ ... final`), OSC/DCS/APC/PM strings
    /// (until BEL or ESC \), or a two-character escape.
    private static func skipEscape(_ scalars: inout String.UnicodeScalarView.Iterator) {
        guard let kind = scalars.next() else { return }
        switch kind {
        case "[": skipCSI(&scalars)
        case "]", "P", "_", "^", "X": skipString(&scalars)
        default: break
        }
    }

    private static func skipCSI(_ scalars: inout String.UnicodeScalarView.Iterator) {
        while let s = scalars.next(), !(0x40...0x7E).contains(s.value) {}
    }

    /// Skips to the string terminator: BEL, ESC \\ or the C1 ST.
    private static func skipString(_ scalars: inout String.UnicodeScalarView.Iterator) {
        var previousWasEscape = false
        while let s = scalars.next() {
            if s.value == 0x07 || s.value == 0x9C || (previousWasEscape && s == "\\") { break }
            previousWasEscape = s.value == 0x1B
        }
    }
}
