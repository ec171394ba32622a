// libFuzzer target: the bounded pattern matcher (Sources/LuaShim/BoundedMatch.c) against Lua's
// own. The input is a pattern, a NUL byte, then a subject; find, match, gmatch and gsub must give
// the same results and errors as Lua's on every case Lua finishes (see PatternDifferential.fuzzCase).
@testable import LuaHost

nonisolated(unsafe) private let runner = PatternDifferential.Runner()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMatch(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard let (pattern, subject) = PatternDifferential.fuzzCase(Array(UnsafeBufferPointer(start: data, count: size))) else {
        return 0
    }
    for initial in [nil, 2, -3] {
        let diff = runner.differences(pattern: pattern, subject: subject, initial: initial)
        if !diff.isEmpty { fatalError("the bounded matcher differs from Lua's: \(diff)") }
    }
    return 0
}
