#if canImport(Glibc)
import TeachBack
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A real HTTP/1.1 server on 127.0.0.1 that stands in for the Anthropic Messages API in
/// tests, benchmarks and demos: one thread per connection, keep-alive, chunked SSE streams,
/// per-kind timing, queued faults, and a record of requests and client cancels.
///
/// Call `stop()` when done: the threads hold the server alive until then.
package final class FakeClaudeServer: Sendable {
    let state: Protected<ServerState>

    /// Pending connections the kernel may hold (it caps this at net.core.somaxconn).
    package static let listenBacklog: Int32 = 4096

    package init(config: FakeClaudeConfig = FakeClaudeConfig()) {
        state = Protected(ServerState(config: config))
    }

    // MARK: Lifecycle

    /// Binds 127.0.0.1:`port` (0 = any free port), starts accepting and returns the bound port.
    /// Also raises the soft open-file limit to the hard one (1,000 streams need the descriptors).
    @discardableResult
    package func start(port: UInt16 = 0) throws -> UInt16 {
        guard state.withLock({ $0.port == nil && !$0.acceptorRunning }) else {
            throw FakeClaudeError("fake-claude is already running")
        }
        Posix.raiseOpenFileLimit()
        let (listenFD, bound) = try Posix.listenLoopback(port: port, backlog: Self.listenBacklog)
        var pipeFDs: [Int32] = [-1, -1]
        guard pipe(&pipeFDs) == 0 else {
            let error = Posix.error("pipe")
            close(listenFD)
            throw error
        }
        let (wakeRead, wakeWrite) = (pipeFDs[0], pipeFDs[1])
        Posix.setCloseOnExec(wakeRead)
        Posix.setCloseOnExec(wakeWrite)
        state.withLock {
            $0.port = bound
            $0.wakeWrite = wakeWrite
            $0.acceptorRunning = true
            $0.stopping = false
        }
        NamedThread.start(NamedThread.acceptorName) { [self] in
            acceptLoop(listenFD: listenFD, wakeFD: wakeRead)
        }
        return bound
    }

    /// Closes the listener and every connection, and returns once all server threads ended
    /// (at most a few seconds). Clients see their connections close.
    package func stop() {
        let wake: Int32? = state.withLock { state in
            guard state.port != nil, !state.stopping else { return nil }
            state.stopping = true
            for fd in state.connections.values { _ = shutdown(fd, Int32(SHUT_RDWR)) }
            return state.wakeWrite
        }
        guard let wake else { return }
        var byte: UInt8 = 1
        _ = write(wake, &byte, 1)
        let deadline = ContinuousClock.now.advanced(by: .seconds(5))
        while ContinuousClock.now < deadline,
              state.withLock({ $0.acceptorRunning || $0.liveConnectionThreads > 0 }) {
            usleep(1000)
        }
        close(wake)
        state.withLock {
            $0.port = nil
            $0.wakeWrite = -1
            $0.connections = [:]
            $0.stopping = false
        }
    }

    /// The bound port while running.
    package var port: UInt16? { state.withLock { $0.port } }

    /// `http://127.0.0.1:PORT`, the value for `ANTHROPIC_BASE_URL`, while running.
    package var baseURL: String? { port.map { "http://127.0.0.1:\($0)" } }

    // MARK: Configuration and faults

    /// The configuration new requests are answered with.
    package var config: FakeClaudeConfig { state.withLock { $0.config } }

    /// Replaces the configuration; replies already under way keep the old one.
    /// A different `seed` restarts the `failRate` generator.
    package func setConfig(_ config: FakeClaudeConfig) {
        state.withLock {
            if config.seed != $0.config.seed { $0.generator = SplitMix64(seed: config.seed) }
            $0.config = config
        }
    }

    /// Edits the configuration in place (`server.updateConfig { $0.question.latency = 1 }`).
    package func updateConfig(_ change: (inout FakeClaudeConfig) -> Void) {
        state.withLock {
            let seed = $0.config.seed
            change(&$0.config)
            if $0.config.seed != seed { $0.generator = SplitMix64(seed: $0.config.seed) }
        }
    }

    /// Queues faults for the next requests of `kind`, one per request, in order.
    package func enqueue(_ faults: Fault..., for kind: RequestKind) {
        enqueue(faults, for: kind)
    }

    package func enqueue(_ faults: [Fault], for kind: RequestKind) {
        state.withLock { $0.faults[kind, default: []] += faults }
    }

    /// Faults not consumed yet.
    package func pendingFaults(for kind: RequestKind) -> [Fault] {
        state.withLock { $0.faults[kind] ?? [] }
    }

    package func clearFaults() {
        state.withLock { $0.faults = [:] }
    }
}
