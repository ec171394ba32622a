/// One parsed HTTP/1.1 request.
struct HTTPRequest {
    var method: String
    /// The target without its query string.
    var path: String
    /// "HTTP/1.1" or "HTTP/1.0".
    var version: String
    /// Names lower-cased; repeats joined with ", ".
    var headers: [String: String]
    var body: [UInt8]
    /// The query string after `?`, if any (`limit=20&after_id=…`).
    var query = ""

    /// The query's `name=value` pairs (values not percent-decoded: the fake's ids need none).
    var queryItems: [String: String] {
        var items: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            items[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        return items
    }

    /// Whether the connection may carry another request after this one.
    var keepAlive: Bool {
        let connection = headers["connection"]?.lowercased() ?? ""
        if version == "HTTP/1.0" { return connection.contains("keep-alive") }
        return !connection.contains("close")
    }
}

/// What reading the next request produced.
enum RequestRead {
    case request(HTTPRequest)
    /// The client closed (or stopped mid-request): nothing to answer.
    case closed
    /// A request the server answers with this error status and then closes.
    case malformed(status: Int, message: String)
}

/// Request reading: head up to the blank line, then a `Content-Length` or chunked body.
extension Connection {
    static let headLimit = 64 * 1024
    static let bodyLimit = 64 * 1024 * 1024
    /// A batch create may carry 256 MB of requests, as the real API allows.
    static let batchBodyLimit = 300 * 1024 * 1024

    func readRequest() -> RequestRead {
        var searchFrom = 0
        var headEnd: Int?
        while headEnd == nil {
            headEnd = Self.find([13, 10, 13, 10], in: buffer, from: searchFrom)
            if headEnd != nil { break }
            if buffer.count > Self.headLimit { return .malformed(status: 431, message: "Request header is too large.") }
            searchFrom = max(0, buffer.count - 3)
            guard receiveMore() else { return .closed }
        }
        guard let headEnd, var request = Self.parseHead(buffer[0..<headEnd]) else {
            return .malformed(status: 400, message: "Malformed HTTP request.")
        }
        buffer.removeFirst(headEnd + 4)
        let bodyLimit = request.path.hasSuffix("/v1/messages/batches") ? Self.batchBodyLimit : Self.bodyLimit

        if request.headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            continueIfExpected(request, needed: 1)
            guard let body = readChunkedBody(limit: bodyLimit) else { return .closed }
            guard body.count <= bodyLimit else { return .malformed(status: 413, message: "Request body is too large.") }
            request.body = body
            return .request(request)
        }
        guard let length = Int(request.headers["content-length"] ?? "0"), length >= 0 else {
            return .malformed(status: 400, message: "Invalid Content-Length.")
        }
        guard length <= bodyLimit else {
            return .malformed(status: 413, message: "Request exceeds the maximum allowed number of bytes.")
        }
        continueIfExpected(request, needed: length)
        while buffer.count < length {
            guard receiveMore() else { return .closed }
        }
        request.body = Array(buffer[0..<length])
        buffer.removeFirst(length)
        return .request(request)
    }

    /// `Expect: 100-continue` (curl sends it for large bodies): say go ahead unless the body is here.
    private func continueIfExpected(_ request: HTTPRequest, needed: Int) {
        guard request.headers["expect"]?.lowercased() == "100-continue", buffer.count < needed else { return }
        try? write("HTTP/1.1 100 Continue\r\n\r\n")
    }

    /// Decodes a chunked body (extensions and trailers ignored); nil if the client left.
    private func readChunkedBody(limit: Int) -> [UInt8]? {
        var body: [UInt8] = []
        while true {
            guard let line = readLine() else { return nil }
            let sizeText = line.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
            guard let size = Int(sizeText.trimmingSpaces, radix: 16), size >= 0,
                  body.count + size <= limit + 1 else { return nil }
            if size == 0 {
                while let trailer = readLine(), !trailer.isEmpty {}
                return body
            }
            while buffer.count < size + 2 {
                guard receiveMore() else { return nil }
            }
            body += buffer[0..<size]
            buffer.removeFirst(size + 2)
        }
    }

    /// One CRLF-terminated line (without the CRLF); nil if the client left first.
    private func readLine() -> String? {
        var searchFrom = 0
        while true {
            if let end = Self.find([13, 10], in: buffer, from: searchFrom) {
                let line = String(decoding: buffer[0..<end], as: UTF8.self)
                buffer.removeFirst(end + 2)
                return line
            }
            if buffer.count > Self.headLimit { return nil }
            searchFrom = max(0, buffer.count - 1)
            guard receiveMore() else { return nil }
        }
    }

    private static func parseHead(_ bytes: ArraySlice<UInt8>) -> HTTPRequest? {
        // Split on LF bytes (a String would treat CRLF as one Character), then drop the CR.
        let lines = bytes.split(separator: 10, omittingEmptySubsequences: false).map {
            String(decoding: $0.last == 13 ? $0.dropLast() : $0, as: UTF8.self)
        }
        guard let requestLine = lines.first else { return nil }
        let parts = requestLine.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1.") else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let name = line[..<colon].lowercased()
            let value = String(line[line.index(after: colon)...]).trimmingSpaces
            headers[name] = headers[name].map { $0 + ", " + value } ?? value
        }
        let target = parts[1]
        let pieces = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        return HTTPRequest(method: String(parts[0]), path: pieces.first.map(String.init) ?? "", version: String(parts[2]),
                           headers: headers, body: [], query: pieces.count > 1 ? String(pieces[1]) : "")
    }

    /// Index of the first occurrence of `needle` in `haystack` at or after `from`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = from
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0] && haystack[index..<index + needle.count].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }
}

extension String {
    /// Without leading and trailing spaces and tabs (HTTP's optional white space).
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
              let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        return String(scalars[first...last])
    }
}
