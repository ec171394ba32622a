import CCurl
import CurlShim
import Foundation

/// One libcurl easy handle and the Swift side of its callbacks. Created on any thread, then
/// touched only by the transfer loop's thread until it finishes.
final class Transfer: @unchecked Sendable {
    let id: Int
    let easy: UnsafeMutableRawPointer
    private var headerList: UnsafeMutablePointer<curl_slist>?
    /// The body file being uploaded, if any.
    private var bodyFD: Int32 = -1
    private let continuation: AsyncThrowingStream<HTTPEvent, any Error>.Continuation
    private var status = 0
    private var headers: [String: String] = [:]
    private var headSent = false
    /// When a byte last arrived (or the transfer started): the loop ends transfers idle longer
    /// than `stallTimeout`. libcurl's own low-speed check averages over several seconds, so a
    /// stall right after the headers would go unnoticed too long.
    private(set) var lastActivity = ContinuousClock.now
    let stallTimeout: Duration

    init?(id: Int, request: HTTPRequest, continuation: AsyncThrowingStream<HTTPEvent, any Error>.Continuation) {
        guard let easy = curl_easy_init() else { return nil }
        self.id = id
        self.easy = easy
        self.continuation = continuation
        stallTimeout = .milliseconds(Int(request.timeouts.stall * 1000))
        configure(request)
    }

    deinit {
        curl_easy_cleanup(easy)
        if let headerList { curl_slist_free_all(headerList) }
        if bodyFD >= 0 { close(bodyFD) }
    }

    private func configure(_ request: HTTPRequest) {
        tb_curl_set_string(easy, CURLOPT_URL, request.url)
        tb_curl_set_long(easy, CURLOPT_NOSIGNAL, 1)
        tb_curl_set_long(easy, CURLOPT_CONNECTTIMEOUT_MS, Int(request.timeouts.connect * 1000))
        tb_curl_set_long(easy, CURLOPT_TIMEOUT_MS, Int(request.timeouts.total * 1000))
        tb_curl_set_long(easy, CURLOPT_TCP_NODELAY, 1)
        tb_curl_set_string(easy, CURLOPT_ACCEPT_ENCODING, "")
        if request.method == "POST", let file = request.bodyFile {
            uploadFile(file)
        } else if request.method == "POST" {
            tb_curl_set_long(easy, CURLOPT_POSTFIELDSIZE, request.body.count)
            if request.body.isEmpty {
                tb_curl_set_string(easy, CURLOPT_COPYPOSTFIELDS, "")
            } else {
                request.body.withUnsafeBufferPointer { buf in
                    _ = tb_curl_set_pointer(easy, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: buf.baseAddress))
                }
            }
        }
        var list: UnsafeMutablePointer<curl_slist>?
        // No "Expect: 100-continue" round trip for large bodies: the API answers at once.
        for (name, value) in request.headers + [("Expect", "")] {
            list = curl_slist_append(list, "\(name): \(value)")
        }
        headerList = list
        tb_curl_set_slist(easy, CURLOPT_HTTPHEADER, list)
        let me = Unmanaged.passUnretained(self).toOpaque()
        tb_curl_set_pointer(easy, CURLOPT_WRITEDATA, me)
        tb_curl_set_pointer(easy, CURLOPT_HEADERDATA, me)
        tb_curl_set_data_fn(easy, CURLOPT_WRITEFUNCTION) { data, size, count, user in
            Transfer.of(user).received(data, size * count)
        }
        tb_curl_set_data_fn(easy, CURLOPT_HEADERFUNCTION) { data, size, count, user in
            Transfer.of(user).header(data, size * count)
        }
    }

    /// POSTs the file's bytes through a read callback; a file that cannot be opened sends an
    /// empty body, which the API refuses with a 400 naming the problem.
    private func uploadFile(_ path: String) {
        bodyFD = open(path, O_RDONLY | O_CLOEXEC)
        var info = stat()
        let size = bodyFD >= 0 && fstat(bodyFD, &info) == 0 ? Int(info.st_size) : 0
        tb_curl_set_long(easy, CURLOPT_POST, 1)
        tb_curl_set_long(easy, CURLOPT_POSTFIELDSIZE, size)
        tb_curl_set_pointer(easy, CURLOPT_READDATA, Unmanaged.passUnretained(self).toOpaque())
        tb_curl_set_data_fn(easy, CURLOPT_READFUNCTION) { data, size, count, user in
            Transfer.of(user).readBody(data, size * count)
        }
    }

    private func readBody(_ data: UnsafeMutablePointer<CChar>?, _ length: Int) -> Int {
        lastActivity = .now
        guard bodyFD >= 0, let data else { return 0 }
        while true {
            let n = read(bodyFD, data, length)
            if n < 0 && errno == EINTR { continue }
            return max(n, 0)
        }
    }

    private static func of(_ user: UnsafeMutableRawPointer?) -> Transfer {
        Unmanaged<Transfer>.fromOpaque(user!).takeUnretainedValue()
    }

    private func header(_ data: UnsafeMutablePointer<CChar>?, _ length: Int) -> Int {
        lastActivity = .now
        guard let data else { return length }
        let line = String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix("HTTP/") {
            // A new status line (after a 100 Continue or a redirect) starts a new head.
            status = Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
            headers = [:]
        } else if let colon = line.firstIndex(of: ":") {
            let name = line[..<colon].lowercased()
            headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return length
    }

    private func received(_ data: UnsafeMutablePointer<CChar>?, _ length: Int) -> Int {
        lastActivity = .now
        sendHeadOnce()
        guard let data, length > 0 else { return length }
        continuation.yield(.body(Array(UnsafeRawBufferPointer(start: data, count: length))))
        return length
    }

    private func sendHeadOnce() {
        guard !headSent else { return }
        headSent = true
        continuation.yield(.head(HTTPResponseHead(status: status, headers: headers)))
    }

    /// The transfer ended: successfully, or with a curl error.
    func finish(_ code: CURLcode) {
        if code == CURLE_OK {
            sendHeadOnce()
            continuation.finish()
        } else {
            continuation.finish(throwing: TransportError(code: code))
        }
    }

    /// The consumer went away: end the stream without an error.
    func cancelled() { continuation.finish() }

    var isStalled: Bool { ContinuousClock.now - lastActivity > stallTimeout }

    /// Ends a transfer the loop found stalled.
    func stalled() {
        continuation.finish(throwing: TransportError(stalledFor: stallTimeout))
    }
}

/// A libcurl failure, before or during a response.
package struct TransportError: Error, Sendable, Equatable {
    package var code: Int
    package var message: String

    init(code: CURLcode) {
        self.code = Int(code.rawValue)
        message = String(cString: curl_easy_strerror(code))
    }

    init(stalledFor timeout: Duration) {
        code = Int(CURLE_OPERATION_TIMEDOUT.rawValue)
        message = "no data for \(timeout.components.seconds) s (the transfer stalled)"
    }

    package var isTimeout: Bool { code == Int(CURLE_OPERATION_TIMEDOUT.rawValue) }
}
