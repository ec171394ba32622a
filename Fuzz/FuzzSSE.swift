// libFuzzer target: the SSE decoder. Any bytes, split at any point, must decode without a crash
// and to the same events as when fed whole.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSSE(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var whole = SSEDecoder()
    let expected = whole.feed(bytes) + whole.finish()
    let cut = size > 0 ? Int(bytes[0]) % (size + 1) : 0
    var split = SSEDecoder()
    let events = split.feed(bytes[..<cut]) + split.feed(bytes[cut...]) + split.finish()
    precondition(events == expected, "splitting the input changed the events")
    return 0
}
