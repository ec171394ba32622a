/// Scores over turns: one line per series on a 0…1 axis, vertical rules where a new session
/// starts, a legend that tells the series apart by dash pattern as well as colour. A series
/// longer than `maxPoints` is downsampled to bucket means and the chart says so.
package struct LineChart {
    package struct Series {
        package var name: String
        /// A CSS class: `s1` (solid) or `s2` (dashed), coloured by the stylesheet.
        package var style: String
        package var values: [Double]
        package init(name: String, style: String, values: [Double]) {
            self.name = name
            self.style = style
            self.values = values
        }
    }

    package var title: String
    package var series: [Series]
    /// Indexes (0-based, into the values) where a new session starts, after the first.
    package var boundaries: [Int]
    package var maxPoints = 200
    /// More sessions than this and the boundaries would be a grey wall: they are left out, saying so.
    package var maxBoundaries = 60

    package init(title: String, series: [Series], boundaries: [Int] = []) {
        self.title = title
        self.series = series
        self.boundaries = boundaries
    }

    static let width = 720.0, height = 280.0
    static let left = 48.0, right = 16.0, top = 40.0, bottom = 44.0

    var count: Int { series.map(\.values.count).max() ?? 0 }
    /// Turns per plotted point (1 when nothing is downsampled).
    var bucket: Int { count <= maxPoints ? 1 : (count + maxPoints - 1) / maxPoints }

    /// The plotted points of `values`: bucket means, each at its bucket's first turn index.
    func plotted(_ values: [Double]) -> [(index: Int, value: Double)] {
        let size = bucket
        return stride(from: 0, to: values.count, by: size).map { start in
            let slice = values[start..<min(values.count, start + size)]
            return (start, slice.reduce(0, +) / Double(slice.count))
        }
    }

    /// Said in the chart and under its table when points were merged or boundaries left out.
    var notes: [String] {
        var out: [String] = []
        if bucket > 1 { out.append("Downsampled: each point is the mean of \(bucket) consecutive turns (\(count) turns).") }
        if boundaries.count > maxBoundaries { out.append("Session boundaries not drawn: \(boundaries.count + 1) sessions.") }
        return out
    }

    package var svg: String {
        let w = Self.width, h = Self.height
        let plotW = w - Self.left - Self.right, plotH = h - Self.top - Self.bottom
        let n = max(count, 1)
        func x(_ i: Int) -> Double { Self.left + (n == 1 ? plotW / 2 : Double(i) / Double(n - 1) * plotW) }
        func y(_ v: Double) -> Double { Self.top + (1 - min(1, max(0, v))) * plotH }
        var svg = SVG(width: w, height: h)
        svg.text(Self.left, 18, title, "ctitle")
        if let note = notes.first { svg.text(w - Self.right, 18, note, "cnote", anchor: "end") }
        for tick in [0.0, 0.25, 0.5, 0.75, 1.0] {
            svg.line(Self.left, y(tick), w - Self.right, y(tick), "grid")
            svg.text(Self.left - 6, y(tick) + 4, Num.fmt(tick, 2), "tick", anchor: "end")
        }
        for tick in Num.integerTicks(1, n, count: 8) {
            svg.line(x(tick - 1), Self.top + plotH, x(tick - 1), Self.top + plotH + 4, "axis")
            svg.text(x(tick - 1), Self.top + plotH + 16, "\(tick)", "tick", anchor: "middle")
        }
        svg.text(Self.left + plotW / 2, h - 8, "turn", "label", anchor: "middle")
        svg.raw("<text class=\"label\" transform=\"rotate(-90)\" x=\"\(Num.fmt(-(Self.top + plotH / 2)))\" y=\"12\" text-anchor=\"middle\">score (0–1)</text>")
        if boundaries.count <= maxBoundaries {
            for b in boundaries { svg.line(x(b) - 0.5, Self.top, x(b) - 0.5, Self.top + plotH, "boundary") }
        }
        svg.line(Self.left, Self.top, Self.left, Self.top + plotH, "axis")
        svg.line(Self.left, Self.top + plotH, w - Self.right, Self.top + plotH, "axis")
        for s in series {
            let points = plotted(s.values)
            svg.polyline(points.map { (x($0.index), y($0.value)) }, "series \(s.style)")
            if points.count <= 60 { for p in points { svg.circle(x(p.index), y(p.value), 2.5, "dot \(s.style)") } }
        }
        legend(&svg, y: 30)
        let desc = series.map { "\($0.name): \($0.values.count) turns, mean \(Num.score(mean($0.values)))" }.joined(separator: "; ")
            + ". Dotted vertical lines mark the start of each session. " + notes.joined(separator: " ")
        return svg.render(title: title, desc: desc, className: "line-chart")
    }

    private func legend(_ svg: inout SVG, y: Double) {
        var x = Self.left
        for s in series {
            svg.line(x, y, x + 24, y, "series \(s.style)")
            svg.text(x + 30, y + 4, s.name, "legend")
            x += 40 + Double(s.name.count) * 7
        }
        if !boundaries.isEmpty, boundaries.count <= maxBoundaries {
            svg.line(x, y - 6, x, y + 6, "boundary")
            svg.text(x + 6, y + 4, "new session", "legend")
        }
    }

    private func mean(_ v: [Double]) -> Double { v.isEmpty ? 0 : v.reduce(0, +) / Double(v.count) }

    /// The plotted points, one row each.
    package var table: DataTable {
        let columns = series.map { plotted($0.values) }
        let rows = (0..<(columns.first?.count ?? 0)).map { row -> [String] in
            let start = columns[0][row].index
            let label = bucket == 1 ? "\(start + 1)" : "\(start + 1)–\(min(count, start + bucket))"
            return [label] + columns.map { row < $0.count ? Num.score($0[row].value) : "" }
        }
        return DataTable(caption: title, columns: ["turn"] + series.map(\.name), rows: rows, note: notes.isEmpty ? nil : notes.joined(separator: " "))
    }
}
