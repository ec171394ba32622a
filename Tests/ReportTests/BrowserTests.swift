import Foundation
import Report
import TeachBack
import Testing

/// The report in a real browser: headless Chromium loads it from disk, and the test checks that
/// it rendered — a screenshot that is not blank, no console messages or errors, every chart with
/// a non-zero bounding box, no request for anything, and a dark scheme that is dark.
/// The report has no script; the checks are injected into a copy of it.
@Suite(.serialized, .enabled(if: Chromium.path != nil, "chromium is not installed (make test-setup installs it): browser test skipped"))
struct BrowserTests {
    /// Runs in the copy before anything else: collects errors (scripts and failed loads), then,
    /// once loaded, every SVG's box, every resource the page fetched, and the background colour.
    static let checks = """
        <script>window.__errors=[];addEventListener('error',e=>__errors.push(String(e.message||(e.target&&(e.target.src||e.target.href))||'error')),true);\
        console.error=(...a)=>__errors.push(a.join(' '));console.warn=(...a)=>__errors.push(a.join(' '));\
        addEventListener('load',()=>{const svgs=[...document.querySelectorAll('svg')].map(s=>{const r=s.getBoundingClientRect();\
        return {cls:s.getAttribute('class'),w:r.width,h:r.height}});document.documentElement.setAttribute('data-probe',JSON.stringify({svgs,\
        errors:__errors,resources:performance.getEntriesByType('resource').map(e=>e.name),title:document.title}))});</script>
        """

    /// A page that draws a PNG (as a data: URL, so the canvas may read it) and counts its pixels.
    static func pixelProbe(_ png: Data) -> String {
        """
        <!DOCTYPE html><html><body><img id="i" src="data:image/png;base64,\(png.base64EncodedString())"><script>
        const img=document.getElementById('i');function run(){const c=document.createElement('canvas');c.width=img.naturalWidth;\
        c.height=img.naturalHeight;const x=c.getContext('2d');x.drawImage(img,0,0);const d=x.getImageData(0,0,c.width,c.height).data;\
        let n=0;const colors=new Set();for(let i=0;i<d.length;i+=4){if(d[i]!=d[0]||d[i+1]!=d[1]||d[i+2]!=d[2])n++;\
        if(colors.size<500)colors.add(d[i]<<16|d[i+1]<<8|d[i+2])}document.documentElement.setAttribute('data-probe',\
        JSON.stringify({width:c.width,height:c.height,changed:n/(c.width*c.height),colors:colors.size,background:[d[0],d[1],d[2]]}))}
        if(img.complete)run();else img.onload=run;</script></body></html>
        """
    }

    static func report() -> String {
        let sessions = [
            Fixtures.session("a1", topic: "recursion", daysAgo: 9, turns: 6, seed: 2),
            Fixtures.session("a2", topic: "recursion", daysAgo: 2, turns: 8, seed: 3),
            Fixtures.session("b1", topic: "<script>alert('x')</script> & тема", daysAgo: 1, turns: 4, concepts: ["no concrete example"], seed: 4),
        ]
        return HTMLReport.render(Fixtures.input(sessions, reviews: [ReviewItem(topic: "recursion", due: Fixtures.now)]))
    }

    @Test func theReportRendersInHeadlessChromium() throws {
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("teachback-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let html = Self.report()
        let page = dir.appendingPathComponent("report.html")
        try html.write(to: page, atomically: true, encoding: .utf8)

        // The report itself, as a user opens it: screenshots in both schemes, console logged to stderr.
        let light = try Chromium.run(["--enable-logging=stderr", "--v=0", "--window-size=1000,1400",
                                      "--screenshot=\(dir.path)/light.png"], url: page, in: dir)
        #expect(light.status == 0, "\(light.stderr.suffix(500))")
        #expect(!light.stderr.contains(":CONSOLE"), "console output: \(light.stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") })")
        _ = try Chromium.run(["--force-dark-mode", "--window-size=1000,1400", "--screenshot=\(dir.path)/dark.png"], url: page, in: dir)

        let pixels = try Chromium.probe(Self.pixelProbe(Data(contentsOf: dir.appendingPathComponent("light.png"))), named: "pixels.html", in: dir)
        #expect(pixels["width"] as? Int == 1000)
        #expect((pixels["changed"] as? Double ?? 0) > 0.05, "the screenshot is (nearly) blank: \(pixels)")
        #expect((pixels["colors"] as? Int ?? 0) > 20, "too few colours for text and charts: \(pixels)")
        #expect(pixels["background"] as? [Int] == [255, 255, 255])
        let dark = try Chromium.probe(Self.pixelProbe(Data(contentsOf: dir.appendingPathComponent("dark.png"))), named: "dark.html", in: dir)
        #expect((dark["background"] as? [Int] ?? [255]).allSatisfy { $0 < 40 }, "the dark scheme's background: \(dark)")

        // A copy with the checks injected first in <head>.
        let probed = html.replacingOccurrences(of: "<head>", with: "<head>" + Self.checks)
        let result = try Chromium.probe(probed, named: "probe.html", in: dir)
        #expect(result["errors"] as? [String] == [])
        #expect(result["resources"] as? [String] == [], "the page asked for something")
        #expect(result["title"] as? String == "teachback report")
        let svgs = result["svgs"] as? [[String: Any]] ?? []
        #expect(svgs.count == html.components(separatedBy: "<svg ").count - 1)
        #expect(svgs.count == 8)  // calendar; line chart and concept map per topic; a gap map per session
        for svg in svgs {
            #expect((svg["w"] as? Double ?? 0) > 100 && (svg["h"] as? Double ?? 0) > 50, "\(svg)")
        }
    }
}
