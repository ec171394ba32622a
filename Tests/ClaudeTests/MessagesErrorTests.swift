@testable import Claude
import Testing

private func error(_ status: Int, _ body: String, headers: [String: String] = [:]) -> APIError {
    APIError.from(status: status, headers: headers, body: Array(body.utf8))
}

private func isOneLine(_ text: String) -> Bool {
    !text.unicodeScalars.contains { $0.properties.generalCategory == .control || $0 == "\u{2028}" }
}

@Test func parsesAJSONErrorBody() {
    let body = #"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_body"}"#
    let parsed = error(529, body, headers: ["request-id": "req_123", "retry-after": "3", "x-should-retry": "true"])
    #expect(parsed == APIError(
        status: 529, type: "overloaded_error", message: "Overloaded", requestID: "req_123",
        retryAfter: 3, shouldRetryHeader: true, isSpendLimit: false
    ))
    #expect(parsed.description == "overloaded (529 overloaded_error): Overloaded · request req_123")
}

@Test func requestIDFallsBackToTheBody() {
    let body = #"{"type":"error","error":{"type":"not_found_error","message":"model: x"},"request_id":"req_9"}"#
    #expect(error(404, body).requestID == "req_9")
    #expect(error(404, "{}").requestID == nil)
}

@Test func shouldRetryHeaderIsParsed() {
    #expect(error(500, "", headers: ["x-should-retry": "false"]).shouldRetryHeader == false)
    #expect(error(500, "", headers: ["x-should-retry": "TRUE"]).shouldRetryHeader == true)
    #expect(error(500, "").shouldRetryHeader == nil)
}

@Test func detectsTheSpendLimit() {
    let body = #"{"type":"error","error":{"type":"rate_limit_error","message":"Spend limit","details":{"error_code":"enforced_spend_limit_reached"}}}"#
    let limited = error(429, body)
    #expect(limited.isSpendLimit)
    #expect(limited.description == "spend limit reached (429 rate_limit_error): Spend limit")
    #expect(!error(400, body).isSpendLimit)
    #expect(!error(429, #"{"type":"error","error":{"type":"rate_limit_error","message":"slow down"}}"#).isSpendLimit)
}

@Test func nonJSONBodyKeepsASanitisedExcerpt() {
    let parsed = error(502, "<html>\r\n  <body>Bad\tGateway</body>\n</html>\n", headers: ["request-id": "req_1"])
    #expect(parsed.type == "api_error")
    #expect(parsed.message == "<html> <body>Bad Gateway</body> </html>")
    #expect(parsed.description == "API error (502 api_error): <html> <body>Bad Gateway</body> </html> · request req_1")
}

@Test func jsonWithoutAnErrorObjectIsTreatedAsText() {
    #expect(error(400, #"{"message":"nope"}"#).message == #"{"message":"nope"}"#)
    #expect(error(400, #"{"message":"nope"}"#).type == "invalid_request_error")
}

@Test func errorObjectWithoutMessageHasAnEmptyMessage() {
    let parsed = error(401, #"{"type":"error","error":{"type":"authentication_error"}}"#)
    #expect(parsed.message == "")
    #expect(parsed.description == "authentication failed (401 authentication_error)")
}

@Test func emptyBodyUsesTheStatusType() {
    #expect(error(503, "").description == "API error (503 api_error)")
    #expect(error(401, "").type == "authentication_error")
    #expect(error(418, "I'm a teapot").description == "HTTP error (418 http_error): I'm a teapot")
}

@Test func hugeBodiesAreBounded() {
    let raw = error(500, String(repeating: "a", count: 10_000_000))
    #expect(raw.message.count <= APIError.rawExcerptLimit + 1)
    #expect(raw.message.hasSuffix("…"))

    let longMessage = String(repeating: "word ", count: 100_000)
    let json = error(400, #"{"type":"error","error":{"type":"invalid_request_error","message":"\#(longMessage)"}}"#)
    #expect(json.type == "invalid_request_error")
    #expect(json.message.count <= APIError.messageLimit + 1)
    #expect(json.description.count < 400)
}

@Test func oneLineCountsTheCollapsedSpacesAgainstTheLimit() {
    #expect(APIError.oneLine("abc", limit: 3) == "abc")
    #expect(APIError.oneLine("abcd", limit: 3) == "abc…")
    #expect(APIError.oneLine("word \n\t word word", limit: 9) == "word word…")
    #expect(APIError.oneLine("  \u{0}padded\r\n", limit: 10) == "padded")
}

@Test func garbageBodyNeverBreaksTheLine() {
    var body: [UInt8] = [0xFF, 0xFE, 0x1B]
    body += Array("[31mred\u{0}\u{7}\r\nnext\u{2028}line\u{202E}rev".utf8)
    body += [0xC3]
    let parsed = APIError.from(status: 500, headers: [:], body: body)
    #expect(isOneLine(parsed.description))
    #expect(parsed.message == "\u{FFFD}\u{FFFD}[31mred next linerev\u{FFFD}")
}

@Test func jsonMessageWithNewlinesBecomesOneLine() {
    let parsed = error(400, #"{"type":"error","error":{"type":"invalid_request_error","message":"line one\nline two\u001b[0m"}}"#)
    #expect(parsed.message == "line one line two[0m")
    #expect(isOneLine(parsed.description))
}

@Test func descriptionShowsNoHeaderButTheRequestID() {
    let headers = ["request-id": "req_ok", "set-cookie": "SECRET1", "retry-after": "42", "anthropic-organization-id": "SECRET2"]
    let text = error(529, #"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"#, headers: headers).description
    #expect(text.contains("req_ok"))
    #expect(!text.contains("SECRET"))
    #expect(!text.contains("42"))
}

@Test func parsesAStreamErrorEvent() {
    let data = #"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"#
    let parsed = APIError.fromStreamEvent(data: data, requestID: "req_s")
    #expect(parsed == APIError(type: "overloaded_error", message: "Overloaded", requestID: "req_s"))
    #expect(parsed.description == "overloaded (overloaded_error): Overloaded · request req_s")
}

@Test func garbageStreamErrorEventIsStillAnError() {
    let parsed = APIError.fromStreamEvent(data: "upstream\nfailed", requestID: nil)
    #expect(parsed.status == nil)
    #expect(parsed.type == "api_error")
    #expect(parsed.message == "upstream failed")
}

@Test func transportErrorsDescribeThemselves() {
    #expect(APIError(type: "timeout", message: "no response in 60 s").description == "timed out (timeout): no response in 60 s")
    #expect(APIError(type: "connection_error", message: "").description == "connection failed (connection_error)")
}

@Test func unknownErrorTypesReadAsWords() {
    let parsed = error(403, #"{"type":"error","error":{"type":"quota_exceeded_error","message":"q"}}"#)
    #expect(parsed.description == "quota exceeded (403 quota_exceeded_error): q")
}
