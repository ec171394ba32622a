import Synchronization
import TeachBack

/// `teachback analytics`: DESIGN §8 over many recorded sessions, in input order, reading files
/// of any size a block at a time. Each output line carries the record's `id` and `line`; a bad
/// record is reported as `file:line: why` and skipped, the rest go on.
///
/// A pipeline: this task reads blocks of records (`RecordStream.nextBlock`) while up to `jobs`
/// tasks analyse earlier blocks, and writes each block's output once all before it are written.
/// Records are analysed in place in the block (`AnalyticsRecordScan`) and their lines appended
/// to the block's one output buffer; a record that scan does not take goes the general way
/// (`SessionRecord`, `AnalyticsJSON`), which also words every error.
package enum BatchAnalytics {
    package struct Summary: Sendable, Equatable {
        package var sessions = 0
        package var failures = 0
        package init(sessions: Int = 0, failures: Int = 0) {
            self.sessions = sessions
            self.failures = failures
        }
    }

    /// What one block gives: its output lines, its messages, in input order.
    struct BlockResult: Sendable {
        var output: [UInt8] = []
        var messages: [String] = []
        var summary = Summary()
    }

    /// Bytes of input a block holds (more when one line is longer). Memory is bounded by
    /// `jobs + 1` blocks and their outputs, whatever the input's size.
    package static let blockSize = 1 << 20

    /// `output` receives whole lines, each ending in a newline.
    package static func run(files: [String], jobs: Int, blockSize: Int = blockSize,
                            output: ([UInt8]) -> Void, report: (String) -> Void) async -> Summary {
        var summary = Summary()
        var stream = RecordStream(files: files)
        var inFlight: [Task<BlockResult, Never>] = []
        let scans = ScanPool()
        func emit(_ result: BlockResult) {
            if !result.output.isEmpty { output(result.output) }
            result.messages.forEach(report)
            summary.sessions += result.summary.sessions
            summary.failures += result.summary.failures
        }
        while true {
            var unreadable: [String] = []
            let block = stream.nextBlock(size: blockSize) { unreadable.append($0) }
            for message in unreadable {
                // In order with the blocks before it, so messages keep the input's order.
                let result = BlockResult(messages: [message], summary: Summary(failures: 1))
                inFlight.append(Task { result })
            }
            while inFlight.count >= max(1, jobs) || (block == nil && !inFlight.isEmpty) {
                emit(await inFlight.removeFirst().value)
            }
            guard let block else { break }
            inFlight.append(Task { analyse(block, scans: scans) })
        }
        return summary
    }

    /// The pipeline's reader alone: reads and splits every record, analyses none. Its rate is
    /// the ceiling for `run` on this machine (the benchmark's "scan only" row).
    package static func scanOnly(files: [String], blockSize: Int = blockSize) -> (records: Int, bytes: Int) {
        var stream = RecordStream(files: files)
        var total = (records: 0, bytes: 0)
        while let block = stream.nextBlock(size: blockSize, unreadable: { _ in }) {
            total.records += block.records.count
            total.bytes += block.bytes.count
        }
        return total
    }

    static func analyse(_ block: RecordBlock, scans: ScanPool = ScanPool()) -> BlockResult {
        var result = BlockResult()
        result.output.reserveCapacity(block.bytes.count / 8)
        var scan = scans.take()
        defer { scans.give(scan) }
        var order: [Int] = []
        block.bytes.withUnsafeBufferPointer { buffer in
            for (i, span) in block.records.enumerated() {
                let record = UnsafeBufferPointer(rebasing: buffer[span.bytes])
                if scan.read(record) {
                    AnalyticsLineWriter.append(scan, record: record, file: block.file, line: span.line, order: &order, to: &result.output)
                    result.summary.sessions += 1
                    continue
                }
                switch analyse(block.inputRecord(i)) {
                case .success(let line):
                    result.output.append(contentsOf: line.utf8)
                    result.output.append(0x0A)
                    result.summary.sessions += 1
                case .failure(let failure):
                    result.messages.append(failure.message)
                    result.summary.failures += 1
                }
            }
        }
        return result
    }

    /// One record's analytics line the general way, or the message saying why it was skipped.
    static func analyse(_ record: InputRecord) -> Result<String, RecordFailure> {
        do {
            let session = try SessionRecord(record)
            return .success(AnalyticsJSON.line(SessionAnalytics(analyses: session.analyses), id: session.id, line: record.line))
        } catch {
            return .failure(RecordFailure("\(record.location): \(error.message)"))
        }
    }
}

/// Record scans, with their caches of normalised terms, passed from one block's task to a later
/// one: at most `jobs` are in use at once.
final class ScanPool: Sendable {
    private let free = Mutex<[AnalyticsRecordScan]>([])

    func take() -> AnalyticsRecordScan { free.withLock { $0.popLast() } ?? AnalyticsRecordScan() }
    func give(_ scan: AnalyticsRecordScan) { free.withLock { $0.append(scan) } }
}
