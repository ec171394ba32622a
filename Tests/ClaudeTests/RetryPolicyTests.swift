@testable import Claude
import Foundation
import Testing

/// An HTTP error as the server would send it, typed per the reference's table.
private func httpError(_ status: Int, headers: [String: String] = [:], now: Date = Date()) -> APIError {
    let type = APIError.documentedTypes[status] ?? "api_error"
    let body = #"{"type":"error","error":{"type":"\#(type)","message":"m"}}"#
    return APIError.from(status: status, headers: headers, body: Array(body.utf8), now: now)
}

private func isClose(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-9 }

private let policy = RetryPolicy()

// MARK: Whether to retry

@Test(arguments: [408, 409, 429, 500, 502, 503, 504, 529])
func retriesRetryableStatuses(status: Int) {
    #expect(policy.shouldRetry(httpError(status)))
}

@Test(arguments: [400, 401, 402, 403, 404, 413, 422])
func neverRetriesClientErrors(status: Int) {
    #expect(!policy.shouldRetry(httpError(status)))
}

@Test func shouldRetryHeaderOverridesTheStatus() {
    #expect(policy.shouldRetry(httpError(400, headers: ["x-should-retry": "true"])))
    #expect(!policy.shouldRetry(httpError(529, headers: ["x-should-retry": "false"])))
    #expect(!policy.shouldRetry(httpError(500, headers: ["x-should-retry": "false"])))
    // Anything but true/false is no verdict.
    #expect(policy.shouldRetry(httpError(529, headers: ["x-should-retry": "maybe"])))
}

@Test func spendLimit429IsNotRetried() {
    let body = #"""
        {"type":"error","error":{"type":"rate_limit_error","message":"spend limit",
         "details":{"error_code":"enforced_spend_limit_reached"}}}
        """#
    let error = APIError.from(status: 429, headers: [:], body: Array(body.utf8))
    #expect(error.isSpendLimit)
    #expect(!policy.shouldRetry(error))
    #expect(policy.shouldRetry(httpError(429)))
}

@Test(arguments: ["connection_error", "timeout", "stream_error"])
func retriesTransportFailures(kind: String) {
    #expect(policy.shouldRetry(APIError(type: kind, message: "")))
}

@Test func doesNotRetryAnInvalidResponse() {
    #expect(!policy.shouldRetry(APIError(type: "invalid_response", message: "")))
}

@Test func streamErrorEventsUseTheirTypesStatus() {
    let overloaded = APIError.fromStreamEvent(
        data: #"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"#, requestID: nil)
    let invalid = APIError.fromStreamEvent(
        data: #"{"type":"error","error":{"type":"invalid_request_error","message":"bad"}}"#, requestID: nil)
    #expect(policy.shouldRetry(overloaded))
    #expect(!policy.shouldRetry(invalid))
}

@Test func streamsAreRetriedOnlyBeforeText() {
    let dropped = APIError(type: "stream_error", message: "ended without message_stop")
    #expect(policy.shouldRetryStream(dropped, textShown: false))
    #expect(!policy.shouldRetryStream(dropped, textShown: true))
    #expect(!policy.shouldRetryStream(httpError(400), textShown: false))
}

@Test func maxRetriesDefaultsToTwoAndIsNeverNegative() {
    #expect(RetryPolicy().maxRetries == 2)
    #expect(RetryPolicy(maxRetries: 5).maxRetries == 5)
    #expect(RetryPolicy(maxRetries: -1).maxRetries == 0)
}

// MARK: How long to wait

@Test func backoffDoublesUpToEightSeconds() {
    let error = httpError(529)
    let expected = [0.5, 1, 2, 4, 8, 8]
    for n in 0...5 {
        #expect(isClose(policy.delay(forRetry: n, error: error, random: 0), expected[n]), "n = \(n)")
        let jittered = expected[n] * (1 - 0.25 * 0.999)
        #expect(isClose(policy.delay(forRetry: n, error: error, random: 0.999), jittered), "n = \(n)")
    }
    #expect(isClose(policy.delay(forRetry: 100, error: error, random: 0), 8))
}

@Test func retryAfterMillisecondsWins() {
    let error = httpError(429, headers: ["retry-after-ms": "1500", "retry-after": "9"])
    #expect(error.retryAfter == 1.5)
    #expect(policy.delay(forRetry: 0, error: error, random: 0.5) == 1.5)
}

@Test func invalidRetryAfterMillisecondsFallsBackToRetryAfter() {
    #expect(httpError(429, headers: ["retry-after-ms": "soon", "retry-after": "9"]).retryAfter == 9)
}

@Test(arguments: [("3", 3.0), ("2.5", 2.5), ("60", 60.0), (" 7 ", 7.0), ("0.25", 0.25)])
func retryAfterSeconds(header: String, seconds: Double) {
    let error = httpError(503, headers: ["retry-after": header])
    #expect(policy.delay(forRetry: 3, error: error, random: 0.5) == seconds)
}

@Test func retryAfterHTTPDateIsRelativeToNow() {
    let now = Date(timeIntervalSince1970: 784_111_767)  // ten seconds before the header's date
    let error = httpError(529, headers: ["retry-after": "Sun, 06 Nov 1994 08:49:37 GMT"], now: now)
    #expect(error.retryAfter == 10)
    #expect(policy.delay(forRetry: 0, error: error, random: 0) == 10)
}

@Test func httpDateParsing() {
    #expect(RetryPolicy.httpDate("Sun, 06 Nov 1994 08:49:37 GMT") == Date(timeIntervalSince1970: 784_111_777))
    #expect(RetryPolicy.httpDate("Thu, 01 Jan 1970 00:00:00 GMT") == Date(timeIntervalSince1970: 0))
    #expect(RetryPolicy.httpDate("Tue, 29 Feb 2028 23:59:59 GMT") == Date(timeIntervalSince1970: 1_835_481_599))
    for bad in ["", "soon", "Sun, 06 Nov 1994 08:49:37 PST", "Sun, 6 Nov 1994 08:49:37 GMT",
                "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 06 Nov 1994 25:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT",
                "Sun, 06 Nov 1994 08:49 GMT", "Sun, +6 Nov 1994 08:49:37 GMT"] {
        #expect(RetryPolicy.httpDate(bad) == nil, "\(bad)")
    }
}

@Test(arguments: [
    ["retry-after": "0"], ["retry-after": "-1"], ["retry-after": "61"], ["retry-after": "120"],
    ["retry-after-ms": "60001"], ["retry-after-ms": "0"], ["retry-after": "soon"], ["retry-after": "nan"],
    ["retry-after": "inf"], ["retry-after": "Sun, 06 Nov 1994 08:49:37 GMT"],
])
func outOfRangeOrGarbageRetryAfterIsIgnored(headers: [String: String]) {
    let error = httpError(529, headers: headers)
    #expect(policy.delay(forRetry: 1, error: error, random: 0) == 1)
}

@Test func noHeadersMeansNoRetryAfter() {
    #expect(RetryPolicy.retryAfter(headers: [:], now: Date()) == nil)
    #expect(RetryPolicy.retryAfter(headers: ["retry-after": "soon"], now: Date()) == nil)
}
