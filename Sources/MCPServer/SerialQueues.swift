/// Runs work one at a time per key, in the order it was asked for, while different keys run
/// concurrently: tool calls on one session never interleave (a turn's number and history depend
/// on the one before), calls on different sessions do not wait for each other.
actor SerialQueues {
    private var tails: [String: Task<Void, Never>] = [:]

    func run<T: Sendable>(_ key: String, _ work: @escaping @Sendable () async -> T) async -> T {
        let previous = tails[key]
        let task = Task {
            await previous?.value
            return await work()
        }
        tails[key] = Task { _ = await task.value }
        return await task.value
    }
}
