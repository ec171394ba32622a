import TeachBack

/// The lesson so far as Messages API turns (DESIGN §2), built here once for every persona and
/// both requests: each earlier explanation is a `user` message and the student's question after
/// it an `assistant` one; the newest explanation comes last. At least the last `keep` turns go
/// in full, older ones as one summary line opening the first message, so a request stays bounded.
/// Turns are summarised `keep` at a time (between `keep` and 2·`keep` − 1 go in full), so the
/// summary changes only every `keep` turns and in between everything before the newest message
/// grows by appending: the same bytes from turn to turn, marked for prompt caching once it is
/// long enough.
struct Conversation {
    static let defaultTurns = 6
    /// The shortest prefix Claude caches: 1,024 tokens (2,048 on Haiku models), counted here at
    /// a conservative 4 bytes a token. Marking a shorter one is harmless but useless.
    static func cacheMinimumBytes(model: String) -> Int { (model.contains("haiku") ? 2048 : 1024) * 4 }

    var history: [PastTurn]
    var keep: Int

    /// The earlier turns, alternating from `user`, then `newest` as the last user message; the
    /// last earlier message carries `cache_control` when system and earlier turns are long enough.
    func messages(newest: String, system: String, model: String) -> [MessageRequest.Message] {
        let keep = max(1, keep)
        let summarised = history.count > keep ? (history.count - keep) / keep * keep : 0
        let older = history.prefix(summarised)
        let kept = history.dropFirst(summarised)
        var messages: [MessageRequest.Message] = []
        for (i, turn) in kept.enumerated() {
            let summary = i == 0 && !older.isEmpty ? Self.summary(of: Array(older)) + "\n\n" : ""
            messages.append(.init(role: .user, content: summary + Self.nonEmpty(turn.explanation, "(no explanation)")))
            messages.append(.init(role: .assistant, content: Self.nonEmpty(turn.question, "(no question)")))
        }
        let prefixBytes = system.utf8.count + messages.reduce(0) { $0 + $1.content.utf8.count }
        if !messages.isEmpty, prefixBytes >= Self.cacheMinimumBytes(model: model) {
            messages[messages.count - 1].cached = true
        }
        messages.append(.init(role: .user, content: newest))
        return messages
    }

    /// One line for the turns that no longer go in full: how each began and what was asked.
    static func summary(of older: [PastTurn]) -> String {
        let parts = older.enumerated().map { i, turn in
            "turn \(i + 1): \"\(clip(turn.explanation, 80))\"" + (turn.question.isEmpty ? "" : ", asked \"\(clip(turn.question, 60))\"")
        }
        return "(Earlier in this lesson, in brief: " + parts.joined(separator: "; ") + ".)"
    }

    static func clip(_ text: String, _ max: Int) -> String {
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return flat.count <= max ? flat : String(flat.prefix(max)) + "…"
    }

    private static func nonEmpty(_ text: String, _ placeholder: String) -> String {
        text.allSatisfy(\.isWhitespace) ? placeholder : text
    }
}
