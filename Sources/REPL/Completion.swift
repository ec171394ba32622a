/// Tab completion: command names, then each command's argument (mode names, topics, session ids).
package struct Completer: Sendable {
    package var commands: [String] = []
    package var modes: [String] = []
    package var topics: [String] = []
    package var sessionIDs: [String] = []

    package init(commands: [String] = [], modes: [String] = [], topics: [String] = [], sessionIDs: [String] = []) {
        self.commands = commands
        self.modes = modes
        self.topics = topics
        self.sessionIDs = sessionIDs
    }

    /// Candidates that complete the text before the cursor, as whole replacements of its last word.
    package func candidates(for line: String) -> (word: String, matches: [String]) {
        guard line.hasPrefix(":"), !line.hasPrefix("::") else { return ("", []) }
        guard let space = line.firstIndex(of: " ") else {
            let word = String(line.dropFirst())
            return (word, commands.filter { $0.hasPrefix(word) }.sorted())
        }
        let command = line[line.index(after: line.startIndex)..<space]
        let argument = String(line[line.index(after: space)...]).drop { $0 == " " }
        let pool: [String]
        switch CommandMatch.resolve(String(command), among: commands) {
        case .found("mode"): pool = modes
        case .found("teach"): pool = topics
        case .found("resume"): pool = sessionIDs
        case .found("help"): pool = commands
        case .found("parallel"): pool = ["on", "off"]
        default: pool = []
        }
        let word = String(argument)
        return (word, pool.filter { $0.lowercased().hasPrefix(word.lowercased()) }.sorted())
    }

    /// The longest prefix all `matches` share.
    package static func commonPrefix(_ matches: [String]) -> String {
        guard var prefix = matches.first else { return "" }
        for m in matches.dropFirst() {
            while !m.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}
