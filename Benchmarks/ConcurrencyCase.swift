import Claude
import Foundation
import Synchronization

/// Case 7: 1,000 concurrent streaming requests through one MessagesClient (one curl engine
/// thread) against `fake-claude` running as a separate process, question latency 1 s.
enum ConcurrencyCase {
    static let streams = 1_000
    static let questionLatencyMs = 1_000
    static let threadTarget = 8

    static func run(_ layout: Layout) async throws -> CaseResult {
        var result = CaseResult(7, "Concurrency")
        let fileLimit = Procfs.raiseOpenFileLimit()
        guard fileLimit >= UInt64(streams + 64) else {
            throw BenchmarkError("the open-file limit is \(fileLimit); \(streams) streams need more")
        }
        let server = try ChildProcess.spawn(layout.fakeClaude, ["--port", "0", "--question-latency-ms", "\(questionLatencyMs)"],
                                            environment: ProcessInfo.processInfo.environment, stdout: .pipe)
        defer { _ = server.terminate() }
        guard let line = server.readLine(timeout: .seconds(15)), let url = line.range(of: "http://") else {
            throw BenchmarkError("fake-claude did not say where it listens")
        }
        let client = MessagesClient(config: ClaudeConfig(apiKey: "sk-bench-dummy-key", baseURL: String(line[url.lowerBound...]),
                                                         retry: RetryPolicy(maxRetries: 0)))
        let request = MessageRequest(model: "claude-bench", maxTokens: 64,
                                     messages: [.init(role: .user, content: "Why does recursion need a base case?")])
        // One stream first, so the engine's thread exists and the baseline counts it.
        _ = try await client.stream(request, onText: { _ in })

        let baselineThreads = Procfs.threadCount()
        let baselineRSS = Procfs.field("VmRSS", in: "/proc/self/status") ?? 0
        let peakReset = Procfs.resetPeakRSS()
        let sampler = ThreadSampler()
        let clock = ContinuousClock()
        let started = clock.now
        let failures = await withTaskGroup(of: String?.self) { group in
            for _ in 0..<streams {
                group.addTask {
                    do {
                        _ = try await client.stream(request, onText: { _ in })
                        return nil
                    } catch {
                        return "\(error)"
                    }
                }
            }
            var failures: [String] = []
            for await failure in group { if let failure { failures.append(failure) } }
            return failures
        }
        let wall = (clock.now - started).ms
        let peakThreads = sampler.stop()
        let peakRSS = Procfs.field("VmHWM", in: "/proc/self/status") ?? 0

        result.row("\(Format.count(Double(streams))) streams: wall time, completed",
                   "\(Format.ms(wall)) (\(streams - failures.count) ok)", target: "(1,000 ms scripted)",
                   failures.isEmpty ? .info : .error)
        result.row("peak threads of the benchmark process (before: \(baselineThreads))", "\(peakThreads)",
                   target: "≤ \(threadTarget)", Verdict(peakThreads <= threadTarget))
        result.row("peak RSS of the benchmark process (before: \(Format.mb(kib: baselineRSS)))",
                   peakReset ? Format.mb(kib: peakRSS) : "\(Format.mb(kib: peakRSS)) (whole run: VmHWM reset refused)")
        result.metrics = [
            "streams": Double(streams), "failed": Double(failures.count), "wall_ms": wall,
            "peak_threads": Double(peakThreads), "baseline_threads": Double(baselineThreads),
            "peak_rss_kib": Double(peakRSS), "baseline_rss_kib": Double(baselineRSS),
        ]
        result.notes.append("threads sampled from /proc/self/task every 10 ms, not counting the sampling thread itself; "
                            + "peak RSS is VmHWM after resetting it (clear_refs) just before the streams start")
        result.notes.append("threads after the streams: " + Procfs.threadNames().joined(separator: ", "))
        if let first = failures.first { result.notes.append("\(failures.count) streams failed, e.g. \(first)") }
        return result
    }
}

/// Samples this process's thread count every 10 ms on its own thread until stopped.
private final class ThreadSampler: Sendable {
    private let peak = Atomic<Int>(0)
    private let running = Atomic<Bool>(true)
    private let finished = Atomic<Bool>(false)

    init() {
        Thread.detachNewThread { [self] in
            while running.load(ordering: .acquiring) {
                // Minus one: this sampling thread is not part of what is measured.
                _ = peak.max(Procfs.threadCount() - 1, ordering: .relaxed)
                usleep(10_000)
            }
            finished.store(true, ordering: .releasing)
        }
    }

    /// Stops sampling and returns the largest count seen.
    func stop() -> Int {
        running.store(false, ordering: .releasing)
        while !finished.load(ordering: .acquiring) { usleep(1_000) }
        return peak.load(ordering: .relaxed)
    }
}
