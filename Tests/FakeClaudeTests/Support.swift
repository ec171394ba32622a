import FakeClaude
import Foundation

/// Runs `body` against a fresh server on an ephemeral port, stopping it afterwards.
@discardableResult
func withServer<T>(
    _ config: FakeClaudeConfig = FakeClaudeConfig(),
    _ body: (FakeClaudeServer, UInt16) async throws -> T
) async throws -> T {
    let server = FakeClaudeServer(config: config)
    let port = try server.start()
    defer { server.stop() }
    return try await body(server, port)
}

/// Seconds elapsed since `start`.
func seconds(since start: ContinuousClock.Instant) -> Double {
    let (whole, fraction) = start.duration(to: .now).components
    return Double(whole) + Double(fraction) / 1e18
}

func secondsBetween(_ a: ContinuousClock.Instant, _ b: ContinuousClock.Instant) -> Double {
    let (whole, fraction) = a.duration(to: b).components
    return Double(whole) + Double(fraction) / 1e18
}

/// The names of this process's threads as the kernel knows them.
func kernelThreadNames() -> [String] {
    let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
    return tasks.compactMap {
        try? String(contentsOfFile: "/proc/self/task/\($0)/comm", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
