import TeachBack

/// Session analytics kept up to date off the REPL's path (DESIGN §2 step 5): recomputed in a
/// background task every N turns and when `:stats` asks, which shows the latest result at once
/// rather than wait for a recomputation in flight.
actor AnalyticsBoard {
    struct Snapshot: Sendable {
        var sessionID: String
        var turns: Int
        var analytics: SessionAnalytics
    }

    private(set) var latest: Snapshot?
    private var pending: Task<Void, Never>?
    let every: Int

    init(every: Int) { self.every = max(1, every) }

    /// After a turn: recompute when the turn count reaches a multiple of `every`.
    func turnCompleted(_ session: Session) {
        if session.turns.count % every == 0 { refresh(session) }
    }

    /// What `:stats` shows now, and whether it trails the session (a recomputation is started then).
    func snapshot(for session: Session) -> (analytics: SessionAnalytics, behind: Int) {
        guard let latest, latest.sessionID == session.id else {
            // Nothing for this session yet: computing it here costs microseconds per turn.
            let fresh = Snapshot(sessionID: session.id, turns: session.turns.count,
                                 analytics: session.analytics)
            self.latest = fresh
            return (fresh.analytics, 0)
        }
        let behind = session.turns.count - latest.turns
        if behind > 0 { refresh(session) }
        return (latest.analytics, behind)
    }

    /// Waits for the recomputation in flight, if any (tests).
    func settle() async { await pending?.value }

    private func refresh(_ session: Session) {
        let previous = pending
        pending = Task.detached(priority: .utility) { [weak self] in
            await previous?.value
            let analytics = session.analytics
            await self?.publish(Snapshot(sessionID: session.id, turns: session.turns.count, analytics: analytics))
        }
    }

    private func publish(_ snapshot: Snapshot) {
        if let latest, latest.sessionID == snapshot.sessionID, latest.turns > snapshot.turns { return }
        latest = snapshot
    }
}
