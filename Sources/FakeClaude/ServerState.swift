import TeachBack

/// Everything the server's threads share, kept behind one lock in `FakeClaudeServer`.
struct ServerState {
    var config: FakeClaudeConfig
    var generator: SplitMix64
    var faults: [RequestKind: [Fault]] = [:]
    var requests: [RecordedRequest] = []
    var clientCloses: [ClientClose] = []
    var nextRequestNumber = 1
    /// Message Batches in creation order.
    var batches: [FakeBatch] = []
    /// Batch ids are numbered and never reused, even after a delete.
    var nextBatchNumber = 1
    /// How many times each `custom_id` was submitted in a created batch.
    var batchSubmissions: [String: Int] = [:]
    var nextConnectionID = 1
    var acceptedConnections = 0
    /// Open sockets by connection id, so `stop()` can shut them down (waking their threads).
    var connections: [Int: Int32] = [:]
    var liveConnectionThreads = 0
    var acceptorRunning = false
    var stopping = false
    var port: UInt16?
    /// The write end of the pipe that wakes the accept loop on `stop()`.
    var wakeWrite: Int32 = -1

    init(config: FakeClaudeConfig) {
        self.config = config
        generator = SplitMix64(seed: config.seed)
    }
}
