import Foundation

/// When and how long to wait before retrying a failed call, as the official SDKs do it.
///
/// The caller counts attempts: it retries while `retriesSoFar < maxRetries` and
/// `shouldRetry` agrees, sleeping `delay(forRetry: retriesSoFar, …)` in between.
package struct RetryPolicy: Sendable {
    package var maxRetries: Int = 2

    package init(maxRetries: Int = 2) {
        self.maxRetries = max(0, maxRetries)
    }

    /// Transport failures worth another attempt. "stream_error" is a stream that broke or
    /// ended early; retrying it is only sound before any text was shown (see below).
    private static let retryableTransportKinds: Set<String> = ["connection_error", "timeout", "stream_error"]

    /// Whether the server or the kind of failure says another attempt may succeed.
    package func shouldRetry(_ error: APIError) -> Bool {
        if let verdict = error.shouldRetryHeader { return verdict }
        if error.isSpendLimit { return false }
        // An `error` event inside a stream has no status of its own; use its type's.
        let documented = APIError.documentedTypes.first { $0.value == error.type }?.key
        guard let status = error.status ?? documented else {
            return Self.retryableTransportKinds.contains(error.type)
        }
        return status == 408 || status == 409 || status == 429 || status >= 500
    }

    /// A streamed call that failed: the SDKs never retry once a stream started, but here a
    /// stream that showed no text yet may start over; after text, the caller falls back.
    package func shouldRetryStream(_ error: APIError, textShown: Bool) -> Bool {
        !textShown && shouldRetry(error)
    }

    /// Seconds to wait before retry number `n + 1` (`n` = retries so far, from 0).
    /// The server's wish wins when it is in (0, 60] s; otherwise exponential backoff from
    /// 0.5 s capped at 8 s, shortened by up to 25 % jitter (`random` in 0..<1).
    package func delay(forRetry n: Int, error: APIError, random: Double) -> Double {
        if let requested = error.retryAfter, requested > 0, requested <= 60 {
            return requested
        }
        let backoff = min(0.5 * Double(1 << min(max(n, 0), 5)), 8)
        return backoff * (1 - 0.25 * min(max(random, 0), 1))
    }

    // MARK: Headers

    /// The wait the server asked for, in seconds, unfiltered: `retry-after-ms`, else
    /// `retry-after` as seconds (fractions allowed) or an RFC 1123 date relative to `now`.
    /// `headers` must have lower-cased names.
    package static func retryAfter(headers: [String: String], now: Date) -> Double? {
        if let milliseconds = headers["retry-after-ms"].flatMap(finiteNumber) {
            return milliseconds / 1000
        }
        guard let value = headers["retry-after"] else { return nil }
        if let seconds = finiteNumber(value) { return seconds }
        return httpDate(value).map { $0.timeIntervalSince(now) }
    }

    private static func finiteNumber(_ text: String) -> Double? {
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else { return nil }
        return value
    }

    /// Parses an IMF-fixdate such as "Sun, 06 Nov 1994 08:49:37 GMT".
    static func httpDate(_ text: String) -> Date? {
        let parts = text.split(separator: " ")
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        guard parts.count == 6, parts[0].count == 4, parts[0].hasSuffix(","), parts[5] == "GMT",
              let day = digits(parts[1], count: 2), (1...31).contains(day),
              let monthIndex = months.firstIndex(of: String(parts[2])),
              let year = digits(parts[3], count: 4)
        else { return nil }
        let clock = parts[4].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 3,
              let hour = digits(clock[0], count: 2), hour < 24,
              let minute = digits(clock[1], count: 2), minute < 60,
              let second = digits(clock[2], count: 2), second <= 60
        else { return nil }
        let days = daysSinceEpoch(year: year, month: monthIndex + 1, day: day)
        let seconds = ((days * 24 + hour) * 60 + minute) * 60 + second
        return Date(timeIntervalSince1970: Double(seconds))
    }

    private static func digits(_ text: Substring, count: Int) -> Int? {
        guard text.utf8.count == count, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(text)
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil).
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
