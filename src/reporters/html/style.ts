/** The page's stylesheet: system fonts only, light and dark, printable. */
export const STYLE = `
:root{color-scheme:light dark;--fg:#1d2125;--muted:#5f6b76;--bg:#fff;--card:#f6f8fa;--line:#d0d7de;--red:#c62828;--amber:#b26a00;--green:#2e7d32;--blue:#1565c0}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9aa7b2;--bg:#0d1117;--card:#161b22;--line:#30363d;--red:#ff6b6b;--amber:#e3a008;--green:#56d364;--blue:#79c0ff}}
*{box-sizing:border-box}[hidden]{display:none!important}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:1200px;margin:0 auto;padding:16px 24px 48px}
nav.toc{display:flex;flex-wrap:wrap;gap:4px 14px;font-size:13px;margin:8px 0 16px}nav.toc a{color:var(--blue)}
h1{font-size:22px;margin:16px 0 4px}h2{font-size:19px;border-bottom:1px solid var(--line);padding-bottom:4px;margin-top:32px}h3{font-size:15px;margin:18px 0 6px}
code,pre{font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}code{background:var(--card);padding:0 3px;border-radius:3px;overflow-wrap:break-word}
pre{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:8px 10px;overflow-x:auto;white-space:pre}
.muted,.meta{color:var(--muted);font-size:13px}
.banner{border-radius:8px;padding:14px 18px;border:2px solid var(--line);margin-top:12px}
.banner.ready{border-color:var(--green)}.banner.blocked{border-color:var(--red)}.banner.unverified{border-color:var(--amber)}
.banner .verdict-lines{white-space:pre-wrap;overflow-wrap:anywhere;font-weight:600;font-size:14px;background:transparent;border:0;padding:0;margin:0 0 8px}
.banner.blocked .verdict-lines{color:var(--red)}.banner.ready .verdict-lines{color:var(--green)}.banner.unverified .verdict-lines{color:var(--amber)}
.banner .headline{font-size:17px;font-weight:600;margin:4px 0}.banner .facts{margin:6px 0;padding-left:20px}
.stages{display:flex;flex-wrap:wrap;gap:8px;list-style:none;padding:0}
.stage{border:1px solid var(--line);border-radius:16px;padding:2px 12px;font-size:13px}
.stage.passed,.status.passed{color:var(--green)}.stage.failed,.status.failed{color:var(--red)}.stage.errored,.status.errored{color:var(--amber)}.stage.skipped,.status.skipped{color:var(--muted)}
.stage .stage-id{font-weight:600;color:var(--fg)}
.table-wrap{overflow-x:auto}table{border-collapse:collapse;font-size:13px;margin:6px 0}th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}th{background:var(--card)}
.sev{display:inline-block;border-radius:4px;padding:0 6px;font-size:12px;font-weight:700;text-transform:uppercase;color:#fff}
.sev.critical{background:var(--red)}.sev.moderate{background:var(--amber)}.sev.low{background:var(--blue)}.sev.info{background:var(--muted)}
.filters{display:flex;flex-wrap:wrap;align-items:center;gap:10px 18px;position:sticky;top:0;background:var(--bg);padding:8px 0;border-bottom:1px solid var(--line);z-index:1}
.filters fieldset{border:0;margin:0;padding:0}.filters legend{float:left;margin-right:6px}.filters output{color:var(--muted);font-size:13px}
.finding{background:var(--card);border:1px solid var(--line);border-left:5px solid var(--muted);border-radius:6px;padding:8px 14px;margin:10px 0}
.finding.critical{border-left-color:var(--red)}.finding.moderate{border-left-color:var(--amber)}.finding.low{border-left-color:var(--blue)}
.finding h3{margin:2px 0;font-size:14px}.finding p{margin:4px 0}.finding .where code{font-weight:600}
.tag{font-size:12px;border:1px solid var(--line);border-radius:10px;padding:0 7px;color:var(--muted)}
.graph-wrap{overflow:auto;border:1px solid var(--line);border-radius:6px;margin:8px 0;padding:4px}
.graph-wrap figcaption{font-size:13px;color:var(--muted);padding:4px}
svg.graph{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
svg.graph .node rect{fill:var(--card);stroke:var(--muted);stroke-width:1}svg.graph .node text{fill:var(--fg)}
svg.graph .node.core rect{stroke:var(--fg)}svg.graph .node.entry rect{stroke-width:3.5;stroke:var(--blue)}svg.graph .node.entry text{font-weight:700}
svg.graph .node.cycle rect{stroke:var(--red);stroke-width:2}svg.graph .node.orphan text{fill:var(--muted)}
svg.graph .node.package rect{stroke-dasharray:4 2}svg.graph .node.layer rect{stroke-width:2}
svg.graph .layer-title{fill:var(--muted);font-weight:700;font-family:system-ui,sans-serif}
svg.graph .edge{fill:none;stroke:var(--muted);stroke-width:1;opacity:.75}svg.graph .edge.lazy,svg.graph .edge.type{stroke-dasharray:3 3}
svg.graph .edge.cycle,svg.graph .edge.violation{stroke:var(--red);stroke-width:2;opacity:1}svg.graph .edge.violation{stroke-dasharray:7 4}
svg.graph .arrowhead{fill:var(--muted)}svg.graph .arrowhead.red{fill:var(--red)}
.legend .key{margin-right:10px}.legend .entry{color:var(--blue);font-weight:700}.legend .cycle,.legend .violation{color:var(--red)}
.timeline{list-style:none;padding-left:0;border-left:3px solid var(--line);margin-left:8px}
.timeline li{padding:3px 10px;position:relative}.timeline li::before{content:"";position:absolute;left:-8px;top:10px;width:11px;height:11px;border-radius:50%;background:var(--muted)}
.timeline li.good::before{background:var(--green)}.timeline li.bad::before{background:var(--red)}
.timeline .time{font:12px ui-monospace,monospace;color:var(--muted);display:inline-block;min-width:64px}
.ok{color:var(--green)}.bad{color:var(--red)}
@media print{.filters{display:none!important}.finding{break-inside:avoid}}
`;
