import Foundation

/// Turns SIGTERM and SIGHUP into a call, once, so a session (REPL or MCP server) can end as
/// `:quit` ends it instead of the process vanishing with turns still waiting to be saved.
package final class Terminator: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []
    private let fired = Protected(false)

    package init() {}

    package func install(_ onSignal: @escaping @Sendable (Int32) -> Void) {
        for number in [SIGTERM, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [fired] in
                let first = fired.withLock { done -> Bool in
                    defer { done = true }
                    return !done
                }
                if first { onSignal(number) }
            }
            source.resume()
            sources.append(source)
        }
    }
}
