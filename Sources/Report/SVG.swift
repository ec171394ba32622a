/// A little SVG writer: every chart is a `<svg>` with a `<title>` and `<desc>` (what screen
/// readers announce), built by appending to one string. Colours come from CSS classes in the
/// page's stylesheet, so one SVG serves the light and the dark scheme.
package struct SVG {
    package private(set) var body = ""
    let width: Double
    let height: Double

    package init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// The finished element; `title` and `desc` are plain text (escaped here).
    package func render(title: String, desc: String, className: String) -> String {
        let id = Escape.anchor(title + desc)
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart \(className)\" viewBox=\"0 0 \(Num.fmt(width)) \(Num.fmt(height))\""
            + " width=\"\(Num.fmt(width))\" height=\"\(Num.fmt(height))\" role=\"img\" aria-labelledby=\"t-\(id) d-\(id)\">"
            + "<title id=\"t-\(id)\">\(Escape.text(title))</title><desc id=\"d-\(id)\">\(Escape.text(desc))</desc>"
            + body + "</svg>"
    }

    package mutating func raw(_ markup: String) { body += markup }

    package mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ cls: String) {
        body += "<line class=\"\(cls)\" x1=\"\(Num.fmt(x1))\" y1=\"\(Num.fmt(y1))\" x2=\"\(Num.fmt(x2))\" y2=\"\(Num.fmt(y2))\"/>"
    }

    package mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, _ cls: String, tooltip: String? = nil) {
        body += "<rect class=\"\(cls)\" x=\"\(Num.fmt(x))\" y=\"\(Num.fmt(y))\" width=\"\(Num.fmt(w))\" height=\"\(Num.fmt(h))\""
        if let tooltip { body += "><title>\(Escape.text(tooltip))</title></rect>" } else { body += "/>" }
    }

    package mutating func circle(_ cx: Double, _ cy: Double, _ r: Double, _ cls: String) {
        body += "<circle class=\"\(cls)\" cx=\"\(Num.fmt(cx))\" cy=\"\(Num.fmt(cy))\" r=\"\(Num.fmt(r))\"/>"
    }

    package mutating func polyline(_ points: [(Double, Double)], _ cls: String) {
        body += "<polyline class=\"\(cls)\" points=\""
        for (i, p) in points.enumerated() {
            if i > 0 { body += " " }
            body += Num.fmt(p.0) + "," + Num.fmt(p.1)
        }
        body += "\"/>"
    }

    package mutating func polygon(_ points: [(Double, Double)], _ cls: String) {
        body += "<polygon class=\"\(cls)\" points=\"" + points.map { Num.fmt($0.0) + "," + Num.fmt($0.1) }.joined(separator: " ") + "\"/>"
    }

    /// Text (escaped); `anchor` is start, middle or end.
    package mutating func text(_ x: Double, _ y: Double, _ content: String, _ cls: String, anchor: String = "start") {
        body += "<text class=\"\(cls)\" x=\"\(Num.fmt(x))\" y=\"\(Num.fmt(y))\" text-anchor=\"\(anchor)\">\(Escape.text(content))</text>"
    }
}
