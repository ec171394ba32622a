import Foundation

/// Saving turns so that none is ever dropped: a turn the store refuses waits in `unsaved`, is
/// retried before every later save, on request (`:sessions`, `:quit`) and on a timer while the
/// user is idle, and is handed to the front end for a rescue file if the session ends first.
extension TurnEngine {
    /// How many turns are waiting to be saved (the REPL's prompt shows it).
    package var unsavedCount: Int { unsaved.count }

    /// The waiting turns as sessions holding only those turns, for a rescue file.
    package var unsavedSessions: [Session] { unsaved.sessions }

    /// Queues `turn` behind any waiting ones and saves them all in order. Returns a warning when
    /// this is the turn that started the queue; later failures only grow the prompt's count. (A
    /// database that never opened was reported by the front end already.)
    func save(_ turn: Turn, of session: Session, to store: any SessionStore) async -> [Problem] {
        let wasEmpty = unsaved.count == 0
        unsaved.append(turn, of: session)
        guard let failure = await saveUnsaved(to: store), wasEmpty, !(store is UnavailableStore) else { return [] }
        startRetrying(store)
        return [Problem("could not save turn \(turn.number): \(failure); it is kept and retried before every save "
                              + "(the prompt shows [unsaved: N]), and written to a rescue file if it still fails at the end")]
    }

    /// Retries the waiting turns now; returns how many are still waiting.
    @discardableResult
    package func retryUnsaved() async -> Int {
        if let store { _ = await saveUnsaved(to: store) }
        return unsaved.count
    }

    /// Saves waiting turns oldest first, stopping at the first failure (whose reason it returns),
    /// so a later turn is never saved before an earlier one.
    private func saveUnsaved(to store: any SessionStore) async -> String? {
        while let entry = unsaved.first {
            do {
                // In a task of its own: a turn interrupted by Ctrl-C is still saved.
                try await Task { try await store.save(entry.turn, of: entry.session) }.value
                unsaved.remove(entry)
            } catch {
                return "\(error)"
            }
        }
        return nil
    }

    /// Retries on a timer while turns wait, so a lock that clears or space that frees up is used
    /// even if the user types nothing more.
    private func startRetrying(_ store: any SessionStore) {
        guard retrying == nil else { return }
        let interval = saveRetryInterval
        retrying = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                guard let self, await self.retryUnsaved() > 0 else { break }
            }
            await self?.retryingStopped()
        }
    }

    private func retryingStopped() { retrying = nil }
}
