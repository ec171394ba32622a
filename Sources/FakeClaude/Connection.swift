#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The client went away (EOF, reset or hang-up); `at` is when the server noticed.
struct PeerClosed: Error {
    let at: ContinuousClock.Instant
}

/// The server ends the connection on purpose (a fault, or a request it cannot answer).
struct CloseConnection: Error {}

/// Where a response is written: the live socket, or a buffer (to dribble it later).
protocol ResponseSink: AnyObject {
    func write(_ bytes: [UInt8]) throws
    /// Waits `seconds`; a live socket watches for the client leaving meanwhile.
    func pause(_ seconds: Double) throws
}

/// Collects a response in memory, so `slowDrip` can send it a few bytes at a time.
final class BufferSink: ResponseSink {
    private(set) var bytes: [UInt8] = []
    func write(_ bytes: [UInt8]) throws { self.bytes += bytes }
    func pause(_ seconds: Double) throws {}
}

/// One accepted socket, owned by its connection thread: blocking writes, plus reads and
/// waits that poll for the peer's hang-up so a client cancel is seen within milliseconds.
final class Connection: ResponseSink {
    let fd: Int32
    /// Received bytes not consumed yet (the next request, or pipelined data).
    var buffer: [UInt8] = []
    /// Read no further ahead than this while a response is in progress.
    private let readAheadLimit = 1 << 20

    init(fd: Int32) {
        self.fd = fd
    }

    func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes {
                send(fd, $0.baseAddress.map { $0 + offset }, bytes.count - offset, Posix.noSignal)
            }
            if sent > 0 {
                offset += sent
            } else if sent < 0 && errno == EINTR {
                continue
            } else {
                throw PeerClosed(at: .now)
            }
        }
    }

    func write(_ text: String) throws {
        try write(Array(text.utf8))
    }

    /// Waits `seconds` (at least one non-blocking check even for 0), throwing `PeerClosed`
    /// as soon as poll reports a hang-up or the peer's EOF. Early data is buffered.
    func pause(_ seconds: Double) throws {
        let deadline = ContinuousClock.now.advanced(by: .seconds(max(seconds, 0)))
        while true {
            let remaining = ContinuousClock.now.duration(to: deadline)
            let wantRead = buffer.count < readAheadLimit
            let events = try waitForEvents(timeout: remaining, read: wantRead)
            if events & Posix.pollIn != 0, wantRead {
                guard try receive(flags: Int32(MSG_DONTWAIT)) else { throw PeerClosed(at: .now) }
            }
            if events == 0 && ContinuousClock.now >= deadline { return }
        }
    }

    /// Reads more bytes into `buffer`, blocking until some arrive. False at EOF or on error.
    func receiveMore() -> Bool {
        (try? receive(flags: 0)) ?? false
    }

    /// One `recv` into `buffer`. True when bytes arrived (or none were ready yet), false at EOF.
    private func receive(flags: Int32) throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, flags) }
            if count > 0 {
                buffer.append(contentsOf: chunk[0..<count])
                return true
            }
            if count == 0 { return false }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return true
            default: return false
            }
        }
    }

    /// Polls the socket; returns the events seen (0 on timeout) and throws on hang-up.
    private func waitForEvents(timeout: Duration, read: Bool) throws -> Int16 {
        // Rounded up, so a wait never ends early; never negative (poll would block forever).
        let (seconds, attoseconds) = timeout.components
        let rounded = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        let milliseconds = min(max(rounded, 0), Int64(Int32.max))
        var descriptor = pollfd(fd: fd, events: (read ? Posix.pollIn : 0) | Posix.pollRDHUP, revents: 0)
        while true {
            let ready = poll(&descriptor, 1, Int32(milliseconds))
            if ready < 0 && errno == EINTR { continue }
            if ready < 0 { throw PeerClosed(at: .now) }
            if descriptor.revents & Posix.pollHangUp != 0 { throw PeerClosed(at: .now) }
            return ready == 0 ? 0 : descriptor.revents
        }
    }
}
