import type { CheckResult, FileResult } from '../workspace/result.js';
import { escapeHtml, messageHtml } from './html-escape.js';

/** Pages of each kind the first screen names; the pages table lists them all. */
const NAMED_PAGES = 10;

/**
 * What the report does not vouch for, said before its counts: an audit stopped before its end,
 * what the run noticed that its pages do not show (an audit stopped at --max-pages with pages
 * found and not visited), and the first pages that could not be read or were skipped, each with
 * its reason. A reader handed the report sees on its first screen how much of the site it
 * covers and why the rest is missing, not only counts to reconcile with the table far below.
 * Empty where the run checked every page it met and noticed nothing.
 */
export function coverageSection(result: CheckResult): string {
  const unread = result.files.filter((file) => file.status === 'error');
  const skipped = result.files.filter((file) => file.status === 'skipped');
  const notes = [
    ...(result.interrupted ? [`The audit was interrupted: this report holds the ${result.files.length} page${result.files.length === 1 ? '' : 's'} it had done, and none of those it had yet to visit.`] : []),
    // A notice's first line says it; the lines under it list its items.
    ...(result.notices ?? []).map((notice) => notice.split('\n')[0] ?? ''),
  ];
  if (notes.length === 0 && unread.length === 0 && skipped.length === 0) return '';
  return [
    '<section id="coverage" aria-labelledby="coverage-title"><h2 id="coverage-title">Not covered by this report</h2>',
    ...(notes.length > 0 ? [`<ul class="notes">${notes.map((note) => `<li>${messageHtml(note)}</li>`).join('')}</ul>`] : []),
    ...pageList('could not be read (each an error)', unread),
    ...pageList('skipped, each for its reason', skipped),
    '</section>',
  ].join('\n');
}

function pageList(what: string, files: readonly FileResult[]): string[] {
  if (files.length === 0) return [];
  const shown = files.slice(0, NAMED_PAGES).map((file) => `<li><code class="path">${escapeHtml(file.path)}</code>: ${messageHtml(file.reason ?? '')}</li>`);
  const rest = files.length - shown.length;
  return [
    `<h3>${files.length} page${files.length === 1 ? '' : 's'} ${what}</h3>`,
    `<ul>${shown.join('')}</ul>`,
    ...(rest > 0 ? [`<p class="note">… and ${rest} more: the pages table lists them all.</p>`] : []),
  ];
}
