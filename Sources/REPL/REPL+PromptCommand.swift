import TeachBack

/// `:prompt [EXPLANATION]`: the Claude requests teaching EXPLANATION next would send, each body
/// exactly as it would go out (system, messages with the conversation so far, model, max_tokens),
/// with no call made. Without EXPLANATION a placeholder stands in for it.
extension REPL {
    static let promptPlaceholder = "(your next explanation)"

    func promptCommand(_ args: String) async {
        let explanation = args.isEmpty ? Self.promptPlaceholder : args
        guard let outcome = await engine.nextRequests(explanation) else {
            fail("no session yet: start one with :teach TOPIC")
            return
        }
        show(outcome.problems)
        guard !outcome.value.isEmpty else {
            console.out("offline: the next turn sends no request (local heuristics and the persona's scripted question)")
            return
        }
        for request in outcome.value {
            console.out("\(request.purpose) request, POST /v1/messages:")
            console.out(request.body)
        }
    }
}
