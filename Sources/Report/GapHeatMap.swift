import TeachBack

/// Knowledge gaps × turns of one session: a row per gap (most frequent first), a column per
/// turn. A cell is drawn larger and darker the more of its turns flagged the gap, so presence
/// reads without colour. Long sessions merge consecutive turns into one column, saying so.
package struct GapHeatMap {
    package var title: String
    /// The gaps of each turn, in turn order.
    package var gapsPerTurn: [[String]]
    package var maxRows = 20
    package var maxColumns = 100

    package init(title: String, gapsPerTurn: [[String]]) {
        self.title = title
        self.gapsPerTurn = gapsPerTurn
    }

    /// Gaps by the number of turns that flagged them, most first, ties by first appearance.
    var rows: [(term: String, key: String, count: Int)] {
        var order: [String] = [], spelling: [String: String] = [:], counts: [String: Int] = [:]
        for gaps in gapsPerTurn {
            for key in Set(gaps.map(Terms.normalize)) where !key.isEmpty {
                counts[key, default: 0] += 1
            }
            for gap in gaps {
                let key = Terms.normalize(gap)
                if !key.isEmpty, spelling[key] == nil { spelling[key] = gap; order.append(key) }
            }
        }
        let ranked = order.enumerated().sorted { a, b in
            let (ca, cb) = (counts[a.element] ?? 0, counts[b.element] ?? 0)
            return ca != cb ? ca > cb : a.offset < b.offset
        }
        return ranked.prefix(maxRows).map { (spelling[$0.element] ?? $0.element, $0.element, counts[$0.element] ?? 0) }
    }

    var bucket: Int { gapsPerTurn.count <= maxColumns ? 1 : (gapsPerTurn.count + maxColumns - 1) / maxColumns }

    /// For each row, the share of each column's turns that flagged it.
    func cells(_ rows: [(term: String, key: String, count: Int)]) -> [[Double]] {
        let keysPerTurn = gapsPerTurn.map { Set($0.map(Terms.normalize)) }
        let size = bucket
        return rows.map { row in
            stride(from: 0, to: keysPerTurn.count, by: size).map { start in
                let slice = keysPerTurn[start..<min(keysPerTurn.count, start + size)]
                return Double(slice.filter { $0.contains(row.key) }.count) / Double(slice.count)
            }
        }
    }

    var notes: [String] {
        var out: [String] = []
        if bucket > 1 { out.append("Each column merges \(bucket) consecutive turns (\(gapsPerTurn.count) turns).") }
        let distinct = Set(gapsPerTurn.flatMap { $0.map(Terms.normalize) }.filter { !$0.isEmpty }).count
        if distinct > maxRows { out.append("The \(maxRows) most frequent of \(distinct) gaps.") }
        return out
    }

    static let labelWidth = 190.0, top = 40.0, rowHeight = 16.0

    package var svg: String {
        let rows = rows, grid = cells(rows)
        let columns = grid.first?.count ?? 0
        let cell = min(16, max(5, 500 / Double(max(columns, 1))))
        let width = Self.labelWidth + Double(max(columns, 1)) * cell + 20
        let height = Self.top + Double(max(rows.count, 1)) * Self.rowHeight + 30
        var svg = SVG(width: max(width, 360), height: height)
        svg.text(8, 16, title, "ctitle")
        if let note = notes.first { svg.text(8, 32, note, "cnote") }
        if rows.isEmpty { svg.text(8, Self.top + 12, "No knowledge gaps flagged.", "label") }
        for (r, row) in rows.enumerated() {
            let y = Self.top + Double(r) * Self.rowHeight
            svg.text(Self.labelWidth - 6, y + 11, Self.clip(row.term), "tick", anchor: "end")
            for (c, share) in grid[r].enumerated() {
                let x = Self.labelWidth + Double(c) * cell
                guard share > 0 else {
                    svg.rect(x + cell / 2 - 0.5, y + 7.5, 1, 1, "empty")
                    continue
                }
                let lvl = min(4, 1 + Int(share * 3.999))
                let size = (cell - 2) * (0.55 + 0.45 * share)
                let label = bucket == 1 ? "turn \(c + 1)" : "turns \(c * bucket + 1)–\(min(gapsPerTurn.count, (c + 1) * bucket))"
                svg.rect(x + (cell - size) / 2, y + (Self.rowHeight - size) / 2, size, min(size, Self.rowHeight - 2), "gap l\(lvl)",
                         tooltip: "\(row.term), \(label): \(Int((share * 100).rounded()))%")
            }
        }
        let axisY = Self.top + Double(rows.count) * Self.rowHeight + 14
        for tick in Num.integerTicks(1, max(gapsPerTurn.count, 1), count: 6) {
            let c = (tick - 1) / bucket
            svg.text(Self.labelWidth + (Double(c) + 0.5) * cell, axisY, "\(tick)", "tick", anchor: "middle")
        }
        svg.text(Self.labelWidth + Double(columns) * cell, axisY + 12, "turn", "label", anchor: "end")
        let desc = rows.isEmpty ? "No gaps were flagged in \(gapsPerTurn.count) turns."
            : rows.prefix(5).map { "\($0.term): \($0.count) of \(gapsPerTurn.count) turns" }.joined(separator: "; ") + ". " + notes.joined(separator: " ")
        return svg.render(title: title, desc: desc, className: "gap-map")
    }

    /// Long gap names are cut for the label; the table and tooltips have them whole.
    static func clip(_ s: String) -> String { s.count <= 28 ? s : String(s.prefix(27)) + "…" }

    package var table: DataTable {
        let rows = rows
        return DataTable(caption: title, columns: ["gap", "turns flagged", "of turns"],
                         rows: rows.map { [$0.term, "\($0.count)", "\(gapsPerTurn.count)"] },
                         note: notes.isEmpty ? nil : notes.joined(separator: " "))
    }
}
