@testable import Claude
import Testing

/// Feeds `chunks` in order, then ends the stream.
private func decode(_ chunks: [[UInt8]]) -> [SSEEvent] {
    var decoder = SSEDecoder()
    var events: [SSEEvent] = []
    for chunk in chunks { events += decoder.feed(chunk) }
    return events + decoder.finish()
}

private func decode(_ chunks: String...) -> [SSEEvent] {
    decode(chunks.map { Array($0.utf8) })
}

/// A stream that exercises every rule at once: BOM, all three line ends, comments, an
/// unknown field, multi-line data, ids, retry and multi-byte characters.
private let sampleStream: [UInt8] = Array(
    ("\u{FEFF}: comment\r\nevent: message_start\r\ndata: {\"a\":1}\r\n\r\n"
        + "id: 7\rdata: héllo\rdata: 😀 wörld\r\r"
        + "unknown: x\nretry: 250\ndata\n\n"
        + "event: ping\ndata: €\n\n"
        + "data: trailing, never closed\n").utf8
)

private let sampleEvents = [
    SSEEvent(type: "message_start", data: "{\"a\":1}"),
    SSEEvent(data: "héllo\n😀 wörld", id: "7"),
    SSEEvent(data: "", id: "7"),
    SSEEvent(type: "ping", data: "€", id: "7"),
]

@Test func referenceWireExample() {
    let text = """
        event: content_block_delta
        data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Why"}}


        """
    #expect(decode(text) == [SSEEvent(
        type: "content_block_delta",
        data: #"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Why"}}"#
    )])
}

@Test func sampleStreamInOneChunk() {
    #expect(decode([sampleStream]) == sampleEvents)
}

@Test func everySingleSplitPointGivesTheSameEvents() {
    for split in 0...sampleStream.count {
        let chunks = [Array(sampleStream[..<split]), Array(sampleStream[split...])]
        #expect(decode(chunks) == sampleEvents, "split at \(split)")
    }
}

@Test func everyPairOfSplitPointsGivesTheSameEvents() {
    for first in 0...sampleStream.count {
        for second in first...sampleStream.count {
            let chunks = [
                Array(sampleStream[..<first]), Array(sampleStream[first..<second]), Array(sampleStream[second...]),
            ]
            let events = decode(chunks)
            if events != sampleEvents {
                Issue.record("splits at \(first), \(second): \(events)")
                return
            }
        }
    }
}

@Test func byteByByteGivesTheSameEvents() {
    #expect(decode(sampleStream.map { [$0] }) == sampleEvents)
}

@Test func acceptsNonContiguousCollections() {
    var decoder = SSEDecoder()
    let lazyBytes = Array("data: lazy\n\n".utf8).lazy.map { $0 }
    #expect(decoder.feed(lazyBytes) == [SSEEvent(data: "lazy")])
    #expect(decoder.feed(Array("data: slice\n\n".utf8)[...]) == [SSEEvent(data: "slice")])
}

// MARK: BOM

@Test func leadingBOMIsStripped() {
    #expect(decode("\u{FEFF}data: x\n\n") == [SSEEvent(data: "x")])
}

@Test func bomSplitAcrossChunksIsStripped() {
    #expect(decode([[0xEF], [0xBB], [0xBF, 0x64], Array("ata: x\n\n".utf8)]) == [SSEEvent(data: "x")])
}

@Test func onlyOneBOMIsStripped() {
    // The second BOM becomes part of the field name "\u{FEFF}data", an unknown field.
    #expect(decode("\u{FEFF}\u{FEFF}data: x\n\n") == [])
}

@Test func bomLaterInTheStreamIsKept() {
    #expect(decode("data: \u{FEFF}x\n\n") == [SSEEvent(data: "\u{FEFF}x")])
}

@Test func bytesThatOnlyStartLikeABOMAreKept() {
    // 0xEF 0xBB then "d": not a BOM, so the bytes stay and spoil the field name.
    #expect(decode([[0xEF, 0xBB], Array("data: x\n\n".utf8)]) == [])
    #expect(decode([Array("d".utf8), Array("ata: x\n\n".utf8)]) == [SSEEvent(data: "x")])
}

// MARK: Line ends

@Test(arguments: ["\n", "\r", "\r\n"])
func eachLineEndWorks(end: String) {
    #expect(decode("data: a\(end)data: b\(end)\(end)") == [SSEEvent(data: "a\nb")])
}

@Test func mixedLineEnds() {
    #expect(decode("data: a\rdata: b\ndata: c\r\n\n") == [SSEEvent(data: "a\nb\nc")])
}

@Test func crAtChunkEndAndLFAtNextStartAreOneLineEnd() {
    // Counted as two line ends, the lone LF would be a blank line dispatching "a" early.
    #expect(decode("data: a\r", "\ndata: b\r", "\n\r", "\n") == [SSEEvent(data: "a\nb")])
}

@Test func crThenCRAcrossChunksAreTwoLineEnds() {
    #expect(decode("data: a\r", "\r") == [SSEEvent(data: "a")])
}

@Test func lfThenCRIsTwoLineEnds() {
    #expect(decode("data: a\n\rdata: b\n\n") == [SSEEvent(data: "a"), SSEEvent(data: "b")])
}

// MARK: UTF-8

@Test func splitInsideAUTF8SequenceIsReassembled() {
    let bytes = Array("data: 😀é\n\n".utf8)  // 😀 is 4 bytes at 6..<10, é 2 bytes at 10..<12
    let chunks = [Array(bytes[..<7]), Array(bytes[7..<8]), Array(bytes[8..<11]), Array(bytes[11...])]
    #expect(decode(chunks) == [SSEEvent(data: "😀é")])
}

@Test func invalidUTF8BecomesReplacementCharacters() {
    let bytes: [UInt8] = Array("data: ".utf8) + [0xFF, 0xC3] + Array("\nevent: \u{1}".utf8) + [0x80] + [0x0A, 0x0A]
    #expect(decode([bytes]) == [SSEEvent(type: "\u{1}\u{FFFD}", data: "\u{FFFD}\u{FFFD}")])
}

// MARK: Fields

@Test func commentsAreIgnored() {
    #expect(decode(": hello\n:\ndata: x\n: inside\n\n") == [SSEEvent(data: "x")])
    #expect(decode(": only a comment\n\n") == [])
}

@Test func multiLineDataJoinsWithLF() {
    #expect(decode("data: a\ndata:\ndata:  b\n\n") == [SSEEvent(data: "a\n\n b")])
}

@Test func onlyOneLeadingSpaceIsDropped() {
    #expect(decode("data:x\n\ndata:  x\n\ndata:\tx\n\n") == [
        SSEEvent(data: "x"), SSEEvent(data: " x"), SSEEvent(data: "\tx"),
    ])
}

@Test func splitsAtTheFirstColonOnly() {
    #expect(decode("data: a: b:c\n\n") == [SSEEvent(data: "a: b:c")])
}

@Test func fieldWithoutColonHasEmptyValue() {
    #expect(decode("data\n\n") == [SSEEvent(data: "")])
    #expect(decode("event: x\nevent\ndata: y\n\n") == [SSEEvent(type: "message", data: "y")])
}

@Test func emptyDataDispatchesNothingButResetsTheType() {
    #expect(decode("event: foo\n\ndata: x\n\n") == [SSEEvent(type: "message", data: "x")])
    #expect(decode("\n\n\n") == [])
}

@Test func emptyDataFieldStillDispatches() {
    #expect(decode("data:\n\n") == [SSEEvent(data: "")])
}

@Test func unknownFieldsAreIgnoredAndNamesAreCaseSensitive() {
    #expect(decode("foo: bar\ndata: x\n\n") == [SSEEvent(data: "x")])
    #expect(decode("Data: x\nEVENT: y\n\n") == [])
}

@Test func typeDefaultsToMessage() {
    #expect(decode("event:\ndata: x\n\n") == [SSEEvent(type: "message", data: "x")])
}

@Test func idPersistsAcrossEventsAndIgnoresNUL() {
    let events = decode("id: 1\ndata: a\n\ndata: b\n\nid: 2\u{0}x\ndata: c\n\nid\ndata: d\n\n")
    #expect(events == [
        SSEEvent(data: "a", id: "1"), SSEEvent(data: "b", id: "1"),
        SSEEvent(data: "c", id: "1"), SSEEvent(data: "d", id: nil),
    ])
}

@Test func idWithoutDataStillSetsTheLastID() {
    #expect(decode("id: 5\n\ndata: x\n\n") == [SSEEvent(data: "x", id: "5")])
}

@Test func retryCountsOnlyWhenAllDigits() {
    var decoder = SSEDecoder()
    #expect(decoder.retry == nil)
    #expect(decoder.feed(Array("retry: 1500\n\n".utf8)) == [])
    #expect(decoder.retry == 1500)
    for bad in ["1.5", "-5", "x", "", " 7", "15s", "99999999999999999999999"] {
        _ = decoder.feed(Array("retry: \(bad)\n".utf8))
        #expect(decoder.retry == 1500, "retry: \(bad)")
    }
    _ = decoder.feed(Array("retry:20\n".utf8))
    #expect(decoder.retry == 20)
}

// MARK: End of stream

@Test func partialEventAtEndIsDiscarded() {
    #expect(decode("data: a\n") == [])
    #expect(decode("data: a") == [])
    #expect(decode("data: a\n\ndata: b\n") == [SSEEvent(data: "a")])
}

@Test func finishDropsThePartialEventButKeepsRetry() {
    var decoder = SSEDecoder()
    #expect(decoder.feed(Array("retry: 10\ndata: a\n".utf8)) == [])
    #expect(decoder.finish() == [])
    #expect(decoder.retry == 10)
}

// MARK: Scale

@Test(.timeLimit(.minutes(1)))
func tenMegabytesInOneChunkIsLinear() {
    // Many small events and one huge line, each in a single chunk.
    let event = Array("event: content_block_delta\ndata: \(String(repeating: "x", count: 60))\n\n".utf8)
    var stream: [UInt8] = []
    stream.reserveCapacity(10_000_000)
    while stream.count < 10_000_000 { stream += event }
    #expect(decode([stream]).count == stream.count / event.count)

    let hugeLine = Array("data: ".utf8) + [UInt8](repeating: 0x61, count: 10_000_000) + [0x0A, 0x0A]
    #expect(decode([hugeLine]).first?.data.utf8.count == 10_000_000)
}

@Test(.timeLimit(.minutes(1)))
func longLineFedByteByByteIsLinear() {
    let line = Array("data: ".utf8) + [UInt8](repeating: 0x61, count: 200_000) + [0x0D, 0x0A, 0x0D, 0x0A]
    #expect(decode(line.map { [$0] }).first?.data.utf8.count == 200_000)
}
