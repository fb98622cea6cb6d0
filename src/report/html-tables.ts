import type { FileResult, Finding } from '../workspace/result.js';
import { escapeHtml, messageHtml } from './html-escape.js';
import { holderStatus } from './inventory.js';
import { STATUS_LABELS } from './html-summary.js';

/** A finding with the page it is on and the anchor of its details. */
export interface PlacedFinding {
  file: FileResult;
  finding: Finding;
  anchor: string;
}

/**
 * The table of findings, one row each, suppressed ones too: each row names its page, place, rule
 * and holder, and links to the finding's details. Rows carry what the filters select by
 * (`data-severity`, `data-rule`, `data-state`); a cell sorts by its `data-sort` where its text
 * would sort wrongly (a line number).
 */
export function findingsTable(placed: readonly PlacedFinding[], nameOf: (holder: string) => string): string[] {
  const rules = [...new Set(placed.map(({ finding }) => finding.ruleId))].sort();
  const rows = placed.map(({ file, finding, anchor }) => {
    const state = finding.suppression ? 'suppressed' : 'open';
    const kinds = finding.kinds ?? (finding.kind ? [finding.kind] : []);
    return `<tr data-severity="${finding.severity}" data-rule="${escapeHtml(finding.ruleId)}" data-state="${state}">`
      + `<td class="path">${escapeHtml(file.path)}</td>`
      + `<td class="number" data-sort="${finding.line * 1e6 + finding.column}">${finding.line}:${finding.column}</td>`
      + `<td><span class="badge badge-${finding.severity}">${finding.severity}</span></td>`
      + `<td class="nowrap">${escapeHtml(finding.ruleId)}</td>`
      + `<td>${finding.holder ? escapeHtml(nameOf(finding.holder)) : ''}</td>`
      + `<td>${escapeHtml(kinds.join(', '))}</td>`
      + `<td>${state === 'open' ? 'open' : `<span title="${escapeHtml(finding.suppression?.justification ?? '')}">accepted</span>`}</td>`
      + `<td><a href="#${anchor}">${messageHtml(finding.message)}</a></td></tr>`;
  });
  const filters = `<select name="severity" aria-label="Severity"><option value="">Any severity</option><option value="error">Errors</option><option value="warning">Warnings</option></select>`
    + `<select name="state" aria-label="State"><option value="">Open and accepted</option><option value="open">Open</option><option value="suppressed">Accepted</option></select>`
    + `<select name="rule" aria-label="Rule"><option value="">Any rule</option>${rules.map((rule) => `<option>${escapeHtml(rule)}</option>`).join('')}</select>`;
  return table('findings', 'Findings', ['Page', 'Line', 'Severity', 'Rule', 'Holder', 'Kind', 'State', 'Message'], rows, filters, 'No findings.');
}

/** What a page without a date of its own was judged by, if it was judged by a date. */
function undatedNote(file: FileResult): string {
  if (file.publishedFrom === 'as-of') return `no publication date: judged as of ${file.published ?? ''}`;
  if (file.publishedFrom === 'captured') return `no publication date: judged as of its capture, ${file.published ?? ''}`;
  return '';
}

/** A page's name: its path, or for an audited page its URL (a link, where it is a web address) and capture time. */
function pageCell(file: FileResult): string {
  if (file.captured === undefined) return escapeHtml(file.path);
  const name = /^https?:\/\//i.test(file.path) ? `<a href="${escapeHtml(file.path)}" rel="noreferrer">${escapeHtml(file.path)}</a>` : escapeHtml(file.path);
  return `${name}<br><small>captured ${escapeHtml(file.captured)}</small>`;
}

/** The table of pages: every file of the run, its status, date, holders (with what became of each) and counts. */
export function pagesTable(files: readonly FileResult[], nameOf: (holder: string) => string): string[] {
  const rows = files.map((file) => {
    const open = file.findings.filter((finding) => !finding.suppression);
    const holders = file.holders.map((holder) => {
      const status = holderStatus(holder, file.findings);
      return `<span class="holder status-${status}" title="${escapeHtml(STATUS_LABELS[status][1])}">${escapeHtml(nameOf(holder.holder))} <small>${STATUS_LABELS[status][0].toLowerCase()}</small></span>`;
    });
    const note = file.reason ?? undatedNote(file);
    return `<tr data-status="${escapeHtml(file.status)}">`
      + `<td class="path">${pageCell(file)}</td>`
      + `<td>${escapeHtml(file.status)}</td>`
      + `<td class="nowrap">${file.publishedFrom === 'as-of' || file.publishedFrom === 'captured' ? '' : escapeHtml(file.published ?? '')}</td>`
      + `<td>${holders.join(' ')}</td>`
      + `<td class="number">${open.filter((finding) => finding.severity === 'error').length}</td>`
      + `<td class="number">${open.filter((finding) => finding.severity === 'warning').length}</td>`
      + `<td class="number">${file.findings.length - open.length}</td>`
      + `<td>${escapeHtml(note)}</td></tr>`;
  });
  const filters = `<select name="status" aria-label="Status"><option value="">Any status</option><option value="scanned">Checked</option><option value="skipped">Skipped</option><option value="error">Not checked</option></select>`;
  return table('pages', 'Pages', ['Page', 'Status', 'Published', 'Holders', 'Errors', 'Warnings', 'Suppressed', 'Note'], rows, filters, 'No pages.');
}

// Columns whose cells sort as numbers.
const NUMERIC = new Set(['Line', 'Errors', 'Warnings', 'Suppressed']);

/**
 * A sortable, filterable table. The filter form is hidden until the report's script shows it, so
 * a reader without script sees every row and no control that does nothing. In pieces, a row each,
 * so no one string holds the table of a large site.
 */
function table(id: string, title: string, columns: readonly string[], rows: readonly string[], filters: string, empty: string): string[] {
  const head = columns.map((column) => `<th scope="col"${NUMERIC.has(column) ? ' data-type="number"' : ''}>${column}</th>`).join('');
  return [
    `<section id="${id}-section" aria-labelledby="${id}-title"><h2 id="${id}-title">${title}</h2>`,
    `<form class="filters" data-filters="${id}" hidden><input type="search" name="q" placeholder="Filter ${title.toLowerCase()}" aria-label="Filter ${title.toLowerCase()}">${filters}<output aria-live="polite"></output></form>`,
    rows.length === 0 ? `<p class="note">${empty}</p>` : `<div class="table-wrap"><table id="${id}" data-sortable><thead><tr>${head}</tr></thead><tbody>`,
    ...rows,
    rows.length === 0 ? '</section>' : '</tbody></table></div></section>',
  ].map((piece) => `${piece}\n`);
}
