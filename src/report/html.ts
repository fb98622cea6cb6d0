import { createHash } from 'node:crypto';
import type { CheckResult } from '../workspace/result.js';
import { evidenceLimit } from './bound.js';
import { coalesce, joinChunks, type ReportChunks } from './chunks.js';
import { coverageSection } from './html-coverage.js';
import { pageDetails } from './html-details.js';
import { escapeHtml } from './html-escape.js';
import { REPORT_SCRIPT } from './html-script.js';
import { REPORT_STYLE } from './html-style.js';
import { summarySection } from './html-summary.js';
import { findingsTable, pagesTable, type PlacedFinding } from './html-tables.js';
import { inventory } from './inventory.js';
import type { ReportOptions } from './options.js';

// The page may load nothing and run only its own script and style sheet, named by their hashes
// (CSP Level 3 hash sources): were a page's text ever to slip through unescaped, a browser would
// still run none of it, and a report opened from a mail or a share fetches nothing.
const POLICY = [
  "default-src 'none'",
  `style-src 'sha256-${sha256(REPORT_STYLE)}'`,
  `script-src 'sha256-${sha256(REPORT_SCRIPT)}'`,
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The report people read: one self-contained HTML file, with a summary and charts, sortable and
 * filterable tables of findings and pages, and each finding's evidence in its context, licence
 * clause and rule. Everything from the result is escaped; the only links are to rule documentation.
 */
export function formatHtml(result: CheckResult, options: Partial<ReportOptions> = {}): string {
  return joinChunks(htmlChunks(result, options));
}

/** The HTML report in chunks, a row or a finding at a time. */
export function* htmlChunks(result: CheckResult, options: Partial<ReportOptions> = {}): ReportChunks {
  yield* coalesce(pieces(result, options));
}

function* pieces(result: CheckResult, options: Partial<ReportOptions>): Generator<string> {
  const nameOf = (holder: string) => options.holderNames?.get(holder) ?? holder;
  const placed: PlacedFinding[] = [];
  for (const file of result.files) for (const finding of file.findings) placed.push({ file, finding, anchor: `finding-${placed.length + 1}` });
  const { summary } = result;
  const about = [
    summary.policy ? `Policy <code class="path">${escapeHtml(summary.policy)}</code>` : 'No policy: every holder found is reported',
    `judged as of ${escapeHtml(summary.asOf)}`,
    ...(options.version ? [`rightslint ${escapeHtml(options.version)}`] : []),
  ];
  yield '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n';
  yield `<meta http-equiv="Content-Security-Policy" content="${POLICY}">\n`;
  yield '<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>rightslint report</title>\n';
  yield `<style>${REPORT_STYLE}</style>\n</head>\n<body>\n<header><h1>Rights report</h1><p class="meta">${about.join(' · ')}</p></header>\n<main>\n`;
  const coverage = coverageSection(result);
  if (coverage) yield `${coverage}\n`;
  yield `${summarySection(result, inventory(result), nameOf)}\n`;
  yield* findingsTable(placed, nameOf);
  yield* pagesTable(result.files, nameOf);
  if (placed.length > 0) yield '<section id="details" aria-labelledby="details-title"><h2 id="details-title">Findings in detail</h2>\n';
  const context = { limit: evidenceLimit(options.maxEvidence), nameOf, pageText: options.pageText, licenses: options.licenses };
  let next = 0;
  for (const file of result.files) {
    const ofFile = placed.slice(next, next + file.findings.length);
    next += file.findings.length;
    if (ofFile.length > 0) yield `${pageDetails(file, ofFile, context)}\n`;
  }
  if (placed.length > 0) yield '</section>\n';
  yield `</main>\n<script>${REPORT_SCRIPT}</script>\n</body>\n</html>\n`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64');
}
