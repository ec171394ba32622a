/// One HTTP request for the transfer loop.
package struct HTTPRequest: Sendable {
    package var url: String
    package var method: String = "POST"
    package var headers: [(String, String)]
    package var body: [UInt8]
    /// A file sent as the body instead of `body`, read as curl uploads it (a batch of 256 MB
    /// never sits in memory).
    package var bodyFile: String?
    package var timeouts: Timeouts

    package init(url: String, method: String = "POST", headers: [(String, String)], body: [UInt8] = [], bodyFile: String? = nil,
                 timeouts: Timeouts) {
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
        self.bodyFile = bodyFile
        self.timeouts = timeouts
    }
}

/// Per-call limits (DESIGN §7): connecting, a stalled transfer (no byte for `stall` seconds) and
/// the whole call.
package struct Timeouts: Sendable, Equatable {
    package var connect: Double = 5
    package var stall: Double = 15
    package var total: Double = 60
    package init(connect: Double = 5, stall: Double = 15, total: Double = 60) {
        self.connect = connect
        self.stall = stall
        self.total = total
    }
}

/// Status and headers (names lower-cased) of a response.
package struct HTTPResponseHead: Sendable, Equatable {
    package var status: Int
    package var headers: [String: String]
}

/// What a transfer delivers, in order: the head once, then body bytes as they arrive.
package enum HTTPEvent: Sendable {
    case head(HTTPResponseHead)
    case body([UInt8])
}
