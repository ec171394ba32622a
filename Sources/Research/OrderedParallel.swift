/// The driver of `rescore`, whose workers are stateful (one script host each): records are read
/// a chunk at a time, so memory is bounded whatever the input's size; worker k of n takes
/// records k, k+n, … of the chunk; results come back in input order. (`analytics`, whose work is
/// stateless and cheap per record, runs its own block pipeline: `BatchAnalytics`.)
package enum OrderedParallel {
    package static func run<Worker: Sendable, Output: Sendable>(
        files: [String], workers: [Worker], chunkSize: Int,
        work: @escaping @Sendable (Worker, InputRecord) async -> Output,
        unreadable: (String) -> Void,
        emit: (Output) throws -> Void
    ) async rethrows {
        precondition(!workers.isEmpty && chunkSize > 0)
        var stream = RecordStream(files: files)
        var chunk: [InputRecord] = []
        chunk.reserveCapacity(chunkSize)
        var more = true
        while more {
            if let record = stream.next(unreadable: unreadable) { chunk.append(record) } else { more = false }
            guard chunk.count == chunkSize || (!more && !chunk.isEmpty) else { continue }
            for output in await process(chunk, workers: workers, work: work) { try emit(output) }
            chunk.removeAll(keepingCapacity: true)
        }
    }

    /// One chunk on all workers at once; each returns its share, placed back by index.
    static func process<Worker: Sendable, Output: Sendable>(
        _ records: [InputRecord], workers: [Worker], work: @escaping @Sendable (Worker, InputRecord) async -> Output
    ) async -> [Output] {
        let used = min(workers.count, records.count)
        var slots = [Output?](repeating: nil, count: records.count)
        await withTaskGroup(of: [(Int, Output)].self) { group in
            for w in 0..<used {
                let worker = workers[w]
                group.addTask {
                    var done: [(Int, Output)] = []
                    done.reserveCapacity(records.count / used + 1)
                    for i in stride(from: w, to: records.count, by: used) { done.append((i, await work(worker, records[i]))) }
                    return done
                }
            }
            for await share in group {
                for (i, output) in share { slots[i] = output }
            }
        }
        return slots.map { $0! }
    }
}
