import Foundation
import TeachBack

/// Prints a turn as it happens: the question's fragments as they stream in (prefixed once), and
/// notices such as retries on their own line. Called from the backend's threads.
final class TurnPrinter: Sendable {
    private struct State {
        var streamed = false
        var lineOpen = false
        /// Wraps the streamed question at word boundaries; it holds back a word until it is complete.
        var wrapper: LineWrapper?
    }
    private let console: Console
    private let state = Protected(State())

    init(console: Console) { self.console = console }

    var progress: BackendProgress {
        BackendProgress(text: { [self] text in fragment(text) }, notice: { [self] text in notice(text) })
    }

    /// Whether any of the question was shown while it streamed.
    var didStream: Bool { state.withLock { $0.streamed } }

    private func fragment(_ text: String) {
        state.withLock { state in
            if !state.streamed {
                console.out(console.cyan(Console.studentPrefix), newline: false)
                let indent = Console.studentPrefix.count
                state.wrapper = console.columns.map { LineWrapper(width: $0, indent: indent, column: indent) }
            }
            state.streamed = true
            state.lineOpen = true
            let clean = Sanitizer.clean(text)
            console.out(state.wrapper?.feed(clean) ?? clean, newline: false)
        }
    }

    private func notice(_ text: String) {
        state.withLock { state in
            closeLine(&state)
            console.status(console.dim(Sanitizer.clean(text)))
        }
    }

    /// Ends the streamed line, if one is open.
    func closeLine() { state.withLock { closeLine(&$0) } }

    private func closeLine(_ state: inout State) {
        if state.lineOpen { console.out(state.wrapper?.flush() ?? "") }
        state.lineOpen = false
    }
}

/// Ctrl-C while a turn runs: cancels the turn's task (stopping its transfers) instead of ending
/// the program. Between turns the line editor treats Ctrl-C as a key.
final class Interrupter: Sendable {
    private let current = Protected<Task<Void, Never>?>(nil)
    private let source = Protected<DispatchSourceSignal?>(nil)

    /// Installs the SIGINT handler; only for interactive sessions.
    func install(onInterrupt: @escaping @Sendable () -> Void) {
        signal(SIGINT, SIG_IGN)
        let signals = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        signals.setEventHandler { [current] in
            current.withLock { $0 }?.cancel()
            onInterrupt()
        }
        signals.resume()
        source.withLock { $0 = signals }
    }

    /// Cancels the running task, if any, and waits until it has finished (and saved its turn).
    func cancelAndWait() async {
        guard let task = current.withLock({ $0 }) else { return }
        task.cancel()
        await task.value
    }

    /// Runs `work` as the interruptible task and waits for it.
    func run(_ work: @escaping @Sendable () async -> Void) async {
        let task = Task { await work() }
        current.withLock { $0 = task }
        await task.value
        current.withLock { $0 = nil }
    }
}
