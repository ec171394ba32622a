// libFuzzer target: the REPL's input handling. Any lines, through the block/continuation
// assembler and the command parser, must never crash, and commands must resolve or not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var assembler = InputAssembler()
    let names = ["teach", "mode", "modes", "stats", "sessions", "resume", "help", "quit"]
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        guard let input = assembler.feed(String(line)) else { continue }
        if case .command(let name, _) = ParsedInput.parse(input) {
            if case .found(let found) = CommandMatch.resolve(name, among: names) {
                precondition(found.hasPrefix(name), "resolved to a name the input does not prefix")
            }
        }
    }
    _ = Completer(commands: names, modes: ["socratic"], topics: ["recursion"]).candidates(for: text)
    return 0
}
