/**
 * The review page's stylesheet. Traditional Chinese gets a CJK font stack (the `lang="zh-Hant-TW"`
 * parts pick the TC faces); the two panes sit side by side on wide screens, and on a phone the text
 * stays pinned to the top while the records scroll below it.
 */
export const FONT_STACK =
  'system-ui, -apple-system, "Segoe UI", "Noto Sans TC", "Noto Sans CJK TC", "Source Han Sans TC", "PingFang TC", "Hiragino Sans TC", "Microsoft JhengHei", "Heiti TC", "WenQuanYi Micro Hei", sans-serif';

export const REVIEW_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:14px/1.5 ${FONT_STACK};color:#111827;background:#f9fafb}
:lang(zh-Hant-TW){font-family:"Noto Sans TC","Noto Sans CJK TC","Source Han Sans TC","PingFang TC","Hiragino Sans TC","Microsoft JhengHei","Heiti TC",${FONT_STACK}}
a{color:#1d4ed8}
code{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;word-break:break-all}
header.top{padding:10px 16px;background:#fff;border-bottom:1px solid #e5e7eb}
header.top h1{margin:0 0 2px;font-size:18px;line-height:1.4}
.meta,.muted{color:#6b7280}
.meta{margin:0;font-size:13px}
.legend{display:flex;flex-wrap:wrap;gap:4px 10px;margin:6px 0 0;padding:0;list-style:none;font-size:12px}
.legend label{display:inline-flex;align-items:center;gap:4px;cursor:pointer}
.sw{display:inline-block;width:1.1em;height:1.1em;border-radius:3px;border:1px solid #d1d5db}
nav.jump{display:flex;flex-wrap:wrap;gap:4px 12px;font-size:13px;margin-top:4px}
.notice{margin:12px;padding:10px 12px;border:1px solid #f59e0b;background:#fffbeb;border-radius:6px}
main.split{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr)}
.text-pane,.records-pane{min-width:0}
.text-pane{background:#fff;border-right:1px solid #e5e7eb;padding:8px 12px 40vh 0}
.records-pane{padding:0 12px 40vh}
@media (min-width:801px){
  body{height:100vh;display:flex;flex-direction:column}
  main.split{flex:1;min-height:0}
  .text-pane,.records-pane{overflow:auto}
}
@media (max-width:800px){
  main.split{display:block}
  .text-pane{position:sticky;top:0;z-index:2;height:45vh;overflow:auto;border-right:0;border-bottom:2px solid #9ca3af;padding-bottom:8px}
  header.top h1{font-size:16px}
  .recs summary{position:static}
}
@media (max-width:600px){
  .recs table:not(.fields),.recs table:not(.fields) tbody,.recs table:not(.fields) tr,.recs table:not(.fields) td{display:block;width:auto}
  .recs table:not(.fields) thead{display:none}
  .recs table:not(.fields) tr{border-top:1px solid #e5e7eb;padding:4px 0}
  .recs table:not(.fields) td{border:0;padding:2px 10px}
  td.who{min-width:0}
}
.text{font-size:15px;line-height:1.85}
.l{position:relative;padding-left:3.6em;white-space:pre-wrap;overflow-wrap:anywhere;min-height:1.85em}
.l::before{content:attr(data-line);position:absolute;left:0;width:3em;text-align:right;color:#9ca3af;font-size:11px;line-height:2.5;user-select:none}
.pb{margin:10px 0 6px 3.6em;border-top:2px solid #6b7280;color:#374151;font-size:12px;line-height:1.2;padding-top:2px}
.pb.inferred{border-top-style:dashed}
.m{border-radius:2px;cursor:pointer}
[data-top=meeting]{background:#e0e7ff}
[data-top=heading]{background:#e5e7eb;font-weight:600}
[data-top=attendee]{background:#bbf7d0}
[data-top=speaker]{background:#fcd34d;font-weight:600}
[data-top=speech]{background:#fef9c3}
[data-top=ruling]{background:#dbeafe}
[data-top=dataset]{background:#fbcfe8}
[data-top=date]{background:#99f6e4}
[data-top=action]{background:#fed7aa}
.sw.k-meeting{background:#e0e7ff}.sw.k-heading{background:#e5e7eb}.sw.k-attendee{background:#bbf7d0}.sw.k-speaker{background:#fcd34d}
.sw.k-speech{background:#fef9c3}.sw.k-ruling{background:#dbeafe}.sw.k-dataset{background:#fbcfe8}.sw.k-date{background:#99f6e4}
.sw.k-action{background:#fed7aa}.sw.k-diagnostic{background:#fff;border-bottom:2px dashed #dc2626}
.dg{text-decoration:underline wavy #dc2626;text-decoration-skip-ink:none;text-underline-offset:3px}
.no-dg .dg{text-decoration:none}
.m.active{box-shadow:0 0 0 2px #2563eb;background-image:linear-gradient(rgba(37,99,235,.16),rgba(37,99,235,.16))}
.m.flash{animation:flash 1.4s ease-out}
@media (prefers-reduced-motion:reduce){.m.flash{animation:none}}
@keyframes flash{0%{background-color:#fb923c;box-shadow:0 0 0 4px #f97316}100%{}}
.recs h2{display:inline;font-size:16px;margin:0}
.recs summary{cursor:pointer;padding:14px 0 6px;position:sticky;top:0;background:#f9fafb;z-index:1}
.recs h3{font-size:14px;margin:10px 0 4px}
.count{display:inline-block;min-width:1.6em;padding:0 6px;border-radius:9px;background:#e5e7eb;font-size:12px;text-align:center;font-weight:400}
.empty{color:#6b7280;margin:4px 0}
.tw{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;width:100%;background:#fff;border:1px solid #e5e7eb}
th,td{text-align:left;vertical-align:top;padding:5px 8px;border-top:1px solid #e5e7eb}
thead th{background:#f3f4f6;font-size:12px;color:#374151;white-space:nowrap}
table.fields th{width:7.5em;color:#374151;font-weight:600;white-space:nowrap}
td.loc{white-space:nowrap;font-size:12px;width:1%}
.nowrap{white-space:nowrap}
.rec{cursor:pointer}
.rec:hover,.rec.hover{background:#f3f4f6}
.rec.current{background:#eff6ff;outline:2px solid #2563eb;outline-offset:-2px}
.rec:focus-visible{outline:2px solid #1d4ed8;outline-offset:-2px}
.rec.nospan{cursor:default}
.long{max-height:7.6em;overflow:hidden;white-space:pre-wrap;overflow-wrap:anywhere}
.rec.current .long{max-height:none}
ol.items{margin:0;padding-left:1.6em}
td.who{min-width:8.5em}
.raw{color:#4b5563;font-size:12px}
.acting{color:#7c3aed;font-size:12px}
.num{color:#6b7280}
td.lvl-2{padding-left:1.6em}td.lvl-3{padding-left:2.8em}td.lvl-4{padding-left:4em}td.lvl-5{padding-left:5.2em}td.lvl-6{padding-left:6.4em}
.badge{display:inline-block;padding:0 6px;border-radius:4px;font-size:12px;line-height:1.6;white-space:nowrap}
.t-ok{background:#dcfce7;color:#166534}.t-info{background:#dbeafe;color:#1e40af}.t-warn{background:#fee2e2;color:#991b1b}.t-muted{background:#f3f4f6;color:#4b5563}
.tip{position:fixed;z-index:10;max-width:min(360px,90vw);padding:6px 9px;border-radius:6px;background:#111827;color:#f9fafb;font-size:12px;line-height:1.5;pointer-events:none;box-shadow:0 4px 12px rgba(0,0,0,.25)}
.tip b{color:#fcd34d;font-weight:600}
.tip div+div{margin-top:4px;padding-top:4px;border-top:1px solid #374151}
`;

/** The index page's additions. */
export const INDEX_CSS = `
body{height:auto;display:block}
main.index{padding:12px 16px}
th button{all:inherit;cursor:pointer}
th[aria-sort=ascending] button::after{content:" ▲"}
th[aria-sort=descending] button::after{content:" ▼"}
td.n{text-align:right;font-variant-numeric:tabular-nums}
tr.failed td{background:#fef2f2}
.filter{margin:0 0 8px;padding:6px 8px;width:min(100%,24em);font:inherit;border:1px solid #d1d5db;border-radius:6px}
`;
