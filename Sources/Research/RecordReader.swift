import Foundation

/// Reads session records from a file too large for memory, one at a time: JSONL (a record per
/// line) or a JSON array (a record per top-level element), detected from the first byte. Only the
/// record being assembled is held, whatever the file's size.
struct RecordReader {
    struct Record {
        var bytes: [UInt8]
        /// The line the record starts on (1-based), for error messages.
        var line: Int
    }

    private let fd: Int32
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)
    private var position = 0
    private var filled = 0
    private var line = 1
    private var isArray: Bool?
    private var finished = false
    /// The start of a line read into the last block but not finished in it.
    private var carry: [UInt8] = []

    init(path: String) throws {
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path]) }
        var info = stat()
        if fstat(fd, &info) != 0 || (info.st_mode & S_IFMT) == S_IFDIR {
            Foundation.close(fd)
            throw CocoaError(.fileReadInvalidFileName, userInfo: [NSFilePathErrorKey: path])
        }
    }

    func close() { _ = Foundation.close(fd) }

    private mutating func nextByte() -> UInt8? {
        if position == filled {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { return nil }
            filled = n
            position = 0
        }
        defer { position += 1 }
        return buffer[position]
    }

    /// The next record, or nil at the end of the file.
    mutating func next() -> Record? {
        if finished { return nil }
        if isArray == nil {
            // Peek at the first non-blank byte to choose the format.
            while let b = nextByte() {
                if b == 0x0A { line += 1 }
                if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0xEF || b == 0xBB || b == 0xBF { continue }
                isArray = b == UInt8(ascii: "[")
                if isArray == false { return nextLine(startingWith: b) }
                break
            }
            if isArray == nil { finished = true; return nil }
        }
        return isArray == true ? nextElement() : nextLine(startingWith: nil)
    }

    /// Whole records of about `size` bytes or more, read straight into one buffer that a worker
    /// then owns: JSONL lines are found with `memchr` and not copied again; array elements are
    /// assembled by `next`. A line longer than `size` makes the block grow to hold it.
    mutating func nextBlock(size: Int, file: String) -> RecordBlock? {
        var block = RecordBlock(file: file)
        if isArray == nil, !finished {
            guard let first = next() else { return nil }
            block.append(first)
            if isArray == false {
                // `next` read the first line; the rest of the read buffer starts the next one.
                carry.append(contentsOf: buffer[position..<filled])
                position = filled
            }
        }
        if isArray == true {
            while block.bytes.count < size, let record = next() { block.append(record) }
        } else {
            readLines(into: &block, size: size)
        }
        return block.records.isEmpty ? nil : block
    }

    /// Reads at least `size` bytes after the carried partial line and cuts them into lines; the
    /// last, unfinished line is carried to the next block.
    private mutating func readLines(into block: inout RecordBlock, size: Int) {
        guard !finished else { return }
        repeat {
            let start = block.bytes.count
            var eof = false
            // The carried line, then the file's next bytes, read into the new array's own storage.
            let capacity = carry.count + max(size, carry.count)
            let fresh = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                count = carry.withUnsafeBufferPointer { UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer($0)); return $0.count }
                while count < capacity {
                    let n = read(fd, buffer.baseAddress! + count, capacity - count)
                    if n <= 0 { eof = true; break }
                    count += n
                }
            }
            carry.removeAll(keepingCapacity: true)
            if block.bytes.isEmpty { block.bytes = fresh } else { block.bytes.append(contentsOf: fresh) }
            var lineStart = start
            var lines: [Range<Int>] = []
            block.bytes.withUnsafeBufferPointer { buf in
                while lineStart < buf.count, let hit = memchr(buf.baseAddress! + lineStart, 0x0A, buf.count - lineStart) {
                    let end = UnsafeRawPointer(buf.baseAddress!).distance(to: hit)
                    lines.append(lineStart..<end)
                    lineStart = end + 1
                }
            }
            for range in lines {
                block.addLine(range, line: line)
                line += 1
            }
            if eof {
                finished = true
                block.addLine(lineStart..<block.bytes.count, line: line)
            } else {
                carry.append(contentsOf: block.bytes[lineStart...])
                block.bytes.removeSubrange(lineStart...)
            }
        } while !finished && block.records.isEmpty
    }

    /// The rest of the current line; blank lines are skipped. Copies whole runs of the buffer
    /// up to the next newline rather than byte by byte.
    private mutating func nextLine(startingWith first: UInt8?) -> Record? {
        var bytes: [UInt8] = first.map { [$0] } ?? []
        var start = line
        func isBlank(_ bytes: [UInt8]) -> Bool { bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } }
        while true {
            if position == filled {
                let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                guard n > 0 else { break }
                filled = n
                position = 0
            }
            let newline = buffer[position..<filled].firstIndex(of: 0x0A)
            bytes.append(contentsOf: buffer[position..<(newline ?? filled)])
            guard let newline else {
                position = filled
                continue
            }
            position = newline + 1
            line += 1
            if isBlank(bytes) {
                bytes.removeAll(keepingCapacity: true)
                start = line
                continue
            }
            return Record(bytes: bytes, line: start)
        }
        finished = true
        return isBlank(bytes) ? nil : Record(bytes: bytes, line: start)
    }

    /// The next top-level element of the array: bytes up to the comma or `]` at depth zero,
    /// ignoring brackets inside strings.
    private mutating func nextElement() -> Record? {
        var bytes: [UInt8] = []
        var depth = 0, inString = false, escaped = false
        var start = line
        while let b = nextByte() {
            if b == 0x0A { line += 1 }
            if inString {
                bytes.append(b)
                if escaped { escaped = false } else if b == UInt8(ascii: "\\") { escaped = true } else if b == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch b {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth > 0 {
                    depth -= 1
                } else if b == UInt8(ascii: "]") {
                    finished = true
                    return bytes.isEmpty ? nil : Record(bytes: bytes, line: start)
                }
            case UInt8(ascii: ","):
                if depth == 0 {
                    if bytes.isEmpty { continue }
                    return Record(bytes: bytes, line: start)
                }
            case 0x20, 0x09, 0x0A, 0x0D:
                // Blanks between records: the next record starts on a later line.
                if bytes.isEmpty {
                    start = line
                    continue
                }
            default: break
            }
            bytes.append(b)
        }
        finished = true
        return bytes.isEmpty ? nil : Record(bytes: bytes, line: start)
    }
}

/// Records of several files in order; a file that cannot be read is reported and passed over.
package struct RecordStream {
    private var files: [String]
    private var reader: RecordReader?
    private var file = ""

    package init(files: [String]) { self.files = files }

    /// The next block of records (see `RecordReader.nextBlock`); a block holds one file's records.
    mutating func nextBlock(size: Int, unreadable: (String) -> Void) -> RecordBlock? {
        while true {
            if let block = reader?.nextBlock(size: size, file: file) { return block }
            guard openNext(unreadable: unreadable) else { return nil }
        }
    }

    package mutating func next(unreadable: (String) -> Void) -> InputRecord? {
        while true {
            if let record = reader?.next() { return InputRecord(bytes: record.bytes, file: file, line: record.line) }
            guard openNext(unreadable: unreadable) else { return nil }
        }
    }

    /// Closes the current file and opens the next (reporting it when it cannot be read); false
    /// when no file is left.
    private mutating func openNext(unreadable: (String) -> Void) -> Bool {
        reader?.close()
        reader = nil
        guard !files.isEmpty else { return false }
        file = files.removeFirst()
        do {
            reader = try RecordReader(path: file)
        } catch {
            unreadable("\(file): cannot read it")
        }
        return true
    }
}
