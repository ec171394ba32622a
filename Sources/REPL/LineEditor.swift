import CEditLine
import EditLineShim
import Foundation

/// What reading a line gave.
package enum LineResult: Equatable, Sendable {
    case line(String)
    /// Ctrl-C at the prompt; `hadText` tells a discarded line from an empty one.
    case interrupted(hadText: Bool)
    case endOfInput
}

/// Reads input lines: with libedit on a terminal, plainly from a pipe or file.
package protocol LineReader: AnyObject, Sendable {
    func read(prompt: String) async -> LineResult
    /// Remembers a submitted line for up-arrow and the history file.
    func remember(_ line: String)
    func setCompleter(_ completer: Completer)
    /// Puts the terminal back as it was before editing began (for an exit from a signal handler,
    /// while a read may still be in progress).
    func restoreTerminal()
}

/// libedit line editing: emacs keys, history, Tab completion, Ctrl-C as a key (the terminal's
/// signal keys are off while editing, so Ctrl-C clears the line instead of killing the program).
/// Every libedit call happens on one serial queue; the REPL awaits lines from it.
package final class EditLineReader: LineReader, @unchecked Sendable {
    private let queue = DispatchQueue(label: "teachback.line-editor")
    private var el: OpaquePointer?
    private var history: OpaquePointer?
    private var prompt = ""
    private var completer = Completer()
    /// Set by the Ctrl-C key during one read: whether the discarded line had text.
    private var interruptedWithText: Bool?
    private let historyFile: HistoryFile?
    /// The terminal's settings before libedit changed them.
    private var original = termios()
    private let hasOriginal: Bool

    package init?(historyFile: HistoryFile?) {
        self.historyFile = historyFile
        hasOriginal = tcgetattr(0, &original) == 0
        Self.useUTF8Locale()
        let client = Unmanaged.passUnretained(self).toOpaque()
        guard let el = tb_el_open("teachback", { el in UnsafePointer(EditLineReader.of(el).promptPointer) }, client) else {
            return nil
        }
        self.el = el
        history = tb_history_open(el, 1000)
        for line in historyFile?.load() ?? [] { tb_history_enter(history, line) }
        tb_el_bind(el, "tb-complete", "complete a command or argument", { el, _ in EditLineReader.of(el).complete() }, "^I")
        tb_el_bind(el, "tb-interrupt", "discard the line", { el, _ in EditLineReader.of(el).interrupt() }, "^C")
    }

    deinit {
        free(promptPointer)
        if let history { history_end(history) }
        if let el { el_end(el) }
    }

    /// libedit converts the prompt and the line through the C locale: under "C" a non-ASCII
    /// character (the prompt's "·", a typed "é") would not convert, so fall back to C.UTF-8.
    private static func useUTF8Locale() {
        let current = setlocale(LC_CTYPE, "").map { String(cString: $0) } ?? "C"
        if !current.lowercased().contains("utf") { setlocale(LC_CTYPE, "C.UTF-8") }
    }

    private static func of(_ el: OpaquePointer?) -> EditLineReader {
        Unmanaged<EditLineReader>.fromOpaque(tb_el_client(el)).takeUnretainedValue()
    }

    /// The C string libedit's prompt callback returns; replaced (and the old one freed) per read.
    private var promptPointer: UnsafeMutablePointer<CChar>? = strdup("")

    package func read(prompt: String) async -> LineResult {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: self.readNow(prompt: prompt)) }
        }
    }

    private func readNow(prompt: String) -> LineResult {
        free(promptPointer)
        promptPointer = strdup(Self.markingInvisible(prompt))
        interruptedWithText = nil
        var count: Int32 = 0
        let raw = el_gets(el, &count)
        if let hadText = interruptedWithText { return .interrupted(hadText: hadText) }
        guard let raw, count > 0 else { return .endOfInput }
        var line = String(cString: raw)
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(line)
    }

    /// Wraps each colour sequence (`ESC [ ... m`) in \1 so libedit does not count it as width.
    static func markingInvisible(_ prompt: String) -> String {
        var out = ""
        var inSequence = false
        for c in prompt.unicodeScalars {
            if c == "\u{1B}" { inSequence = true; out.unicodeScalars.append("\u{1}") }
            out.unicodeScalars.append(c)
            if inSequence, c == "m" { inSequence = false; out.unicodeScalars.append("\u{1}") }
        }
        return out
    }

    /// The last line remembered, so the history file gets no adjacent duplicates either.
    private var lastRemembered: String?

    package func remember(_ line: String) {
        queue.async {
            guard !line.isEmpty, !line.hasPrefix(" "), line != self.lastRemembered else { return }
            self.lastRemembered = line
            tb_history_enter(self.history, line)
            self.historyFile?.append(line)
        }
    }

    package func setCompleter(_ completer: Completer) {
        queue.async { self.completer = completer }
    }

    package func restoreTerminal() {
        if hasOriginal { tcsetattr(0, TCSANOW, &original) }
    }

    /// Ctrl-C: ends the read with the line discarded (an empty line would read as end of input,
    /// so the flag, not the returned text, tells the REPL what happened).
    private func interrupt() -> UInt8 {
        guard let info = el_line(el)?.pointee else { return UInt8(CC_ERROR) }
        interruptedWithText = info.lastchar != info.buffer
        FileHandle.standardOutput.write(Data("^C\n".utf8))
        return UInt8(CC_NEWLINE)
    }

    private func complete() -> UInt8 {
        guard let info = el_line(el)?.pointee else { return UInt8(CC_ERROR) }
        let length = info.cursor - info.buffer
        let before = String(decoding: UnsafeRawBufferPointer(start: info.buffer, count: length).bindMemory(to: UInt8.self), as: UTF8.self)
        let (word, matches) = completer.candidates(for: before)
        guard !matches.isEmpty else { return UInt8(CC_ERROR) }
        if matches.count == 1 {
            el_insertstr(el, String(matches[0].dropFirst(word.count)) + " ")
            return UInt8(CC_REFRESH)
        }
        let common = Completer.commonPrefix(matches)
        if common.count > word.count {
            el_insertstr(el, String(common.dropFirst(word.count)))
            return UInt8(CC_REFRESH)
        }
        FileHandle.standardOutput.write(Data(("\n" + matches.joined(separator: "  ") + "\n").utf8))
        return UInt8(CC_REDISPLAY)
    }
}

/// Reads lines from a pipe or file, without editing or colour.
package final class PlainLineReader: LineReader, @unchecked Sendable {
    private let queue = DispatchQueue(label: "teachback.plain-reader")
    package init() {}
    package func read(prompt: String) async -> LineResult {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: Swift.readLine(strippingNewline: true).map(LineResult.line) ?? .endOfInput) }
        }
    }
    package func remember(_ line: String) {}
    package func setCompleter(_ completer: Completer) {}
    package func restoreTerminal() {}
}
