import TeachBack

/// Everything the scripts registered while loading, in registration order. A later registration
/// with the same name replaces the earlier one (user scripts override built-ins).
struct Registry {
    var modes: [ModeScript] = []
    var heuristics: [HeuristicScript] = []
    var topics: [TopicPack] = []
    var commands: [CommandScript] = []
    var hooks: [HookScript] = []
    var config = ScriptConfig()

    mutating func add(_ mode: ModeScript) { Self.upsert(&modes, mode) }
    mutating func add(_ heuristic: HeuristicScript) { Self.upsert(&heuristics, heuristic) }
    mutating func add(_ topic: TopicPack) { Self.upsert(&topics, topic) }
    mutating func add(_ command: CommandScript) { Self.upsert(&commands, command) }

    private static func upsert<T: Named>(_ list: inout [T], _ item: T) {
        if let i = list.firstIndex(where: { $0.name == item.name }) { list[i] = item } else { list.append(item) }
    }
}

protocol Named { var name: String { get } }

struct ModeScript: Named {
    var name: String
    var description: String
    var file: String
    var greeting: ScriptText?
    var system: ScriptText?
    var prompt: Int32?
    var fallback: Int32
    var temperature: Double?
    var maxTokens: Int?
}

struct HeuristicScript: Named {
    var name: String
    var description: String
    var file: String
    var weight: Double
    var analyze: Int32
    /// Where `analyze` is defined, for problems with its result.
    var line: Int
}

struct TopicPack: Named, Sendable {
    struct Concept: Sendable, Equatable {
        var name: String
        var match: [String]
    }
    /// A technical term of the topic: jargon when the text uses it without saying what it is.
    struct Term: Sendable, Equatable {
        var name: String
        var aliases: [String]
        var definition: String
    }
    var name: String
    var aliases: [String]
    var concepts: [Concept]
    var terms: [Term] = []
    var file: String
}

struct CommandScript: Named {
    var name: String
    var usage: String
    var help: String
    var file: String
    var run: Int32
}

struct HookScript {
    enum Event: String { case turn = "on_turn", sessionStart = "on_session_start", sessionEnd = "on_session_end" }
    var event: Event
    var file: String
    var function: Int32
}

/// Settings from `init.lua`'s `teachback.config{}`; nil where not set.
package struct ScriptConfig: Sendable, Equatable {
    package var model: String?
    package var parallel: Bool?
    package var analyticsEvery: Int?
    /// Earlier turns Claude's requests carry in full (older ones as a summary line).
    package var historyTurns: Int?
    /// USD per million tokens, by model id.
    package var prices: [String: Price] = [:]
    /// Seconds per Claude call: connecting, a stalled transfer, the whole call.
    package var connectTimeout: Double?
    package var stallTimeout: Double?
    package var totalTimeout: Double?
    /// Retries after a failed call (the SDKs' default is 2).
    package var maxRetries: Int?
    /// Seconds a database statement waits for another process's lock (default 5).
    package var busyTimeout: Double?
}
