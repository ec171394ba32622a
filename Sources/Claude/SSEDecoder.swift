/// One dispatched server-sent event.
package struct SSEEvent: Sendable, Equatable {
    /// The `event` field, or "message" when the event had none (WHATWG default).
    package var type: String
    /// The `data` lines joined with LF.
    package var data: String
    /// The last event id seen on the stream so far (it persists across events); nil when none.
    package var id: String?

    package init(type: String = "message", data: String, id: String? = nil) {
        self.type = type
        self.data = data
        self.id = id
    }
}

/// Incremental server-sent-events parser following the WHATWG rules.
///
/// Network chunks may split anywhere (inside a CRLF pair or a UTF-8 sequence), so bytes are
/// buffered and only complete lines are decoded. Line terminators and the colon are ASCII and
/// never occur inside a multi-byte sequence, so lines are cut at the byte level. Every input
/// byte is looked at a constant number of times, which keeps a large single chunk linear.
package struct SSEDecoder {
    /// The last valid `retry` field (milliseconds); a reconnecting caller may honour it.
    package private(set) var retry: Int?

    /// Bytes of a line whose terminator has not arrived yet.
    private var partialLine: [UInt8] = []
    /// A CR ended the previous line, so an LF right after it is part of the same line end.
    private var skipNextLF = false
    /// Leading bytes held back while they might still be a BOM; nil once that is decided.
    private var streamStart: [UInt8]? = []
    private var dataBuffer: [UInt8] = []
    private var eventType: String = ""
    private var lastEventID: String?

    package init() {}

    /// Consumes a chunk and returns the events it completes.
    package mutating func feed(_ bytes: some Collection<UInt8>) -> [SSEEvent] {
        if let events = bytes.withContiguousStorageIfAvailable({ consume($0) }) {
            return events
        }
        return Array(bytes).withUnsafeBufferPointer { consume($0) }
    }

    /// Ends the stream. WHATWG discards an event that no blank line closed, so this yields
    /// nothing and drops the buffered partial line and event; `retry` stays readable.
    package mutating func finish() -> [SSEEvent] {
        partialLine = []
        dataBuffer = []
        eventType = ""
        return []
    }

    private mutating func consume(_ chunk: UnsafeBufferPointer<UInt8>) -> [SSEEvent] {
        var events: [SSEEvent] = []
        guard let held = streamStart else {
            scan(chunk, into: &events)
            return events
        }
        // Decide whether the stream begins with a BOM, which may itself arrive split.
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        var start = held
        var used = 0
        while start.count < bom.count, used < chunk.count {
            start.append(chunk[used])
            used += 1
        }
        if start.count < bom.count, start == Array(bom.prefix(start.count)) {
            streamStart = start
            return events
        }
        streamStart = nil
        if start != bom {
            start.withUnsafeBufferPointer { scan($0, into: &events) }
        }
        scan(UnsafeBufferPointer(rebasing: chunk[used...]), into: &events)
        return events
    }

    /// Cuts `chunk` into lines, joining the first with any partial line from earlier chunks.
    private mutating func scan(_ chunk: UnsafeBufferPointer<UInt8>, into events: inout [SSEEvent]) {
        let cr: UInt8 = 0x0D, lf: UInt8 = 0x0A
        var lineStart = 0
        var index = 0
        if skipNextLF, !chunk.isEmpty {
            skipNextLF = false
            if chunk[0] == lf {
                lineStart = 1
                index = 1
            }
        }
        while index < chunk.count {
            let byte = chunk[index]
            guard byte == cr || byte == lf else {
                index += 1
                continue
            }
            let piece = UnsafeBufferPointer(rebasing: chunk[lineStart..<index])
            if partialLine.isEmpty {
                processLine(piece, into: &events)
            } else {
                // Take the buffer out of `self` so that processing may mutate `self`.
                var line: [UInt8] = []
                swap(&line, &partialLine)
                line.append(contentsOf: piece)
                line.withUnsafeBufferPointer { processLine($0, into: &events) }
                line.removeAll(keepingCapacity: true)
                partialLine = line
            }
            index += 1
            if byte == cr {
                if index == chunk.count {
                    skipNextLF = true
                } else if chunk[index] == lf {
                    index += 1
                }
            }
            lineStart = index
        }
        partialLine.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[lineStart...]))
    }

    private mutating func processLine(_ line: UnsafeBufferPointer<UInt8>, into events: inout [SSEEvent]) {
        let colon: UInt8 = 0x3A, space: UInt8 = 0x20
        if line.isEmpty {
            if let event = dispatch() { events.append(event) }
            return
        }
        if line[0] == colon { return }
        let name: UnsafeBufferPointer<UInt8>
        var value = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        if let split = line.firstIndex(of: colon) {
            name = UnsafeBufferPointer(rebasing: line[..<split])
            var valueStart = split + 1
            if valueStart < line.count, line[valueStart] == space { valueStart += 1 }
            value = UnsafeBufferPointer(rebasing: line[valueStart...])
        } else {
            name = line
        }
        if name.elementsEqual("data".utf8) {
            dataBuffer.append(contentsOf: value)
            dataBuffer.append(0x0A)
        } else if name.elementsEqual("event".utf8) {
            eventType = String(decoding: value, as: UTF8.self)
        } else if name.elementsEqual("id".utf8) {
            // An empty id resets the last id, which this type spells as nil.
            if !value.contains(0) {
                lastEventID = value.isEmpty ? nil : String(decoding: value, as: UTF8.self)
            }
        } else if name.elementsEqual("retry".utf8) {
            if !value.isEmpty, value.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
               let milliseconds = Int(String(decoding: value, as: UTF8.self)) {
                retry = milliseconds
            }
        }
    }

    /// A blank line: emit the buffered event, if it has data, and start a new one.
    private mutating func dispatch() -> SSEEvent? {
        defer {
            dataBuffer.removeAll(keepingCapacity: true)
            eventType = ""
        }
        guard !dataBuffer.isEmpty else { return nil }
        let data = String(decoding: dataBuffer.dropLast(), as: UTF8.self)
        return SSEEvent(type: eventType.isEmpty ? "message" : eventType, data: data, id: lastEventID)
    }
}
