/**
 * The report's style sheet, inline so the file shows the same with no network: the system's own
 * fonts, one readable column, calm colours that keep their meaning in charts, badges and tables
 * (red unlicensed and errors, amber expired and warnings, green licensed), and a dark variant.
 */
export const REPORT_STYLE = `
:root{--text:#1f2328;--muted:#59636e;--bg:#fff;--panel:#f6f8fa;--line:#d1d9e0;--link:#0b5cad;--mark:#fff3b0;
--error:#b3261e;--warning:#b07d00;--suppressed:#8c959f;--unlicensed:#b3261e;--expired:#c2610c;--accepted:#8c959f;
--licensed:#2f7d4f;--aside:#7b61c4;--own:#a9b4bf;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--text:#e6edf3;--muted:#9198a1;--bg:#0d1117;--panel:#161b22;--line:#30363d;
--link:#6cb6ff;--mark:#5c4a00;--error:#f0655a;--warning:#d8a93b;--unlicensed:#f0655a;--expired:#f08a3e;--licensed:#4fb477}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:78rem;padding:2rem 1.5rem 4rem;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--text);background:var(--bg)}
h1{font-size:1.7rem;margin:0 0 .25rem}h2{font-size:1.3rem;margin:2.5rem 0 .75rem;padding-bottom:.3rem;border-bottom:1px solid var(--line)}
h3{font-size:1.05rem;margin:1.5rem 0 .5rem}h4{font-size:.85rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);margin:1rem 0 .3rem}
a{color:var(--link)}code,pre,.path{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.88em}
.path{overflow-wrap:anywhere}.note{color:var(--muted);font-size:.9rem}.meta{color:var(--muted);margin:0}
.counts{display:grid;grid-template-columns:repeat(auto-fill,minmax(10rem,1fr));gap:.75rem;margin:0}
.count{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:.6rem .8rem}
.count dt{font-size:.85rem;color:var(--muted)}.count dd{margin:0}.count dd[data-count]{font-size:1.6rem;font-weight:600;font-variant-numeric:tabular-nums}
.count-errors dd[data-count],.count-unlicensed dd[data-count]{color:var(--error)}.count-warnings dd[data-count],.count-expired dd[data-count]{color:var(--warning)}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(24rem,1fr));gap:1.5rem;margin-top:1.5rem}
.chart{margin:0}.chart figcaption{font-weight:600;margin-bottom:.4rem}.chart svg{width:100%;height:auto;display:block}
.chart text{font-size:13px;fill:var(--text);dominant-baseline:middle}.chart .chart-value{fill:var(--muted)}
.part-error,.part-unlicensed{fill:var(--error)}.part-warning{fill:var(--warning)}.part-suppressed,.part-accepted{fill:var(--suppressed)}
.part-expired{fill:var(--expired)}.part-licensed{fill:var(--licensed)}.part-aside{fill:var(--aside)}.part-own{fill:var(--own)}
.legend{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;list-style:none;padding:0;margin:1rem 0 0;font-size:.9rem;color:var(--muted)}
.swatch{width:.8em;height:.8em;margin-right:.35em;vertical-align:-.05em}
.filters{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:.5rem 0}.filters[hidden]{display:none}
.filters input,.filters select{font:inherit;font-size:.9rem;padding:.3rem .5rem;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--text)}
.filters input{flex:1 1 16rem}.filters output{color:var(--muted);font-size:.9rem}
.table-wrap{overflow-x:auto;border:1px solid var(--line);border-radius:8px}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{text-align:left;vertical-align:top;padding:.45rem .6rem;border-bottom:1px solid var(--line)}
thead th{background:var(--panel);position:sticky;top:0;white-space:nowrap}tbody tr:last-child td{border-bottom:0}
th button{font:inherit;font-weight:600;color:inherit;background:none;border:0;padding:0;cursor:pointer}
th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
td.path{min-width:15rem}.nowrap{white-space:nowrap}
td.number{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.badge{display:inline-block;border-radius:999px;padding:0 .5rem;font-size:.8rem;font-weight:600;color:#fff}
.badge-error{background:var(--error)}.badge-warning{background:var(--warning)}
.holder{white-space:nowrap;border-left:3px solid var(--own);padding-left:.3rem;margin-right:.4rem}.holder small{color:var(--muted)}
.status-unlicensed{border-color:var(--unlicensed)}.status-expired{border-color:var(--expired)}.status-accepted{border-color:var(--accepted)}
.status-licensed{border-color:var(--licensed)}.status-aside{border-color:var(--aside)}
.page{margin-top:2rem}.finding{border:1px solid var(--line);border-left:4px solid var(--error);border-radius:8px;padding:.4rem 1rem .8rem;margin:1rem 0}
.finding-warning{border-left-color:var(--warning)}.finding:target{outline:2px solid var(--link)}
.finding-head{color:var(--muted);font-size:.9rem}.message{font-weight:600}.accepted{background:var(--panel);padding:.4rem .6rem;border-radius:6px}
.evidence{padding-left:1.4rem}.evidence p{margin:.3rem 0}
.excerpt{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:.5rem .7rem;white-space:pre-wrap;overflow-wrap:anywhere;margin:.3rem 0 .8rem}
.excerpt mark{background:var(--mark);color:inherit;border-radius:2px;outline:1px solid var(--warning)}
.clause{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:.3rem 0}.clause dt{color:var(--muted)}.clause dd{margin:0}
@media print{.filters,th button::after{display:none}.finding{break-inside:avoid}}
`;
