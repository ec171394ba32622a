#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin wrappers over the socket calls the server needs, so the rest reads as Swift.
enum Posix {
    /// Peer shut down its writing side (Linux `POLLRDHUP`; not always imported from C).
    #if os(Linux)
    static let pollRDHUP: Int16 = 0x2000
    #else
    static let pollRDHUP: Int16 = 0
    #endif
    static let pollIn = Int16(POLLIN)
    static let pollHangUp = Int16(POLLHUP) | Int16(POLLERR) | Int16(POLLNVAL) | pollRDHUP

    #if os(Linux)
    static let noSignal = Int32(MSG_NOSIGNAL)
    static let streamType = Int32(SOCK_STREAM.rawValue)
    #else
    static let noSignal: Int32 = 0
    static let streamType = SOCK_STREAM
    #endif

    /// A system call failure with the function name and `strerror`.
    static func error(_ call: String) -> FakeClaudeError {
        FakeClaudeError("\(call): \(String(cString: strerror(errno)))")
    }

    /// Marks `fd` close-on-exec, so processes a test spawns do not keep connections open.
    static func setCloseOnExec(_ fd: Int32) {
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
    }

    static func setNonBlocking(_ fd: Int32) {
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK) }
    }

    static func setOption(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: Int32) {
        var value = value
        _ = setsockopt(fd, level, name, &value, socklen_t(MemoryLayout<Int32>.size))
    }

    /// A listening TCP socket on 127.0.0.1:`port` (0 = ephemeral); returns it and the bound port.
    static func listenLoopback(port: UInt16, backlog: Int32) throws -> (fd: Int32, port: UInt16) {
        let fd = socket(AF_INET, streamType, 0)
        guard fd >= 0 else { throw error("socket") }
        setCloseOnExec(fd)
        setOption(fd, SOL_SOCKET, SO_REUSEADDR, 1)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else { let e = error("bind 127.0.0.1:\(port)"); close(fd); throw e }
        guard listen(fd, backlog) == 0 else { let e = error("listen"); close(fd); throw e }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { let e = error("getsockname"); close(fd); throw e }
        setNonBlocking(fd)
        return (fd, UInt16(bigEndian: address.sin_port))
    }

    /// Raises the soft open-file limit to the hard one: 1,000 streams need 1,000 descriptors
    /// here and as many again in a client living in the same process.
    static func raiseOpenFileLimit() {
        var limit = rlimit()
        #if os(Linux)
        let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
        #else
        let resource = RLIMIT_NOFILE
        #endif
        guard getrlimit(resource, &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
        limit.rlim_cur = limit.rlim_max
        _ = setrlimit(resource, &limit)
    }
}

/// A failure to start the server (bind, listen…), with the system's reason.
package struct FakeClaudeError: Error, CustomStringConvertible, Sendable {
    package let description: String
    package init(_ description: String) { self.description = description }
}
