import TeachBack

/// A year of days, GitHub style: one column per week (Monday on top), one square per day. More
/// turns make a square both darker and larger, so the levels read without colour too.
package struct CalendarHeatMap {
    /// Turns per day index.
    package var turnsByDay: [Int: Int]
    /// The last day shown (today).
    package var lastDay: Int

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    package var weeks = 53

    package init(turnsByDay: [Int: Int], lastDay: Int) {
        self.turnsByDay = turnsByDay
        self.lastDay = lastDay
    }

    static let cell = 12.0, left = 30.0, top = 34.0

    /// The first day shown: the Monday `weeks - 1` weeks before the week of `lastDay`.
    var firstDay: Int { lastDay - Days.weekday(lastDay) - (weeks - 1) * 7 }

    var shownDays: ClosedRange<Int> { firstDay...lastDay }

    /// 0 (none) … 4: quarters of the busiest day shown.
    func level(_ turns: Int, max: Int) -> Int {
        guard turns > 0, max > 0 else { return 0 }
        return min(4, 1 + (turns - 1) * 4 / max)
    }

    package var svg: String {
        let width = Self.left + Double(weeks) * Self.cell + 10
        let height = Self.top + 7 * Self.cell + 30
        var svg = SVG(width: width, height: height)
        let busiest = shownDays.map { turnsByDay[$0] ?? 0 }.max() ?? 0
        svg.text(Self.left, 14, "Activity: turns per day", "ctitle")
        for (row, name) in [(0, "Mon"), (2, "Wed"), (4, "Fri")] {
            svg.text(Self.left - 4, Self.top + Double(row) * Self.cell + 9, name, "tick", anchor: "end")
        }
        var lastMonth = -1
        for day in shownDays {
            let week = (day - firstDay) / 7, row = Days.weekday(day)
            let x = Self.left + Double(week) * Self.cell, y = Self.top + Double(row) * Self.cell
            let civil = Days.civil(day)
            if row == 0, civil.month != lastMonth, civil.day <= 7 {
                svg.text(x, Self.top - 6, Self.monthNames[civil.month - 1], "tick")
                lastMonth = civil.month
            }
            let turns = turnsByDay[day] ?? 0
            let lvl = level(turns, max: busiest)
            let size = lvl == 0 ? 10 : 6 + Double(lvl)
            let inset = (Self.cell - size) / 2
            svg.rect(x + inset, y + inset, size - 1, size - 1, "day l\(lvl)",
                     tooltip: "\(Days.label(day)): \(turns) turn\(turns == 1 ? "" : "s")")
        }
        legend(&svg, y: Self.top + 7 * Self.cell + 12)
        let active = shownDays.filter { (turnsByDay[$0] ?? 0) > 0 }.count
        let desc = "\(active) active days between \(Days.label(firstDay)) and \(Days.label(lastDay)); busiest day \(busiest) turns. "
            + "Larger, darker squares are busier days."
        return svg.render(title: "Activity calendar", desc: desc, className: "calendar")
    }

    private func legend(_ svg: inout SVG, y: Double) {
        svg.text(Self.left, y + 9, "less", "legend")
        for lvl in 0...4 {
            let size = lvl == 0 ? 10 : 6 + Double(lvl)
            let x = Self.left + 34 + Double(lvl) * Self.cell + (Self.cell - size) / 2
            svg.rect(x, y + (Self.cell - size) / 2, size - 1, size - 1, "day l\(lvl)")
        }
        svg.text(Self.left + 34 + 5 * Self.cell + 4, y + 9, "more", "legend")
    }

    /// Active days only, oldest first.
    package var table: DataTable {
        let rows = shownDays.compactMap { day in (turnsByDay[day] ?? 0) > 0 ? [Days.label(day), "\(turnsByDay[day] ?? 0)"] : nil }
        return DataTable(caption: "Activity calendar", columns: ["day", "turns"], rows: rows,
                         note: rows.isEmpty ? "No turns in the year shown." : nil)
    }
}
