#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The accept loop: one thread polls the listener and a wake-up pipe (so `stop()` ends it at
/// once) and hands each new socket to a thread of its own.
extension FakeClaudeServer {
    func acceptLoop(listenFD: Int32, wakeFD: Int32) {
        defer {
            close(listenFD)
            close(wakeFD)
            state.withLock { $0.acceptorRunning = false }
        }
        var descriptors = [
            pollfd(fd: listenFD, events: Posix.pollIn, revents: 0),
            pollfd(fd: wakeFD, events: Posix.pollIn, revents: 0),
        ]
        while true {
            let ready = poll(&descriptors, 2, -1)
            if ready < 0 && errno == EINTR { continue }
            if ready < 0 || descriptors[1].revents != 0 || state.withLock({ $0.stopping }) { return }
            acceptPending(listenFD)
        }
    }

    /// Accepts until the (non-blocking) listener has nothing more.
    private func acceptPending(_ listenFD: Int32) {
        while true {
            // accept4(SOCK_CLOEXEC) is not imported into Swift; a fork in between is unlikely.
            let fd = accept(listenFD, nil, nil)
            if fd >= 0 { Posix.setCloseOnExec(fd) }
            if fd < 0 {
                switch errno {
                case EINTR, ECONNABORTED: continue
                // Out of descriptors or memory: back off instead of spinning on a ready listener.
                case EMFILE, ENFILE, ENOBUFS, ENOMEM: usleep(10_000); return
                default: return
                }
            }
            Posix.setOption(fd, Int32(IPPROTO_TCP), TCP_NODELAY, 1)
            #if !os(Linux)
            Posix.setOption(fd, SOL_SOCKET, SO_NOSIGPIPE, 1)  // Linux uses MSG_NOSIGNAL per send
            #endif
            let id: Int? = state.withLock { state in
                guard !state.stopping else { return nil }
                let id = state.nextConnectionID
                state.nextConnectionID += 1
                state.acceptedConnections += 1
                state.connections[id] = fd
                state.liveConnectionThreads += 1
                return id
            }
            guard let id else {
                close(fd)
                return
            }
            NamedThread.start(NamedThread.connectionName) { [self] in
                serveConnection(fd: fd, id: id)
            }
        }
    }
}
