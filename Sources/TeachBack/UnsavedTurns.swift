import Foundation

/// Turns the store could not take yet (database locked past its timeout, disk full, file gone),
/// oldest first. They are retried in this order, so the session's persona and last-active time
/// end up as the newest turn left them; whatever is still here when the session ends goes to a
/// rescue file instead of being lost.
struct UnsavedTurns: Sendable {
    struct Entry: Sendable {
        var turn: Turn
        /// The session as it was when the turn was taken, without its turns (saving needs only its
        /// id, topic, persona and start).
        var session: Session

        var key: String { "\(session.id)#\(turn.number)" }
    }

    private(set) var entries: [Entry] = []

    var count: Int { entries.count }
    var first: Entry? { entries.first }

    mutating func append(_ turn: Turn, of session: Session) {
        var header = session
        header.turns = []
        entries.append(Entry(turn: turn, session: header))
    }

    /// Drops `entry` once saved, unless a concurrent retry already did.
    mutating func remove(_ entry: Entry) {
        if entries.first?.key == entry.key { entries.removeFirst() }
    }

    /// The unsaved turns grouped into sessions (in order of first appearance), each session
    /// holding only its unsaved turns: what a rescue file records and `import` merges back.
    var sessions: [Session] {
        var order: [String] = []
        var byID: [String: Session] = [:]
        for entry in entries {
            if byID[entry.session.id] == nil {
                order.append(entry.session.id)
                byID[entry.session.id] = entry.session
            }
            byID[entry.session.id]?.mode = entry.session.mode
            byID[entry.session.id]?.turns.append(entry.turn)
        }
        return order.compactMap { byID[$0] }
    }
}
