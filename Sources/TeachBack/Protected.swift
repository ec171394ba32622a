import Foundation

/// A value shared between threads behind a pthread mutex (NSLock). Preferred here to
/// `Synchronization.Mutex`, whose futex ThreadSanitizer cannot see, so `make sanitize` can tell
/// real races from false ones.
package final class Protected<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    package init(_ value: Value) { self.value = value }

    package func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
