import Foundation

/// How far local time is ahead of UTC at a given moment.
package enum UTCOffset: Sendable {
    /// The process's own zone (`TZ`, else /etc/localtime), read through libc: `TimeZone.current`
    /// would page in ICU's zone and calendar data, about 5 MB of resident memory, for a date.
    case local
    case zone(TimeZone)

    package func seconds(at date: Date) -> Int {
        switch self {
        case .zone(let zone):
            return zone.secondsFromGMT(for: date)
        case .local:
            var time = time_t(date.timeIntervalSince1970.rounded(.down))
            var parts = tm()
            return localtime_r(&time, &parts) == nil ? 0 : Int(parts.tm_gmtoff)
        }
    }
}

/// Local calendar days as integers (days since 1970-01-01), converted to dates by arithmetic
/// (Howard Hinnant's civil-from-days) rather than `Calendar`, which is too slow for 100,000 turns
/// and brings ICU's data into memory.
package enum Days {
    /// The local day of `date`, with the offset at that moment.
    package static func index(_ date: Date, _ offset: UTCOffset = .local) -> Int {
        let local = date.timeIntervalSince1970 + Double(offset.seconds(at: date))
        return Int((local / 86_400).rounded(.down))
    }

    /// `yyyy-MM-dd` of the local day of `date`.
    package static func label(of date: Date, _ offset: UTCOffset = .local) -> String {
        label(index(date, offset))
    }

    /// (year, month 1…12, day 1…31) of a day index.
    package static func civil(_ day: Int) -> (year: Int, month: Int, day: Int) {
        let z = day + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// `yyyy-MM-dd`.
    package static func label(_ day: Int) -> String {
        let c = civil(day)
        return "\(c.year)-\(c.month < 10 ? "0" : "")\(c.month)-\(c.day < 10 ? "0" : "")\(c.day)"
    }

    /// 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday).
    package static func weekday(_ day: Int) -> Int { ((day % 7) + 7 + 3) % 7 }

    /// Consecutive days with activity ending on `today`, or on the day before when today has none yet.
    package static func streak(_ active: Set<Int>, today: Int) -> Int {
        var day = active.contains(today) ? today : today - 1
        var count = 0
        while active.contains(day) {
            count += 1
            day -= 1
        }
        return count
    }
}
