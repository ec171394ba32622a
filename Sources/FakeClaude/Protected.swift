import Foundation

/// Shared state behind a pthread mutex, which ThreadSanitizer understands (it cannot see the
/// futex inside `Synchronization.Mutex`). FakeClaude depends on nothing else in the package.
final class Protected<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
