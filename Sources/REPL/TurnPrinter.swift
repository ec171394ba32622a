import Foundation
import TeachBack

/// Prints a turn as it happens: the question's fragments as they stream in (prefixed once), and
/// notices such as retries on their own line. Called from the backend's threads.
final class TurnPrinter: @unchecked Sendable {
    private let console: Console
    private let lock = NSLock()
    private var streamed = false
    private var lineOpen = false
    /// Wraps the streamed question at word boundaries; it holds back a word until it is complete.
    private var wrapper: LineWrapper?

    init(console: Console) { self.console = console }

    var progress: BackendProgress {
        BackendProgress(text: { [self] text in fragment(text) }, notice: { [self] text in notice(text) })
    }

    /// Whether any of the question was shown while it streamed.
    var didStream: Bool { lock.withLock { streamed } }

    private func fragment(_ text: String) {
        lock.withLock {
            if !streamed {
                console.out(console.cyan(Console.studentPrefix), newline: false)
                let indent = Console.studentPrefix.count
                wrapper = console.columns.map { LineWrapper(width: $0, indent: indent, column: indent) }
            }
            streamed = true
            lineOpen = true
            let clean = Sanitizer.clean(text)
            console.out(wrapper?.feed(clean) ?? clean, newline: false)
        }
    }

    private func notice(_ text: String) {
        lock.withLock {
            if lineOpen { console.out(wrapper?.flush() ?? "") }
            lineOpen = false
            console.status(console.dim(Sanitizer.clean(text)))
        }
    }

    /// Ends the streamed line, if one is open.
    func closeLine() {
        lock.withLock {
            if lineOpen { console.out(wrapper?.flush() ?? "") }
            lineOpen = false
        }
    }
}

/// Ctrl-C while a turn runs: cancels the turn's task (stopping its transfers) instead of ending
/// the program. Between turns the line editor treats Ctrl-C as a key.
final class Interrupter: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Task<Void, Never>?
    private var source: DispatchSourceSignal?

    /// Installs the SIGINT handler; only for interactive sessions.
    func install(onInterrupt: @escaping @Sendable () -> Void) {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { [self] in
            let task = lock.withLock { current }
            task?.cancel()
            onInterrupt()
        }
        source.resume()
        self.source = source
    }

    /// Cancels the running task, if any, and waits until it has finished (and saved its turn).
    func cancelAndWait() async {
        guard let task = lock.withLock({ current }) else { return }
        task.cancel()
        await task.value
    }

    /// Runs `work` as the interruptible task and waits for it.
    func run(_ work: @escaping @Sendable () async -> Void) async {
        let task = Task { await work() }
        lock.withLock { current = task }
        await task.value
        lock.withLock { current = nil }
    }
}
