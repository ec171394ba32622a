/// Writes one HTTP/1.1 response: the head, then a body that is either chunked (streams, so
/// the connection can be kept alive) or as given (the head carried `content-length`).
final class ResponseWriter {
    let sink: ResponseSink
    let chunked: Bool

    init(sink: ResponseSink, chunked: Bool) {
        self.sink = sink
        self.chunked = chunked
    }

    static let reasons: [Int: String] = [
        200: "OK", 400: "Bad Request", 401: "Unauthorized", 402: "Payment Required",
        403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed", 408: "Request Timeout",
        409: "Conflict", 413: "Content Too Large", 429: "Too Many Requests",
        431: "Request Header Fields Too Large", 500: "Internal Server Error",
        502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout", 529: "Overloaded",
    ]

    /// The status line and headers; `transfer-encoding: chunked` is added when chunked.
    static func head(status: Int, headers: [(String, String)], chunked: Bool) -> [UInt8] {
        var text = "HTTP/1.1 \(status) \(reasons[status] ?? "Status \(status)")\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        if chunked { text += "transfer-encoding: chunked\r\n" }
        return Array((text + "\r\n").utf8)
    }

    func writeHead(status: Int, headers: [(String, String)]) throws {
        try sink.write(Self.head(status: status, headers: headers, chunked: chunked))
    }

    /// Body bytes; one chunk when chunked (empty input writes nothing: it would end the body).
    func writeBody(_ bytes: [UInt8]) throws {
        guard chunked else { return try sink.write(bytes) }
        guard !bytes.isEmpty else { return }
        try sink.write(Array((String(bytes.count, radix: 16) + "\r\n").utf8) + bytes + [13, 10])
    }

    /// The final chunk; nothing for an unchunked body.
    func finish() throws {
        if chunked { try sink.write(Array("0\r\n\r\n".utf8)) }
    }
}

/// The common response headers every reply carries.
struct ReplyHeaders {
    let requestID: String
    let keepAlive: Bool

    func make(contentType: String, contentLength: Int?, extra: [String: String] = [:]) -> [(String, String)] {
        var headers: [(String, String)] = [("content-type", contentType)]
        if let contentLength { headers.append(("content-length", String(contentLength))) }
        headers.append(("request-id", requestID))
        headers.append(("connection", keepAlive ? "keep-alive" : "close"))
        // Given headers win over the defaults (a fault may set its own content-type).
        for (name, value) in extra.sorted(by: { $0.key < $1.key }) {
            headers.removeAll { $0.0 == name.lowercased() }
            headers.append((name.lowercased(), value))
        }
        return headers
    }
}
