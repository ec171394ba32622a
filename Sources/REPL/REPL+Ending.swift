import Foundation
import Store
import TeachBack

/// How a session ends — `:quit`, end of input, SIGTERM or SIGHUP alike: turns still waiting to
/// be saved get one more try, the review is recorded, `on_session_end` hooks run, and whatever
/// could not be saved goes to a rescue file (and the exit code says so).
extension REPL {
    /// Ends the session; returns the exit code: 1 when turns had to be rescued, or when input
    /// from a pipe had a failing command (a script can tell it went wrong).
    func finish() async -> Int32 {
        await retrySaving()
        await scheduleReview()
        show(await engine.end())
        let rescued = await rescueUnsaved()
        return rescued != 0 || (!interactive && failures > 0) ? 1 : 0
    }

    /// Retries waiting turns now (before `:sessions` lists what is saved, and at the end).
    func retrySaving() async {
        let waiting = await engine.unsavedCount
        guard waiting > 0 else { return }
        reportSaved(since: waiting, now: await engine.retryUnsaved())
    }

    /// Says so when waiting turns have reached the database after all.
    func reportSaved(since waiting: Int, now left: Int) {
        guard waiting > 0, left < waiting else { return }
        let saved = waiting - left
        console.status(console.dim("saved \(Views.count(saved, "turn")) that had been waiting"
                                   + (left > 0 ? "; \(left) still waiting" : "")))
    }

    /// Writes turns that are still unsaved to a rescue file and tells the user where.
    private func rescueUnsaved() async -> Int32 {
        let sessions = await engine.unsavedSessions
        guard !sessions.isEmpty else { return 0 }
        console.warning(RescueFile.rescue(sessions, environment: environment))
        return 1
    }

    /// A termination signal: the turn in flight is stopped (and kept), the session ends as with
    /// `:quit`, the terminal gets its settings back and the process exits.
    func endBySignal(_ signal: Int32) async {
        host.interrupt()
        await interrupter.cancelAndWait()
        console.status(console.dim("\(signal == SIGHUP ? "terminal closed" : "terminated"): ending the session"))
        let code = await finish()
        reader.restoreTerminal()
        exit(code)
    }
}
