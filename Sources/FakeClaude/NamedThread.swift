import Foundation

/// Starts server threads named with the "fake-claude" prefix, so a test in the same process
/// can tell them from the client's: by `Thread.current.name`, or by the kernel's name in
/// /proc/self/task/*/comm. Linux keeps 15 bytes of a thread name, and Foundation only
/// passes the name to the kernel when a thread names itself, so names are short and set
/// from inside.
enum NamedThread {
    /// Streams spend their time in poll and send; 256 KiB keeps 1,000 of them cheap.
    static let stackSize = 256 * 1024

    static let acceptorName = "fake-claude-acc"
    static let connectionName = "fake-claude-con"

    static func start(_ name: String, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread {
            Thread.current.name = name
            body()
        }
        thread.name = name
        thread.stackSize = stackSize
        thread.start()
    }
}
