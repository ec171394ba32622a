import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A minimal blocking HTTP/1.1 client on a plain socket, so tests control exactly when
/// bytes are read and when the connection closes (URLSession hides both, and caps
/// connections per host).
final class RawHTTPClient {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    struct Head {
        var status: Int
        var headers: [String: String]
    }

    let fd: Int32
    private var buffer: [UInt8] = []
    private var closed = false

    init(port: UInt16, receiveTimeout: Double = 10) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            let error = errno
            close()   // through close(): deinit still runs after a throwing init, and must not close it twice
            throw Failure(description: "connect failed: errno \(error)")
        }
        var timeout = timeval(tv_sec: Int(receiveTimeout), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close() }

    func close() {
        guard !closed else { return }
        closed = true
        Glibc.close(fd)
    }

    func send(_ text: String) throws {
        try send(Array(text.utf8))
    }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            if sent < 0, errno == EINTR || errno == EAGAIN { continue }   // interrupted or momentarily full: try again
            guard sent > 0 else { throw Failure(description: "send failed (errno \(errno))") }
            offset += sent
        }
    }

    /// Sends a request with a Content-Length body.
    func sendRequest(method: String = "POST", path: String = "/v1/messages", body: String = "",
                     headers: [String: String] = [:]) throws {
        var text = "\(method) \(path) HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n"
        text += "x-api-key: test-key\r\nanthropic-version: 2023-06-01\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        text += "content-length: \(body.utf8.count)\r\n\r\n" + body
        try send(text)
    }

    /// Reads more bytes; false at EOF. Throws on timeout.
    @discardableResult
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count > 0 { buffer += chunk[0..<count]; return true }
        if count == 0 { return false }
        throw Failure(description: "recv failed: errno \(errno)")
    }

    private func index(of needle: [UInt8]) -> Int? {
        guard buffer.count >= needle.count else { return nil }
        for i in 0...(buffer.count - needle.count) where buffer[i] == needle[0] {
            if Array(buffer[i..<(i + needle.count)]) == needle { return i }
        }
        return nil
    }

    func readHead() throws -> Head {
        while true {
            if let end = index(of: [13, 10, 13, 10]) {
                let text = String(decoding: buffer[0..<end], as: UTF8.self)
                buffer.removeFirst(end + 4)
                let lines = text.components(separatedBy: "\r\n")
                let status = Int(lines[0].split(separator: " ")[1]) ?? 0
                var headers: [String: String] = [:]
                for line in lines.dropFirst() {
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
                return Head(status: status, headers: headers)
            }
            guard try fill() else { throw Failure(description: "EOF before response head") }
        }
    }

    /// One chunk of a chunked body: its bytes, [] for the final chunk, nil if the connection
    /// ended first.
    func readChunk() throws -> [UInt8]? {
        while index(of: [13, 10]) == nil {
            guard try fill() else { return nil }
        }
        guard let lineEnd = index(of: [13, 10]),
              let size = Int(String(decoding: buffer[0..<lineEnd], as: UTF8.self), radix: 16) else {
            throw Failure(description: "bad chunk size line")
        }
        buffer.removeFirst(lineEnd + 2)
        while buffer.count < size + 2 {
            guard try fill() else { return nil }
        }
        let chunk = Array(buffer[0..<size])
        buffer.removeFirst(size + 2)
        if size == 0 { return [] }
        return chunk
    }

    /// The whole body per `head`; `complete` is false when the connection ended early.
    func readBody(_ head: Head) throws -> (bytes: [UInt8], complete: Bool) {
        if head.headers["transfer-encoding"]?.contains("chunked") == true {
            var body: [UInt8] = []
            while true {
                guard let chunk = try readChunk() else { return (body, false) }
                if chunk.isEmpty { return (body, true) }
                body += chunk
            }
        }
        if let length = head.headers["content-length"].flatMap(Int.init) {
            while buffer.count < length {
                guard try fill() else { return (buffer, false) }
            }
            let body = Array(buffer[0..<length])
            buffer.removeFirst(length)
            return (body, true)
        }
        while try fill() {}
        return (buffer, true)
    }

    /// Sends a request and reads the full response.
    func exchange(method: String = "POST", path: String = "/v1/messages", body: String,
                  headers: [String: String] = [:]) throws -> (head: Head, body: [UInt8], complete: Bool) {
        try sendRequest(method: method, path: path, body: body, headers: headers)
        let head = try readHead()
        let (bytes, complete) = try readBody(head)
        return (head, bytes, complete)
    }
}

/// A server-sent event as the tests see it.
struct TestEvent: Equatable {
    var name: String
    var data: String
}

/// Splits an SSE body written as the server writes it (`event:`/`data:`/blank line, LF ends).
func parseEvents(_ bytes: [UInt8]) -> [TestEvent] {
    String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n\n").compactMap { block in
        var name = "", data = ""
        for line in block.split(separator: "\n") {
            if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
            if line.hasPrefix("data: ") { data = String(line.dropFirst(6)) }
        }
        return name.isEmpty && data.isEmpty ? nil : TestEvent(name: name, data: data)
    }
}

func jsonObject(_ text: String) -> [String: Any]? {
    try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
}

func jsonObject(_ bytes: [UInt8]) -> [String: Any]? {
    try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
}

/// A Messages request body as teachback sends it.
func messagesBody(stream: Bool, text: String = "Recursion is when a function calls itself.",
                  temperature: Double? = nil) -> String {
    var body = #"{"model":"claude-test","max_tokens":300,"system":"You are a student.","#
    if let temperature { body += #""temperature":\#(temperature),"# }
    if stream { body += #""stream":true,"# }
    return body + #""messages":[{"role":"user","content":"\#(text)"}]}"#
}
