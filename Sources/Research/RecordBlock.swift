/// Records read ahead in one buffer, the unit of work of batch analytics: the reader fills it,
/// one worker analyses it, the writer emits its output, in input order.
package struct RecordBlock: Sendable {
    struct Span: Sendable {
        var bytes: Range<Int>
        /// The line the record starts on (1-based).
        var line: Int
    }

    var bytes: [UInt8] = []
    var records: [Span] = []
    var file: String

    init(file: String) { self.file = file }

    /// A record assembled elsewhere, copied in.
    mutating func append(_ record: RecordReader.Record) {
        let start = bytes.count
        bytes.append(contentsOf: record.bytes)
        records.append(Span(bytes: start..<bytes.count, line: record.line))
    }

    /// A line already in `bytes`; blank lines (spaces, tabs, CR) are not records.
    mutating func addLine(_ range: Range<Int>, line: Int) {
        guard bytes[range].contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return }
        records.append(Span(bytes: range, line: line))
    }

    /// The record as the general path takes it.
    func inputRecord(_ i: Int) -> InputRecord {
        InputRecord(bytes: Array(bytes[records[i].bytes]), file: file, line: records[i].line)
    }
}
