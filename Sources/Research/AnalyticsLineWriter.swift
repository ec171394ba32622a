import TeachBack

/// `AnalyticsJSON.line` for a record read by `AnalyticsRecordScan`, appended as bytes to one
/// reusable output buffer: the same keys, order, numbers and escapes, so the two paths give
/// identical lines (the tests run both on the same records).
enum AnalyticsLineWriter {
    static func append(_ scan: AnalyticsRecordScan, record: UnsafeBufferPointer<UInt8>, file: String, line: Int,
                       order: inout [Int], to out: inout [UInt8]) {
        out.append(contentsOf: #"{"id":"#.utf8)
        if let id = scan.id {
            string(UnsafeBufferPointer(rebasing: record[id]), to: &out)
        } else {
            // `file:line`, as `InputRecord.identity` names a record without an id.
            var file = file
            file.withUTF8 { string($0, to: &out) }
            out.removeLast()
            out.append(UInt8(ascii: ":"))
            out.append(contentsOf: String(line).utf8)
            out.append(UInt8(ascii: "\""))
        }
        out.append(contentsOf: #","line":"#.utf8)
        out.append(contentsOf: String(line).utf8)
        out.append(contentsOf: #","learning_curve":"#.utf8)
        numbers(scan.clarity, scan.clarityText, record, to: &out)
        out.append(contentsOf: #","confidence_over_time":"#.utf8)
        numbers(scan.confidence, scan.confidenceText, record, to: &out)
        out.append(contentsOf: #","average_clarity":"#.utf8)
        out.append(contentsOf: AnalyticsJSON.number(SessionAnalytics.roundedMean(scan.clarity)).utf8)
        out.append(contentsOf: #","average_confidence":"#.utf8)
        out.append(contentsOf: AnalyticsJSON.number(SessionAnalytics.roundedMean(scan.confidence)).utf8)
        out.append(contentsOf: #","total_turns":"#.utf8)
        out.append(contentsOf: String(scan.clarity.count).utf8)
        out.append(contentsOf: #","clarity_trend":""#.utf8)
        out.append(contentsOf: SessionAnalytics.trend(scan.clarity).rawValue.utf8)
        out.append(contentsOf: #"","persistent_gaps":["#.utf8)

        // Persistent gaps lead the review topics, then jargon by rank; a key is listed once.
        var review: [(tally: Bool, index: Int)] = []
        scan.gaps.ranked(into: &order)
        var first = true
        for i in order where scan.gaps.entries[i].count >= 2 {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            spelling(scan.gaps.spelling(i), to: &out)
            if review.count < SessionAnalytics.maxReviewTopics { review.append((true, i)) }
        }
        out.append(contentsOf: #"],"suggested_review_topics":["#.utf8)
        scan.jargon.ranked(into: &order)
        for i in order where review.count < SessionAnalytics.maxReviewTopics {
            let key = scan.jargon.key(i)
            let listed = review.contains { ($0.tally ? scan.gaps.key($0.index) : scan.jargon.key($0.index)) == key }
            if !listed { review.append((false, i)) }
        }
        for (n, topic) in review.enumerated() {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            spelling(topic.tally ? scan.gaps.spelling(topic.index) : scan.jargon.spelling(topic.index), to: &out)
        }
        out.append(contentsOf: "]}\n".utf8)
    }

    /// The scores, each copied from the record when its text is already `repr`'s.
    private static func numbers(_ values: [Double], _ texts: [Range<Int>], _ record: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (i, v) in values.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            if texts[i].isEmpty {
                out.append(contentsOf: AnalyticsJSON.number(v).utf8)
            } else {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: record[texts[i]]))
            }
        }
        out.append(UInt8(ascii: "]"))
    }

    private static func spelling(_ bytes: ArraySlice<UInt8>, to out: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { string($0, to: &out) }
    }

    /// Valid UTF-8 in quotes, escaped as `JSONString.escaped` does (quote, backslash, controls).
    private static func string(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        if !bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out.append(contentsOf: bytes)
        } else {
            out.append(contentsOf: JSONString.escaped(String(decoding: bytes, as: UTF8.self)).utf8)
        }
        out.append(UInt8(ascii: "\""))
    }
}
