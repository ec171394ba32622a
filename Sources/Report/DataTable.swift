/// The numbers behind a chart, in a `<details>` under it: what a screen reader, a printout or a
/// spreadsheet paste can use when the picture cannot be seen.
package struct DataTable {
    package var caption: String
    package var columns: [String]
    package var rows: [[String]]
    /// Said under the table, e.g. that the rows are the plotted (downsampled) points.
    package var note: String?
    /// Shown unfolded, for tables that are the content rather than a chart's backing.
    package var open: Bool

    package init(caption: String, columns: [String], rows: [[String]], note: String? = nil, open: Bool = false) {
        self.open = open
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.note = note
    }

    /// A closed `<details>` holding the table; every cell escaped.
    package var html: String {
        var out = "<details class=\"data\"\(open ? " open" : "")><summary>\(Escape.text(caption)) (table)</summary><table><thead><tr>"
        for column in columns { out += "<th scope=\"col\">\(Escape.text(column))</th>" }
        out += "</tr></thead><tbody>"
        for row in rows {
            out += "<tr>"
            for (i, cell) in row.enumerated() {
                out += i == 0 ? "<th scope=\"row\">\(Escape.text(cell))</th>" : "<td>\(Escape.text(cell))</td>"
            }
            out += "</tr>"
        }
        out += "</tbody></table>"
        if let note { out += "<p class=\"note\">\(Escape.text(note))</p>" }
        return out + "</details>"
    }
}
