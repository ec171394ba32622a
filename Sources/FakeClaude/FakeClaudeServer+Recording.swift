/// What tests assert on: the requests seen, the connections clients abandoned, and
/// polling waits for both.
extension FakeClaudeServer {
    /// Every request so far, in arrival order.
    package var requests: [RecordedRequest] { state.withLock { $0.requests } }

    package func requests(of kind: RequestKind) -> [RecordedRequest] {
        state.withLock { $0.requests.filter { $0.kind == kind } }
    }

    /// How many times `customID` was submitted in a created Message Batch.
    package func batchSubmissions(of customID: String) -> Int {
        state.withLock { $0.batchSubmissions[customID] ?? 0 }
    }

    /// Every submitted `custom_id` with its number of submissions.
    package var batchSubmissions: [String: Int] { state.withLock { $0.batchSubmissions } }

    /// Ids of the batches created so far, oldest first.
    package var batchIDs: [String] { state.withLock { $0.batches.map(\.id) } }

    /// Connections the client closed before the server finished writing a response.
    package var clientCloses: [ClientClose] { state.withLock { $0.clientCloses } }

    /// Connections accepted since the server was created.
    package var acceptedConnections: Int { state.withLock { $0.acceptedConnections } }

    /// Connections open right now.
    package var openConnections: Int { state.withLock { $0.connections.count } }

    /// Server threads still running (the acceptor and one per connection); 0 after `stop()`.
    package var runningThreads: Int {
        state.withLock { ($0.acceptorRunning ? 1 : 0) + $0.liveConnectionThreads }
    }

    /// Forgets recorded requests and client closes (numbering continues).
    package func clearRecording() {
        state.withLock {
            $0.requests = []
            $0.clientCloses = []
        }
    }

    /// The `count`-th recorded client close (1-based, counting since the last
    /// `clearRecording`), waiting up to `timeout`; nil on timeout.
    package func waitForClientClose(count: Int = 1, timeout: Duration = .seconds(5)) async -> ClientClose? {
        await waitUntil(timeout) { state in
            state.clientCloses.count >= max(count, 1) ? state.clientCloses[max(count, 1) - 1] : nil
        }
    }

    /// The first `count` recorded requests once that many arrived, waiting up to `timeout`.
    package func waitForRequests(count: Int, timeout: Duration = .seconds(5)) async -> [RecordedRequest]? {
        await waitUntil(timeout) { state in
            state.requests.count >= count ? Array(state.requests.prefix(count)) : nil
        }
    }

    /// Polls `check` every 2 ms until it yields a value or `timeout` passes.
    private func waitUntil<T: Sendable>(_ timeout: Duration, _ check: (inout ServerState) -> T?) async -> T? {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while true {
            if let value = state.withLock({ check(&$0) }) { return value }
            if ContinuousClock.now >= deadline { return nil }
            try? await Task.sleep(for: .milliseconds(2))
        }
    }
}
