import Foundation
import TeachBack

/// `teachback analytics`: DESIGN §8 over many recorded sessions, on every core, in input order,
/// reading files of any size a chunk at a time. A malformed record is reported with its file and
/// line and skipped; the rest go on.
public enum BatchAnalytics {
    public struct Summary: Sendable, Equatable {
        public var sessions = 0
        public var failures = 0
    }

    /// Records analysed together; bounds memory to a chunk's records and outputs.
    static let chunkSize = 4096

    public static func run(files: [String], jobs: Int, output: (String) -> Void, report: (String) -> Void) -> Summary {
        var summary = Summary()
        for file in files {
            guard var reader = try? RecordReader(path: file) else {
                report("\(file): cannot read it")
                summary.failures += 1
                continue
            }
            defer { reader.close() }
            var chunk: [RecordReader.Record] = []
            chunk.reserveCapacity(chunkSize)
            var more = true
            while more {
                if let record = reader.next() { chunk.append(record) } else { more = false }
                guard chunk.count == chunkSize || (!more && !chunk.isEmpty) else { continue }
                for result in analyse(chunk, jobs: jobs) {
                    switch result {
                    case .success(let line):
                        output(line)
                        summary.sessions += 1
                    case .failure(let failure):
                        report("\(file):\(failure.line): \(failure.message)")
                        summary.failures += 1
                    }
                }
                chunk.removeAll(keepingCapacity: true)
            }
        }
        return summary
    }

    struct Failure: Error {
        var line: Int
        var message: String
    }

    /// Analyses one chunk on `jobs` threads; results keep the records' order.
    static func analyse(_ records: [RecordReader.Record], jobs: Int) -> [Result<String, Failure>] {
        let results = ResultSlots(count: records.count)
        let workers = max(1, min(jobs, records.count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var i = worker
            while i < records.count {
                results.set(i, analyse(records[i]))
                i += workers
            }
        }
        return results.values
    }

    static func analyse(_ record: RecordReader.Record) -> Result<String, Failure> {
        do {
            return .success(AnalyticsJSON.line(SessionAnalytics(analyses: try SessionRecord.analyses(from: record.bytes))))
        } catch {
            return .failure(Failure(line: record.line, message: error.description))
        }
    }
}

/// Slots written by distinct indices from several threads, read after all writers finished.
/// One buffer allocated up front: writers never touch shared array bookkeeping.
private final class ResultSlots: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Result<String, BatchAnalytics.Failure>>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: .failure(.init(line: 0, message: "")))
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func set(_ i: Int, _ value: Result<String, BatchAnalytics.Failure>) { slots[i] = value }
    var values: [Result<String, BatchAnalytics.Failure>] { Array(slots) }
}
