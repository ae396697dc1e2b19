// Styles of <mailfit-preview>, adopted into its shadow root.
export const css = `
:host {
  --ink: #17211d; --muted: #65706b; --faint: #8f9893; --line: #e3e7e4; --bg: #f4f5f2; --panel: #fff;
  --accent: #1f6f5c; --accent-ink: #175445; --accent-soft: #e5f1ec; --warn: #a6620b; --warn-soft: #fdf3e3;
  --bad: #c2362b; --bad-soft: #fbeae8; --radius: 10px; --gap: 16px;
  display: block; height: 640px; min-height: 480px; color: var(--ink); background: var(--bg);
  font: 13.5px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", sans-serif;
  -webkit-font-smoothing: antialiased; contain: content;
}
* { box-sizing: border-box; }
button, input, select, textarea { font: inherit; color: inherit; }
h2, h3, h4 { margin: 0; font-weight: 600; }
.app { display: flex; flex-direction: column; height: 100%; }

/* Top bar */
.top { display: flex; align-items: center; gap: 20px; padding: 0 20px; height: 52px; background: var(--panel); border-bottom: 1px solid var(--line); flex: none; }
.logo { display: flex; align-items: center; gap: 8px; font-weight: 700; font-size: 15px; letter-spacing: -0.01em; }
.logo i { width: 22px; height: 22px; border-radius: 6px; background: var(--accent); display: inline-grid; place-items: center; color: #fff; font-style: normal; font-size: 13px; }
.logo span { color: var(--muted); font-weight: 500; }
.tabs { display: flex; gap: 2px; height: 100%; }
.tabs button { border: 0; background: none; padding: 0 14px; color: var(--muted); font-weight: 500; cursor: pointer; border-bottom: 2px solid transparent; }
.tabs button:hover { color: var(--ink); }
.tabs button[aria-selected="true"] { color: var(--accent-ink); border-bottom-color: var(--accent); }
.top .campaign { margin-left: auto; color: var(--muted); font-size: 12.5px; text-align: right; line-height: 1.3; }
.top .campaign b { color: var(--ink); font-weight: 600; }
.btn { border: 1px solid var(--line); background: var(--panel); border-radius: 8px; padding: 6px 12px; cursor: pointer; font-weight: 500; white-space: nowrap; }
.btn:hover { border-color: #c9d0cc; background: #fafbfa; }
.btn.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
.btn.primary:hover { background: var(--accent-ink); }
.btn:disabled { opacity: .5; cursor: default; }
.btn.small { padding: 3px 9px; font-size: 12.5px; }

/* Body grid per view */
.body { flex: 1; min-height: 0; display: grid; }
.area { min-height: 0; min-width: 0; overflow: auto; }
.list, .insight, .editor, .overview, .compare { display: none; }
:host([view="preview"]) .body { grid-template-columns: 280px minmax(0, 1fr) 372px; }
:host([view="preview"]) .list, :host([view="preview"]) .insight { display: flex; }
:host([view="editor"]) .body { grid-template-columns: minmax(420px, 1fr) auto; }
:host([view="editor"]) .editor { display: flex; }
:host([view="overview"]) .body, :host([view="compare"]) .body { grid-template-columns: minmax(0, 1fr); }
:host([view="overview"]) .stage, :host([view="compare"]) .stage { display: none; }
:host([view="overview"]) .overview { display: block; }
:host([view="compare"]) .compare { display: block; }

/* Customer list */
.list { flex-direction: column; background: var(--panel); border-right: 1px solid var(--line); overflow: hidden; }
.search { padding: 14px 14px 8px; }
.search input { width: 100%; padding: 8px 10px 8px 32px; border: 1px solid var(--line); border-radius: 8px; background: #fafbfa url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='16' height='16' viewBox='0 0 24 24' fill='none' stroke='%238f9893' stroke-width='2.2' stroke-linecap='round'%3E%3Ccircle cx='11' cy='11' r='7'/%3E%3Cpath d='m20 20-3.5-3.5'/%3E%3C/svg%3E") no-repeat 10px 50%; outline: none; }
.search input:focus { border-color: var(--accent); background-color: #fff; box-shadow: 0 0 0 3px var(--accent-soft); }
.chips { display: flex; flex-wrap: wrap; gap: 6px; padding: 0 14px 10px; border-bottom: 1px solid var(--line); }
.chip { border: 1px solid var(--line); background: #fff; border-radius: 999px; padding: 2px 9px; font-size: 12px; cursor: pointer; color: var(--muted); }
.chip[aria-pressed="true"] { background: var(--accent-soft); border-color: #b9d8cc; color: var(--accent-ink); }
.chip small { color: var(--faint); margin-left: 3px; }
ul.people { list-style: none; margin: 0; padding: 6px; overflow: auto; flex: 1; }
ul.people li { display: flex; gap: 10px; align-items: center; padding: 7px 8px; border-radius: 8px; cursor: pointer; }
ul.people li:hover { background: #f4f6f4; }
ul.people li[aria-selected="true"] { background: var(--accent-soft); }
.avatar { flex: none; width: 32px; height: 32px; border-radius: 50%; display: grid; place-items: center; color: #fff; font-weight: 600; font-size: 13px; }
.who { min-width: 0; flex: 1; line-height: 1.3; }
.who .name { display: flex; justify-content: space-between; gap: 6px; }
.who b { font-weight: 600; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.who .id { color: var(--faint); font-size: 11.5px; font-variant-numeric: tabular-nums; }
.who .meta { display: block; color: var(--muted); font-size: 12px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.list .count { padding: 8px 14px; border-top: 1px solid var(--line); color: var(--faint); font-size: 12px; }
.lc { display: inline-block; padding: 0 7px; border-radius: 999px; font-size: 11.5px; font-weight: 600; line-height: 18px; white-space: nowrap; }
.lc-new { background: #e6effb; color: #2a5ea8; }
.lc-active { background: #e3f3ea; color: #217346; }
.lc-at_risk { background: #fdf0dc; color: #9a5b05; }
.lc-lapsed { background: #fbe7e4; color: #a8322a; }
.lc-browser { background: #eeeaf6; color: #5d4a91; }

/* Stage: toolbar, inbox line, email frame */
.stage { display: flex; flex-direction: column; min-width: 0; overflow: auto; }
.toolbar { position: sticky; top: 0; z-index: 2; display: flex; align-items: center; gap: 12px; flex-wrap: wrap; padding: 10px 20px; background: rgba(244, 245, 242, .94); backdrop-filter: blur(6px); border-bottom: 1px solid var(--line); }
.current { display: flex; align-items: center; gap: 8px; min-width: 0; margin-right: auto; }
.current .avatar { width: 28px; height: 28px; font-size: 12px; }
.current b { white-space: nowrap; }
.current small { color: var(--faint); }
.iconbtn { border: 1px solid var(--line); background: #fff; border-radius: 7px; width: 28px; height: 28px; cursor: pointer; color: var(--muted); line-height: 1; }
.iconbtn:hover { color: var(--ink); }
.seg { display: inline-flex; background: #e8ebe8; border-radius: 8px; padding: 2px; }
.seg button { border: 0; background: none; padding: 4px 11px; border-radius: 6px; cursor: pointer; color: var(--muted); font-size: 12.5px; font-weight: 500; white-space: nowrap; }
.seg button[aria-pressed="true"] { background: #fff; color: var(--ink); box-shadow: 0 1px 2px rgba(0,0,0,.12); }
.canvas { flex: 1; padding: 22px 20px 40px; display: flex; flex-direction: column; align-items: center; gap: 14px; transition: background .2s; }
.canvas.dark { background: #1c1f22; }
.device { width: 720px; max-width: 100%; }
.device.mobile { width: 395px; } /* a 375 px viewport inside the 10 px bezel */
.inbox { display: flex; gap: 12px; align-items: flex-start; padding: 12px 16px; background: #fff; border: 1px solid var(--line); border-radius: var(--radius); box-shadow: 0 1px 2px rgba(16,24,20,.04); }
.inbox .avatar { width: 36px; height: 36px; }
.inbox .lines { min-width: 0; flex: 1; }
.inbox .row1 { display: flex; justify-content: space-between; gap: 8px; }
.inbox .sender { font-weight: 700; }
.inbox time { color: var(--muted); font-size: 12px; white-space: nowrap; }
.inbox .subject { display: block; font-weight: 600; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.inbox .snippet { display: block; color: var(--muted); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.device:not(.mobile) .inbox .subject { flex: 0 1 auto; max-width: 72%; }
.device:not(.mobile) .inbox .snippet { flex: 1 1 0; min-width: 0; }
.device:not(.mobile) .inbox .msg { display: flex; gap: 6px; min-width: 0; }
.device:not(.mobile) .inbox .snippet::before { content: "— "; }
.device.mobile .inbox .snippet { white-space: normal; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; }
.canvas.dark .inbox { background: #26292d; border-color: #363a3f; color: #e8ebee; }
.canvas.dark .inbox .snippet, .canvas.dark .inbox time { color: #a4abb2; }
.frame { background: #fff; border: 1px solid var(--line); border-radius: var(--radius); overflow: hidden; box-shadow: 0 2px 10px rgba(16,24,20,.06); }
.device.mobile .frame { border: 10px solid #1d2024; border-radius: 34px; box-shadow: 0 6px 24px rgba(0,0,0,.18); }
.canvas.dark .frame { background: #111418; border-color: #363a3f; }
.canvas.dark .device.mobile .frame { border-color: #000; }
.frame iframe { display: block; width: 100%; height: 800px; border: 0; background: transparent; }
.frame pre { margin: 0; padding: 24px 28px; white-space: pre-wrap; word-break: break-word; font: 13px/1.6 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--ink); min-height: 300px; }
.canvas.dark .frame pre { color: #e3e7ea; }
.stale { width: 720px; max-width: 100%; padding: 8px 12px; border-radius: 8px; background: var(--bad-soft); color: var(--bad); font-size: 12.5px; }
.renderinfo { color: var(--faint); font-size: 12px; }
.canvas.dark .renderinfo { color: #8b939a; }

/* Insight panel */
.insight { flex-direction: column; gap: 12px; padding: 16px; background: var(--panel); border-left: 1px solid var(--line); overflow: auto; }
.card { border: 1px solid var(--line); border-radius: var(--radius); background: #fff; }
.card > summary, .card > header { display: flex; align-items: center; justify-content: space-between; gap: 8px; padding: 11px 14px; cursor: pointer; list-style: none; font-weight: 600; }
.card > summary::-webkit-details-marker { display: none; }
.card > summary::after { content: ""; width: 7px; height: 7px; border-right: 2px solid var(--faint); border-bottom: 2px solid var(--faint); transform: rotate(-45deg); transition: transform .15s; margin-right: 4px; }
.card[open] > summary::after { transform: rotate(45deg); }
.card .content { padding: 0 14px 14px; display: grid; gap: 12px; }
.kicker { font-size: 11px; letter-spacing: .06em; text-transform: uppercase; color: var(--faint); font-weight: 600; }
.hero { display: grid; gap: 6px; }
.hero .title { font-size: 16px; font-weight: 650; }
.explain { color: var(--muted); font-size: 12.5px; }
.stats { display: grid; grid-template-columns: repeat(3, 1fr); gap: 8px; }
.stat { background: #f7f8f6; border-radius: 8px; padding: 7px 9px; }
.stat b { display: block; font-size: 15px; font-variant-numeric: tabular-nums; }
.stat span { color: var(--muted); font-size: 11.5px; }
.risk { display: grid; gap: 6px; }
.risk .head { display: flex; align-items: baseline; justify-content: space-between; }
.risk .value { font-size: 22px; font-weight: 700; font-variant-numeric: tabular-nums; }
.meter { height: 8px; border-radius: 99px; background: #edf0ed; overflow: hidden; }
.meter i { display: block; height: 100%; border-radius: 99px; background: var(--accent); }
.risk.low .meter i { background: #3c9a68; } .risk.mid .meter i { background: #e0a43a; } .risk.high .meter i { background: #d1603d; }
.risk.low .level { color: #217346; } .risk.mid .level { color: #9a5b05; } .risk.high .level { color: #a8322a; }
.level { font-weight: 600; }
.bars { display: grid; gap: 7px; }
.bar { display: grid; grid-template-columns: minmax(0, 1fr) 44px; gap: 2px 8px; align-items: center; }
.bar .label { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.bar .label small { color: var(--faint); }
.bar .num { text-align: right; color: var(--muted); font-variant-numeric: tabular-nums; font-size: 12.5px; }
.bar .meter { grid-column: 1 / -1; height: 5px; }
.bar.chosen .label { font-weight: 650; color: var(--accent-ink); }
.bar.neg .meter i { background: #d1603d; }
.signals { display: grid; grid-template-columns: 1fr 1fr; gap: 10px 14px; }
ul.reasons { margin: 0; padding: 0 0 0 18px; display: grid; gap: 5px; color: #333d39; }
ul.reasons li::marker { color: var(--accent); }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 6px 12px; margin: 0; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; min-width: 0; }
.pill { display: inline-block; padding: 1px 8px; border-radius: 999px; background: var(--accent-soft); color: var(--accent-ink); font-weight: 600; font-size: 12px; }
.pill.offer { background: var(--warn-soft); color: var(--warn); }
.pill.none { background: #eef0ee; color: var(--muted); }
.notice { padding: 8px 10px; border-radius: 8px; background: var(--warn-soft); color: #7b4a08; font-size: 12.5px; }
.alts { display: grid; gap: 4px; margin: 0; padding: 0; list-style: none; }
.alts li { display: flex; justify-content: space-between; gap: 8px; }
.alts li span:last-child { color: var(--muted); font-variant-numeric: tabular-nums; }

/* Editor */
.editor { flex-direction: column; min-width: 0; border-right: 1px solid var(--line); background: var(--panel); overflow: hidden; }
.files { display: flex; align-items: center; gap: 2px; padding: 8px 12px 0; border-bottom: 1px solid var(--line); overflow-x: auto; flex: none; }
.files button { position: relative; border: 1px solid transparent; border-bottom: 0; background: none; padding: 6px 9px; border-radius: 7px 7px 0 0; cursor: pointer; color: var(--muted); font-size: 12.5px; white-space: nowrap; }
.files button:hover { color: var(--ink); }
.files button[aria-selected="true"] { background: #fff; border-color: var(--line); color: var(--ink); font-weight: 600; margin-bottom: -1px; padding-bottom: 7px; }
.files button.changed::after { content: ""; display: inline-block; width: 6px; height: 6px; margin-left: 6px; border-radius: 50%; background: var(--accent); vertical-align: middle; }
.files button.error::after { content: ""; display: inline-block; width: 6px; height: 6px; margin-left: 6px; border-radius: 50%; background: var(--bad); vertical-align: middle; }
.files .sep { width: 1px; height: 18px; background: var(--line); margin: 0 4px; flex: none; }
.workspace { flex: 1; min-height: 0; display: grid; grid-template-columns: minmax(0, 1fr) 300px; }
.workspace.notree { grid-template-columns: minmax(0, 1fr) 0; }
.code { min-width: 0; min-height: 0; overflow: hidden; display: flex; flex-direction: column; }
.code .cm-host { flex: 1; min-height: 0; }
.code .cm-host > .cm-editor { height: 100%; }
.status { display: flex; align-items: center; gap: 10px; padding: 8px 14px; border-top: 1px solid var(--line); font-size: 12.5px; color: var(--muted); background: #fafbfa; min-height: 38px; }
.status.ok::before { content: "✓"; color: #217346; font-weight: 700; }
.status.error { background: var(--bad-soft); color: var(--bad); }
.status.error::before { content: "✕"; font-weight: 700; }
.status .where { font-weight: 700; cursor: pointer; text-decoration: underline; text-underline-offset: 2px; }
.status .spacer { flex: 1; }
.tree { border-left: 1px solid var(--line); overflow: auto; background: #fbfcfb; font: 12.5px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.workspace.notree .tree { display: none; }
.tree header { position: sticky; top: 0; display: flex; justify-content: space-between; align-items: center; padding: 9px 12px; background: #fbfcfb; border-bottom: 1px solid var(--line); font: 600 12.5px system-ui, sans-serif; }
.tree header small { color: var(--faint); font-weight: 400; }
.tree .nodes { padding: 6px 8px 20px; }
.tree details { margin-left: 12px; }
.tree .nodes > details { margin-left: 0; }
.tree summary { cursor: pointer; list-style: none; white-space: nowrap; }
.tree summary::-webkit-details-marker { display: none; }
.tree summary::before { content: "▸"; display: inline-block; width: 12px; color: var(--faint); transition: transform .1s; }
.tree details[open] > summary::before { transform: rotate(90deg); }
.tree .leaf { margin-left: 24px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; cursor: copy; border-radius: 4px; }
.tree .leaf:hover, .tree summary:hover { background: #eef3f0; }
.tree .k { color: #2a5ea8; }
.tree .t { color: var(--faint); }
.tree .s { color: #217346; } .tree .n { color: #9a5b05; } .tree .b { color: #8a3ea8; } .tree .z { color: var(--faint); }

/* Overview and compare */
.overview, .compare { padding: 20px 24px 40px; overflow: auto; }
.ov-head { display: flex; align-items: flex-end; justify-content: space-between; gap: 16px; margin-bottom: 16px; }
.ov-head h2 { font-size: 18px; }
.ov-head p { margin: 2px 0 0; color: var(--muted); }
.kpis { display: grid; grid-template-columns: repeat(5, minmax(0, 1fr)); gap: 12px; margin-bottom: 16px; }
.kpi { background: #fff; border: 1px solid var(--line); border-radius: var(--radius); padding: 12px 14px; }
.kpi b { display: block; font-size: 22px; font-weight: 700; font-variant-numeric: tabular-nums; }
.kpi span { color: var(--muted); font-size: 12.5px; }
.charts { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 12px; margin-bottom: 16px; }
.chart { background: #fff; border: 1px solid var(--line); border-radius: var(--radius); padding: 12px 14px; }
.chart h3 { font-size: 13.5px; margin-bottom: 2px; }
.chart p { margin: 0 0 8px; color: var(--faint); font-size: 12px; }
.chart .plot { position: relative; height: 250px; }
.tablewrap { background: #fff; border: 1px solid var(--line); border-radius: var(--radius); overflow: hidden; }
.tablebar { display: flex; align-items: center; gap: 10px; padding: 10px 14px; border-bottom: 1px solid var(--line); }
.tablebar input { flex: 0 1 320px; padding: 6px 10px; border: 1px solid var(--line); border-radius: 8px; outline: none; }
.tablebar input:focus { border-color: var(--accent); box-shadow: 0 0 0 3px var(--accent-soft); }
.tablebar .filter { color: var(--muted); }
.tablebar .spacer { flex: 1; }
table.variants { width: 100%; border-collapse: collapse; font-size: 13px; }
table.variants th { position: sticky; top: 0; text-align: left; font-weight: 600; color: var(--muted); background: #fafbfa; padding: 8px 10px; border-bottom: 1px solid var(--line); cursor: pointer; user-select: none; white-space: nowrap; }
table.variants th[aria-sort="ascending"]::after { content: " ↑"; } table.variants th[aria-sort="descending"]::after { content: " ↓"; }
table.variants td { padding: 7px 10px; border-bottom: 1px solid #eff1ef; vertical-align: middle; }
table.variants tbody tr { cursor: pointer; }
table.variants tbody tr:hover { background: #f6f9f7; }
table.variants td.subject { max-width: 360px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
table.variants td.product { max-width: 220px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
table.variants td small { color: var(--faint); }
table.variants input { cursor: pointer; }
.progress { color: var(--muted); padding: 40px; text-align: center; }

/* Results mode: a campaign CLI run (nothing to edit or load) */
:host([results]) .tabs [data-view="editor"], :host([results]) .top .data { display: none; }
:host([results]) .kpis { grid-template-columns: repeat(6, minmax(0, 1fr)); }
.files-links { display: flex; gap: 8px; }
.files-links a { text-decoration: none; color: var(--ink); }
.stagebar { display: flex; gap: 3px; margin-bottom: 16px; border-radius: var(--radius); overflow: hidden; font-size: 12.5px; }
.stagebar span { min-width: 0; padding: 7px 10px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.stagebar b { font-weight: 600; }
.issues { margin-bottom: 16px; }
.issues summary small { font-weight: 400; margin-left: 6px; }
.issues ul { margin: 0; padding: 0 14px 12px 32px; font-size: 12.5px; }
.issues li { margin: 3px 0; }
.issues li small { color: var(--muted); }
.issues code { font-size: 11.5px; background: #f1f3f1; padding: 0 4px; border-radius: 4px; }
.issues li.error code:first-of-type { background: var(--bad-soft); color: var(--bad); }
.sample-note { padding: 10px 14px; margin-bottom: 10px; border-radius: var(--radius); background: var(--accent-soft); color: var(--accent-ink); font-size: 12.5px; }
.cmp-head { display: flex; align-items: center; gap: 12px; margin-bottom: 16px; flex-wrap: wrap; }
.cmp-head select { padding: 6px 10px; border: 1px solid var(--line); border-radius: 8px; background: #fff; min-width: 260px; }
.cmp-grid { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 20px; }
.cmp-col { display: grid; grid-template-columns: minmax(0, 1fr); gap: 12px; align-content: start; }
.cmp-col .device { width: 100%; }
.cmp-col .facts dd.diff { background: #fff7e0; border-radius: 4px; padding: 0 4px; margin-left: -4px; }
.cmp-col .frame iframe { height: 900px; }

/* Data dialog */
dialog { border: 0; border-radius: 14px; padding: 0; width: min(720px, 92vw); box-shadow: 0 20px 60px rgba(0,0,0,.25); color: var(--ink); }
dialog::backdrop { background: rgba(20, 28, 24, .35); }
dialog header { display: flex; justify-content: space-between; align-items: center; padding: 16px 20px; border-bottom: 1px solid var(--line); }
dialog header h2 { font-size: 16px; }
dialog .sections { padding: 8px 20px 20px; display: grid; gap: 16px; max-height: calc(100vh - 140px); overflow: auto; }
dialog section { display: grid; gap: 8px; padding-top: 12px; }
dialog section + section { border-top: 1px solid var(--line); }
dialog h3 { font-size: 13.5px; }
dialog .row { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
dialog input[type="url"], dialog input[type="text"] { flex: 1; min-width: 200px; padding: 6px 10px; border: 1px solid var(--line); border-radius: 8px; }
dialog textarea { width: 100%; min-height: 90px; padding: 8px 10px; border: 1px solid var(--line); border-radius: 8px; font: 12px/1.5 ui-monospace, Menlo, Consolas, monospace; resize: vertical; }
dialog .hint { color: var(--muted); font-size: 12.5px; }
dialog .result { font-size: 12.5px; }
dialog .result.bad { color: var(--bad); background: var(--bad-soft); padding: 7px 10px; border-radius: 8px; }
dialog .result.ok { color: #217346; background: #eaf5ee; padding: 7px 10px; border-radius: 8px; }
dialog input[type=file] { color: var(--muted); font-size: 12.5px; }
dialog input[type=file]::file-selector-button { border: 1px solid var(--line); background: var(--panel); border-radius: 8px; padding: 6px 12px; margin-right: 10px; font: inherit; font-weight: 500; color: var(--ink); cursor: pointer; }
dialog input[type=file]::file-selector-button:hover { border-color: #c9d0cc; background: #fafbfa; }

/* Toast for load errors */
.toast { position: absolute; left: 50%; bottom: 20px; transform: translateX(-50%); background: #22302a; color: #fff; padding: 10px 16px; border-radius: 10px; box-shadow: 0 8px 24px rgba(0,0,0,.2); max-width: 80%; font-size: 13px; }
.toast[hidden] { display: none; }
.loading { display: grid; place-items: center; height: 100%; color: var(--muted); }
`;
