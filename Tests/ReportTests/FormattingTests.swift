@testable import Report
import TeachBack
import Foundation
import Testing

/// The small pieces every chart relies on: numbers, days, escaping.
@Suite struct FormattingTests {
    @Test func numbersHaveFixedDecimalsWithoutLocale() {
        #expect(Num.fmt(12.5) == "12.5")
        #expect(Num.fmt(3.0) == "3")
        #expect(Num.fmt(-0.25, 2) == "-0.25")
        #expect(Num.fmt(0.04) == "0")
        #expect(Num.fmt(.nan) == "0")
        #expect(Num.score(0.7) == "0.70")
        #expect(Num.score(0.05) == "0.05")
        #expect(Num.score(1.3) == "1.00")
        #expect(Num.duration(ms: 850.4) == "850 ms")
        #expect(Num.duration(ms: 2_400) == "2.4 s")
        #expect(Num.span(seconds: 12_000) == "3 h 20 min")
    }

    @Test func integerTicksAreWholeDistinctAndStartAtOne() {
        #expect(Num.integerTicks(1, 2, count: 8) == [1, 2])
        #expect(Num.integerTicks(1, 7, count: 8) == [1, 2, 3, 4, 5, 6, 7])
        #expect(Num.integerTicks(1, 200, count: 8) == [1, 50, 100, 150, 200])
        #expect(Num.integerTicks(1, 1_000, count: 8) == [1, 200, 400, 600, 800, 1_000])
        #expect(Num.integerTicks(1, 1, count: 8) == [1])
    }

    @Test func daysAreCivilDatesAndWeekdays() {
        #expect(Days.label(0) == "1970-01-01")
        #expect(Days.weekday(0) == 3)  // a Thursday
        #expect(Days.label(of: Date(timeIntervalSince1970: 951_782_400), .zone(.gmt)) == "2000-02-29")
        #expect(Days.label(-1) == "1969-12-31")
        // Local days: 23:30 UTC is already the next day in Berlin.
        let lateEvening = Date(timeIntervalSince1970: 1_796_254_200)  // 2026-12-02 23:30 UTC
        #expect(Days.label(of: lateEvening, .zone(.gmt)) == "2026-12-02")
        #expect(Days.label(of: lateEvening, .zone(TimeZone(identifier: "Europe/Berlin") ?? .gmt)) == "2026-12-03")
        #expect(Days.streak([10, 9, 8, 6], today: 10) == 3)
        #expect(Days.streak([9, 8], today: 10) == 2, "today without practice yet does not break the streak")
        #expect(Days.streak([8], today: 10) == 0)
    }

    @Test func escapingLeavesNoMarkupAndNoForbiddenCharacters() {
        #expect(Escape.text("plain text · 递归") == "plain text · 递归")
        #expect(Escape.text("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(Escape.text("bell\u{7}nul\u{0}\u{FFFE}tab\tok") == "bell\u{FFFD}nul\u{FFFD}\u{FFFD}tab\tok")
        #expect(Escape.anchor("Big O <notation>") == Escape.anchor("Big O <notation>"))
        #expect(Escape.anchor("a b") != Escape.anchor("a-b"))
        #expect(Escape.anchor("\"><script>").allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") })
    }
}
