import Foundation

/// Reads a batch create body, `{"requests": [{"custom_id", "params"}, …]}`, one request at a time:
/// a 256 MB body is split into its elements by a byte scan and only one element is parsed at
/// once, so the fake stays light under a benchmark's 100,000 requests.
struct BatchBody {
    struct Request {
        var customID: String
        var model: String
        var inputTokens: Int
    }

    /// The requests, or the 400 message the real API would answer.
    static func parse(_ body: [UInt8]) -> Result<[Request], BatchBodyError> {
        guard let elements = requestElements(body) else { return .failure(BatchBodyError("requests: Field required")) }
        guard !elements.isEmpty else { return .failure(BatchBodyError("requests: at least one request is required")) }
        guard elements.count <= 100_000 else { return .failure(BatchBodyError("requests: at most 100,000 requests")) }
        var seen = Set<String>()
        var requests: [Request] = []
        requests.reserveCapacity(elements.count)
        for (i, range) in elements.enumerated() {
            let data = Data(body[range])
            guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
                  let customID = object["custom_id"] as? String, let params = object["params"] as? [String: Any] else {
                return .failure(BatchBodyError("requests.\(i): custom_id and params are required"))
            }
            guard isValidCustomID(customID) else {
                return .failure(BatchBodyError("requests.\(i).custom_id: String should match pattern '^[a-zA-Z0-9_-]{1,64}$'"))
            }
            guard seen.insert(customID).inserted else {
                return .failure(BatchBodyError("requests.\(i).custom_id: duplicate custom_id '\(customID)'"))
            }
            guard let model = params["model"] as? String, params["max_tokens"] != nil, params["messages"] is [Any] else {
                return .failure(BatchBodyError("requests.\(i).params: model, max_tokens and messages are required"))
            }
            guard params["stream"] == nil else { return .failure(BatchBodyError("requests.\(i).params.stream: not allowed in a batch")) }
            requests.append(Request(customID: customID, model: model, inputTokens: range.count / 4))
        }
        return .success(requests)
    }

    static func isValidCustomID(_ id: String) -> Bool {
        (1...64).contains(id.utf8.count) && id.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x5F || byte == 0x2D
        }
    }

    /// The byte ranges of the elements of the top-level `requests` array, or nil without one.
    static func requestElements(_ b: [UInt8]) -> [Range<Int>]? {
        var depth = 0, inString = false, escaped = false
        var stringStart = 0, lastString = "", afterKey = false
        var arrayDepth: Int?
        var elementStart: Int?
        var elements: [Range<Int>] = []
        var i = 0
        while i < b.count {
            let c = b[i]
            if inString {
                if escaped { escaped = false } else if c == 0x5C { escaped = true } else if c == 0x22 {
                    inString = false
                    if depth == 1 && arrayDepth == nil { lastString = String(decoding: b[stringStart..<i], as: UTF8.self) }
                }
                i += 1
                continue
            }
            switch c {
            case 0x22:
                inString = true
                stringStart = i + 1
                if arrayDepth != nil, depth == 2, elementStart == nil { elementStart = i }
            case 0x3A:
                afterKey = depth == 1 && lastString == "requests"
            case 0x7B, 0x5B:
                if c == 0x5B, afterKey, depth == 1, arrayDepth == nil {
                    arrayDepth = 2
                } else if arrayDepth != nil, depth == 2, elementStart == nil {
                    elementStart = i
                }
                depth += 1
                afterKey = false
            case 0x7D, 0x5D:
                depth -= 1
                if arrayDepth != nil, depth == 1, c == 0x5D {
                    if let start = elementStart { elements.append(start..<i) }
                    return elements
                }
            case 0x2C:
                if arrayDepth != nil, depth == 2, let start = elementStart {
                    elements.append(start..<i)
                    elementStart = nil
                }
            case 0x20, 0x09, 0x0A, 0x0D:
                break
            default:
                if arrayDepth != nil, depth == 2, elementStart == nil { elementStart = i }
            }
            i += 1
        }
        return nil
    }
}

struct BatchBodyError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
