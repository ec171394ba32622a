import CCurl
import CurlShim
import Foundation
import TeachBack

/// One libcurl multi handle driven by one thread (DESIGN §7). Any thread may start or cancel a
/// transfer: the request is queued and the loop woken with `curl_multi_wakeup`, so libcurl is
/// only ever touched by the loop's thread, however many transfers run at once.
package final class CurlEngine: Sendable {
    private struct Pending {
        var adds: [Transfer] = []
        var cancels: [Int] = []
        var nextID = 0
    }

    /// Used from other threads only for `curl_multi_wakeup`, which libcurl makes thread-safe.
    private nonisolated(unsafe) let multi: UnsafeMutableRawPointer
    private let pending = Protected(Pending())

    private static let globalInit: Void = { curl_global_init(Int(CURL_GLOBAL_ALL)) }()

    /// The engine every client shares unless given its own. Engines live as long as the
    /// process: their loop thread never ends.
    package static let shared = CurlEngine()

    package init() {
        _ = Self.globalInit
        multi = curl_multi_init()
        tb_curl_multi_set_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, 0)
        let thread = Thread { [self] in
            // Named from inside: Foundation passes a name to the kernel only for the running thread.
            Thread.current.name = "teachback-curl"
            loop()
        }
        thread.start()
    }

    /// Starts a transfer; the stream yields its head, then its body; ending the stream early
    /// (the consumer cancelled) removes the transfer, which closes its connection.
    package func start(_ request: HTTPRequest) -> AsyncThrowingStream<HTTPEvent, any Error> {
        AsyncThrowingStream { continuation in
            let id = pending.withLock { state -> Int in
                state.nextID += 1
                return state.nextID
            }
            guard let transfer = Transfer(id: id, request: request, continuation: continuation) else {
                continuation.finish(throwing: TransportError(code: CURLE_OUT_OF_MEMORY))
                return
            }
            continuation.onTermination = { [self] termination in
                if case .cancelled = termination { cancel(id) }
            }
            pending.withLock { $0.adds.append(transfer) }
            curl_multi_wakeup(multi)
        }
    }

    private func cancel(_ id: Int) {
        pending.withLock { $0.cancels.append(id) }
        curl_multi_wakeup(multi)
    }

    private func loop() {
        var active = ActiveTransfers(multi: multi)
        var running: Int32 = 0
        while true {
            let (adds, cancels) = pending.withLock { state in
                defer { state.adds = []; state.cancels = [] }
                return (state.adds, state.cancels)
            }
            for transfer in adds { active.add(transfer) }
            for id in cancels { active.remove(id)?.cancelled() }
            curl_multi_perform(multi, &running)
            var left: Int32 = 0
            while let message = curl_multi_info_read(multi, &left) {
                guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                      let id = active.id(of: easy) else { continue }
                let code = message.pointee.data.result
                active.remove(id)?.finish(code)
            }
            for id in active.stalled { active.remove(id)?.stalled() }
            // Wake often enough to notice a stall promptly while transfers are running.
            curl_multi_poll(multi, nil, 0, active.isEmpty ? 1000 : 100, nil)
        }
    }
}

/// The transfers the loop has added, by id and by easy handle: the loop's own state, on its
/// thread alone.
private struct ActiveTransfers {
    let multi: UnsafeMutableRawPointer
    private var byID: [Int: Transfer] = [:]
    private var byHandle: [UnsafeMutableRawPointer: Int] = [:]

    init(multi: UnsafeMutableRawPointer) { self.multi = multi }

    var isEmpty: Bool { byID.isEmpty }
    var stalled: [Int] { byID.filter { $0.value.isStalled }.map(\.key) }
    func id(of easy: UnsafeMutableRawPointer) -> Int? { byHandle[easy] }

    mutating func add(_ transfer: Transfer) {
        byID[transfer.id] = transfer
        byHandle[transfer.easy] = transfer.id
        curl_multi_add_handle(multi, transfer.easy)
    }

    mutating func remove(_ id: Int) -> Transfer? {
        guard let transfer = byID.removeValue(forKey: id) else { return nil }
        byHandle[transfer.easy] = nil
        curl_multi_remove_handle(multi, transfer.easy)
        return transfer
    }
}
