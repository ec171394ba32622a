import TeachBack

/// `teachback analytics`: DESIGN §8 over many recorded sessions, on every core, in input order,
/// reading files of any size a chunk at a time. Each output line carries the record's `id` and
/// `line`; a bad record is reported as `file:line: why` and skipped, the rest go on.
package enum BatchAnalytics {
    package struct Summary: Sendable, Equatable {
        package var sessions = 0
        package var failures = 0
        package init(sessions: Int = 0, failures: Int = 0) {
            self.sessions = sessions
            self.failures = failures
        }
    }

    /// Records analysed together; bounds memory to a chunk's records and outputs. The reading task
    /// may resume on another thread after each chunk, so two malloc arenas can each hold a chunk:
    /// 1,024 records keep peak RSS at ~35 MB on the benchmark (4,096 gave ~60 MB, same CPU time).
    static let chunkSize = 1024

    package static func run(files: [String], jobs: Int, output: (String) -> Void, report: (String) -> Void) async -> Summary {
        var summary = Summary()
        await OrderedParallel.run(files: files, workers: Array(repeating: (), count: max(1, jobs)), chunkSize: chunkSize,
                                  work: { _, record in analyse(record) },
                                  unreadable: { report($0); summary.failures += 1 }) { result in
            switch result {
            case .success(let line):
                output(line)
                summary.sessions += 1
            case .failure(let failure):
                report(failure.message)
                summary.failures += 1
            }
        }
        return summary
    }

    /// One record's analytics line, or the message saying why it was skipped.
    static func analyse(_ record: InputRecord) -> Result<String, RecordFailure> {
        do {
            let session = try SessionRecord(record)
            return .success(AnalyticsJSON.line(SessionAnalytics(analyses: session.analyses), id: session.id, line: record.line))
        } catch {
            return .failure(RecordFailure("\(record.location): \(error.message)"))
        }
    }
}
