/// The page's only styles: colours as custom properties with a dark set under
/// `prefers-color-scheme: dark`, chart parts by class, and a print layout (no backgrounds,
/// every `<details>` table shown, no page break inside a chart or a turn).
enum Stylesheet {
    static let css = """
    :root{color-scheme:light dark;--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--panel:#f6f8fa;\
    --c1:#0969da;--c2:#bc4c00;--l1:#9be9a8;--l2:#40c463;--l3:#30a14e;--l4:#216e39;--empty:#ebedf0;\
    --ok:#1a7f37;--warn:#9a6700;--bad:#cf222e;--g1:#ffd8b5;--g2:#fb8f44;--g3:#d1242f;--g4:#82071e}
    @media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--panel:#151b23;\
    --c1:#4493f8;--c2:#f0883e;--l1:#0e4429;--l2:#006d32;--l3:#26a641;--l4:#39d353;--empty:#21262d;\
    --ok:#3fb950;--warn:#d29922;--bad:#f85149;--g1:#5a1e02;--g2:#9b2c0f;--g3:#da3633;--g4:#ff7b72}}
    *{box-sizing:border-box}
    body{margin:0 auto;max-width:980px;padding:1.5rem;background:var(--bg);color:var(--fg);\
    font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif}
    h1{font-size:1.7rem;margin:0 0 .2rem}h2{border-bottom:1px solid var(--line);padding-bottom:.3rem;margin-top:2.5rem}
    h3{margin-top:2rem}h4{margin:1.2rem 0 .4rem}
    a{color:var(--c1)}.muted,.note{color:var(--muted)}.note{font-size:.85rem}
    nav ul{columns:3;padding-left:1.2rem}
    .tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:.6rem;margin:1rem 0}
    .tiles div{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:.5rem .8rem}
    .tiles dt{color:var(--muted);font-size:.8rem}.tiles dd{margin:0;font-size:1.4rem;font-weight:600}
    figure{margin:1rem 0;overflow-x:auto}svg.chart{max-width:100%;height:auto;display:block}
    svg text{fill:var(--fg);font:11px system-ui,sans-serif}svg .ctitle{font-weight:600;font-size:13px}
    svg .cnote,svg .tick{fill:var(--muted)}svg .node-label{font-size:12px}
    svg .grid{stroke:var(--line);stroke-width:.5}svg .axis{stroke:var(--muted)}
    svg .boundary{stroke:var(--muted);stroke-dasharray:2 3}
    svg .series{fill:none;stroke-width:2}svg .s1{stroke:var(--c1)}svg .s2{stroke:var(--c2);stroke-dasharray:6 3}
    svg .dot.s1{fill:var(--c1);stroke:none}svg .dot.s2{fill:var(--bg);stroke-dasharray:none;stroke-width:1.5}
    svg .day,svg .gap{stroke:none}svg .l0{fill:var(--empty)}svg .l1{fill:var(--l1)}svg .l2{fill:var(--l2)}
    svg .l3{fill:var(--l3)}svg .l4{fill:var(--l4)}svg .empty{fill:var(--muted)}
    svg .gap.l1{fill:var(--g1)}svg .gap.l2{fill:var(--g2)}svg .gap.l3{fill:var(--g3)}svg .gap.l4{fill:var(--g4)}
    svg .edge{stroke:var(--muted);opacity:.6}svg .w1{stroke-width:1}svg .w2{stroke-width:2}svg .w3{stroke-width:3}svg .w4{stroke-width:4}
    svg .node{stroke-width:2}svg .covered{fill:var(--ok);stroke:var(--ok)}svg .shaky{fill:var(--bg);stroke:var(--warn)}
    svg .shaky-fill{fill:var(--warn);stroke:none}svg .never{fill:var(--bg);stroke:var(--bad);stroke-dasharray:3 2}
    svg .gap.node{fill:var(--bad);stroke:var(--bad)}svg .jargon{fill:var(--c1);stroke:var(--c1)}
    table{border-collapse:collapse;margin:.5rem 0;font-size:.85rem}th,td{border:1px solid var(--line);padding:.2rem .5rem;text-align:left;vertical-align:top}
    thead th{background:var(--panel)}details.data{margin:.3rem 0 1rem}details summary{cursor:pointer;color:var(--muted)}
    .turn{display:grid;grid-template-columns:3fr 2fr;gap:.8rem;border-top:1px solid var(--line);padding:.6rem 0;break-inside:avoid}
    .turn p{margin:.2rem 0;white-space:pre-wrap;overflow-wrap:anywhere}.turn aside{background:var(--panel);border-radius:6px;padding:.4rem .6rem;font-size:.85rem}
    .turn aside dl{margin:0;display:grid;grid-template-columns:auto 1fr;gap:0 .6rem}.turn aside dt{color:var(--muted)}.turn aside dd{margin:0}
    .who{font-weight:600}
    @media (max-width:640px){.turn{grid-template-columns:1fr}nav ul{columns:1}}
    @media print{body{max-width:none;padding:0;font-size:11pt}details.data::details-content{content-visibility:visible;display:block}\
    figure,table,.turn{break-inside:avoid}nav{display:none}a{color:inherit}}
    """
}
