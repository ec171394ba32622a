import Foundation

/// The original service's knowledge graph: concepts as nodes on a circle (in the order given,
/// so the same data always gives the same picture), edges between concepts explained in the
/// same turn, thicker the more often. Each status has its own shape and a word in the legend,
/// so nothing depends on colour alone.
package struct ConceptMap {
    package enum Status: String, CaseIterable, Sendable {
        case covered, shaky
        case never = "never covered"
        case gap = "recurring gap"
        case jargon = "recurring jargon"
    }

    package struct Node: Equatable, Sendable {
        package var name: String
        package var status: Status
        /// Turns that explained it (pack concepts) or flagged it (gaps and jargon).
        package var turns: Int
        package init(name: String, status: Status, turns: Int) {
            self.name = name
            self.status = status
            self.turns = turns
        }
    }

    package struct Edge: Equatable, Sendable {
        package var from: Int, to: Int, turns: Int
        package init(from: Int, to: Int, turns: Int) {
            self.from = from
            self.to = to
            self.turns = turns
        }
    }

    package var title: String
    package var nodes: [Node]
    package var edges: [Edge]
    /// What the statuses mean for this map, said in the description and under the table.
    package var explanation: String
    package var maxEdges = 60

    package init(title: String, nodes: [Node], edges: [Edge], explanation: String) {
        self.title = title
        self.nodes = nodes
        self.edges = edges
        self.explanation = explanation
    }

    static let width = 720.0, height = 420.0
    static let center = (x: 360.0, y: 215.0)

    /// Node positions: evenly on a circle, the first at the top, clockwise.
    var positions: [(x: Double, y: Double)] {
        let radius = nodes.count <= 2 ? 90.0 : 140.0
        return nodes.indices.map { i in
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(i) / Double(max(nodes.count, 1))
            return (Self.center.x + radius * cos(angle), Self.center.y + radius * sin(angle))
        }
    }

    /// The strongest edges, strongest first (ties by node order).
    var drawnEdges: [Edge] {
        Array(edges.sorted { ($1.turns, $0.from, $0.to) < ($0.turns, $1.from, $1.to) }.prefix(maxEdges))
    }

    package var svg: String {
        var svg = SVG(width: Self.width, height: Self.height)
        svg.text(8, 18, title, "ctitle")
        let at = positions
        let strongest = Double(edges.map(\.turns).max() ?? 1)
        for edge in drawnEdges {
            let (a, b) = (at[edge.from], at[edge.to])
            let cls = "edge w\(1 + Int(3 * Double(edge.turns) / strongest))"
            svg.raw("<line class=\"\(cls)\" x1=\"\(Num.fmt(a.x))\" y1=\"\(Num.fmt(a.y))\" x2=\"\(Num.fmt(b.x))\" y2=\"\(Num.fmt(b.y))\">"
                    + "<title>\(Escape.text("\(nodes[edge.from].name) + \(nodes[edge.to].name): \(edge.turns) turns"))</title></line>")
        }
        for (i, node) in nodes.enumerated() {
            shape(&svg, node.status, at[i].x, at[i].y)
            let dx = at[i].x - Self.center.x, dy = at[i].y - Self.center.y
            let anchor = abs(dx) < 20 ? "middle" : (dx > 0 ? "start" : "end")
            let lx = at[i].x + (anchor == "middle" ? 0 : (dx > 0 ? 14 : -14))
            let ly = at[i].y + (anchor == "middle" ? (dy < 0 ? -16 : 24) : 4)
            svg.text(lx, ly, GapHeatMap.clip(node.name), "node-label", anchor: anchor)
        }
        legend(&svg)
        if nodes.isEmpty { svg.text(Self.center.x, Self.center.y, "Nothing to map yet.", "label", anchor: "middle") }
        let counts = Status.allCases.compactMap { status -> String? in
            let n = nodes.filter { $0.status == status }.count
            return n == 0 ? nil : "\(n) \(status.rawValue)"
        }
        let desc = "\(nodes.count) nodes (\(counts.joined(separator: ", "))), \(edges.count) links. " + explanation
        return svg.render(title: title, desc: desc, className: "concept-map")
    }

    /// Covered: filled circle; shaky: half-filled diamond; never covered: hollow dashed square;
    /// recurring gap: filled square; recurring jargon: triangle.
    func shape(_ svg: inout SVG, _ status: Status, _ x: Double, _ y: Double) {
        switch status {
        case .covered: svg.circle(x, y, 9, "node covered")
        case .shaky:
            svg.polygon([(x, y - 10), (x + 10, y), (x, y + 10), (x - 10, y)], "node shaky")
            svg.polygon([(x, y - 10), (x, y + 10), (x - 10, y)], "node shaky-fill")
        case .never: svg.rect(x - 8, y - 8, 16, 16, "node never")
        case .gap: svg.rect(x - 8, y - 8, 16, 16, "node gap")
        case .jargon: svg.polygon([(x, y - 10), (x + 10, y + 8), (x - 10, y + 8)], "node jargon")
        }
    }

    private func legend(_ svg: inout SVG) {
        let used = Status.allCases.filter { status in nodes.contains { $0.status == status } }
        var x = 16.0
        for status in used {
            shape(&svg, status, x + 8, Self.height - 18)
            svg.text(x + 22, Self.height - 14, status.rawValue, "legend")
            x += 40 + Double(status.rawValue.count) * 7
        }
    }

    package var table: DataTable {
        let rows = nodes.enumerated().map { i, node in
            let linked = edges.filter { $0.from == i || $0.to == i }
                .map { (other: $0.from == i ? $0.to : $0.from, turns: $0.turns) }
                .sorted { ($1.turns, $0.other) < ($0.turns, $1.other) }
            return [node.name, node.status.rawValue, "\(node.turns)",
                    linked.prefix(5).map { "\(nodes[$0.other].name) (\($0.turns))" }.joined(separator: ", ")]
        }
        let cut = edges.count > maxEdges ? " The map draws the \(maxEdges) strongest of \(edges.count) links." : ""
        return DataTable(caption: title, columns: ["node", "status", "turns", "explained with (turns)"], rows: rows,
                         note: explanation + cut)
    }
}
