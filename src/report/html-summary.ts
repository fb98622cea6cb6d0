import type { CheckResult } from '../workspace/result.js';
import { barChart, legend, type Bar } from './html-chart.js';
import { escapeHtml } from './html-escape.js';
import { countStatuses, HOLDER_STATUSES, type HolderStatus, type InventoryEntry } from './inventory.js';

/** Each status as a reader is told it, with what it means. */
export const STATUS_LABELS: Record<HolderStatus, [label: string, meaning: string]> = {
  unlicensed: ['Unlicensed', 'no licence covers it for this page and kind'],
  expired: ['Expired', 'outside its licence’s dates or past its retention'],
  accepted: ['Accepted', 'its findings are accepted by a suppression or the baseline'],
  licensed: ['Licensed', 'a licence covers it'],
  aside: ['Aside', 'seen only in page furniture: teasers, rails, galleries'],
  own: ['Own', 'the holder publishes the page itself'],
};

/** Holders charted one by one; the rest share a bar. */
const CHARTED_HOLDERS = 12;

/**
 * The report's summary: the counts of the run, the inventory of agency content by status, and
 * charts of findings and content by holder and kind. Plain HTML and SVG, so it reads without
 * script; each count carries `data-count` with the summary field it shows.
 */
export function summarySection(result: CheckResult, entries: readonly InventoryEntry[], nameOf: (holder: string) => string): string {
  const { summary } = result;
  const holders = new Set(entries.map((entry) => entry.holder));
  const statuses = countStatuses(entries);
  const runCounts = [
    // An audit's pages are URLs it met, a check's are files.
    count('scanned', summary.scanned, 'Pages checked', `of ${summary.files} ${result.files.some((file) => file.captured !== undefined) ? 'URL' : 'file'}${summary.files === 1 ? '' : 's'}`),
    count('skipped', summary.skipped, 'Skipped', 'left out, each with its reason'),
    count('errored', summary.errored, 'Not checked', 'could not be read'),
    count('holders', holders.size, 'Holders found', 'rights holders seen'),
    count('errors', summary.errors, 'Errors', 'findings to fix'),
    count('warnings', summary.warnings, 'Warnings', 'findings to review'),
    count('suppressed', summary.suppressed, 'Suppressed', 'accepted, with a reason'),
  ];
  const statusCounts = HOLDER_STATUSES.map((status) => count(status, statuses[status], STATUS_LABELS[status][0], STATUS_LABELS[status][1]));
  const open = result.files.flatMap((file) => file.findings.filter((finding) => !finding.suppression));
  const rules = [...new Set(open.map((finding) => finding.ruleId))].sort();
  const charts = [
    barChart('Findings by severity', [
      { label: 'Errors', segments: [{ key: 'error', value: summary.errors }] },
      { label: 'Warnings', segments: [{ key: 'warning', value: summary.warnings }] },
      { label: 'Suppressed', segments: [{ key: 'suppressed', value: summary.suppressed }] },
    ]),
    barChart('Findings by rule', rules.map((rule) => ({
      label: rule,
      segments: (['error', 'warning'] as const).map((severity) => ({ key: severity, value: open.filter((f) => f.ruleId === rule && f.severity === severity).length })),
    }))),
    barChart('Agency content by status (a holder on a page)', HOLDER_STATUSES.map((status) => ({ label: STATUS_LABELS[status][0], segments: [{ key: status, value: statuses[status] }] }))),
    barChart('By holder', byHolder(entries, nameOf)),
    barChart('By content kind', groupBars(entries, (entry) => entry.kinds)),
  ];
  const keys = HOLDER_STATUSES.map((status) => ({ key: status, label: STATUS_LABELS[status][0] }));
  return [
    '<section id="summary" aria-labelledby="summary-title"><h2 id="summary-title">Summary</h2>',
    `<dl class="counts">${runCounts.join('')}</dl>`,
    '<h3>Agency content</h3><p class="note">Each holder on each page counts once, by what became of its content there.</p>',
    `<dl class="counts">${statusCounts.join('')}</dl>`,
    `<div class="charts">${charts.join('')}</div>`,
    legend([{ key: 'error', label: 'Error' }, { key: 'warning', label: 'Warning' }, { key: 'suppressed', label: 'Suppressed' }, ...keys]),
    '</section>',
  ].join('\n');
}

function count(name: string, value: number, label: string, note: string): string {
  return `<div class="count count-${escapeHtml(name)}"><dt>${escapeHtml(label)}</dt><dd data-count="${escapeHtml(name)}">${value}</dd><dd class="note">${escapeHtml(note)}</dd></div>`;
}

/** A bar per holder, the most seen first, the rest gathered in one. */
function byHolder(entries: readonly InventoryEntry[], nameOf: (holder: string) => string): Bar[] {
  const bars = groupBars(entries, (entry) => [entry.holder]);
  if (bars.length <= CHARTED_HOLDERS) return bars.map((bar) => ({ ...bar, label: nameOf(bar.label) }));
  const shown = bars.slice(0, CHARTED_HOLDERS - 1).map((bar) => ({ ...bar, label: nameOf(bar.label) }));
  const rest = bars.slice(CHARTED_HOLDERS - 1);
  const segments = HOLDER_STATUSES.map((key) => ({ key, value: rest.reduce((sum, bar) => sum + (bar.segments.find((s) => s.key === key)?.value ?? 0), 0) }));
  return [...shown, { label: `${rest.length} other holders`, segments }];
}

/** Entries grouped by each key `keysOf` gives them, as bars of their statuses, the largest first. */
function groupBars(entries: readonly InventoryEntry[], keysOf: (entry: InventoryEntry) => readonly string[]): Bar[] {
  const groups = new Map<string, InventoryEntry[]>();
  for (const entry of entries) {
    for (const key of keysOf(entry)) {
      const group = groups.get(key);
      if (group) group.push(entry);
      else groups.set(key, [entry]);
    }
  }
  return [...groups]
    .sort(([a, x], [b, y]) => y.length - x.length || a.localeCompare(b))
    .map(([label, group]) => {
      const statuses = countStatuses(group);
      return { label, segments: HOLDER_STATUSES.map((key) => ({ key, value: statuses[key] })) };
    });
}
