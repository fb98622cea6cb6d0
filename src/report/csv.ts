import type { CheckResult, FileResult, Finding } from '../workspace/result.js';
import { evidenceCount, evidenceLimit, shownEvidence } from './bound.js';
import { coalesce, joinChunks, type ReportChunks } from './chunks.js';
import type { ReportOptions } from './options.js';

/** The columns, in order: what a spreadsheet user filters and sorts by, each named once. */
export const CSV_COLUMNS = [
  'path', 'status', 'reason', 'published', 'line', 'column', 'end_line', 'end_column', 'rule', 'severity',
  'holder', 'kinds', 'license', 'message', 'expected', 'evidence', 'evidence_count', 'suppression',
  'suppression_reason', 'fingerprint', 'docs', 'captured', 'archive',
] as const;

type Row = Record<(typeof CSV_COLUMNS)[number], string | number | undefined>;

/**
 * The spreadsheet report: one row a finding, suppressed ones included and marked, and one row for
 * each file that was not checked and has no finding to say so. RFC 4180: CRLF line ends, a field
 * quoted when it holds a comma, a quote or a line break. A byte order mark opens the file, as
 * Excel reads a CSV file without one in the system's code page, not UTF-8.
 */
export function formatCsv(result: CheckResult, options: Partial<ReportOptions> = {}): string {
  return joinChunks(csvChunks(result, options));
}

/** The CSV report in chunks, a row at a time. */
export function* csvChunks(result: CheckResult, options: Partial<ReportOptions> = {}): ReportChunks {
  const limit = evidenceLimit(options.maxEvidence);
  yield `\uFEFF${CSV_COLUMNS.join(',')}\r\n`;
  yield* coalesce(rows(result.files, limit));
}

function* rows(files: readonly FileResult[], limit: number): Generator<string> {
  for (const file of files) {
    // An audited page's capture: a web archive may hold a URL twice, each capture a page of its own.
    const about = { path: file.path, status: file.status, reason: file.reason, published: file.published, captured: file.captured, archive: file.archive };
    for (const finding of file.findings) yield csvLine({ ...about, ...findingCells(finding, limit) });
    if (file.status !== 'scanned' && file.findings.length === 0) yield csvLine(about);
  }
}

function findingCells(finding: Finding, limit: number): Partial<Row> {
  const { shown } = shownEvidence(finding, limit);
  return {
    line: finding.line,
    column: finding.column,
    end_line: finding.endLine,
    end_column: finding.endColumn,
    rule: finding.ruleId,
    severity: finding.severity,
    holder: finding.holder,
    kinds: (finding.kinds ?? (finding.kind ? [finding.kind] : [])).join(' '),
    license: finding.license,
    message: finding.message,
    expected: finding.expected,
    // One piece a line inside the cell, where it is found and by which signal, as stylish shows it.
    evidence: shown.map((item) => `${item.line}:${item.column} ${item.signal} "${item.text}"`).join('\n'),
    evidence_count: evidenceCount(finding),
    suppression: finding.suppression?.kind,
    suppression_reason: finding.suppression?.justification,
    fingerprint: finding.fingerprint,
    docs: finding.url,
  };
}

/** One record, its fields in the order of `CSV_COLUMNS`, ending in CRLF. */
function csvLine(row: Partial<Row>): string {
  return `${CSV_COLUMNS.map((column) => csvField(row[column])).join(',')}\r\n`;
}

// A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection");
// page text is untrusted, so such a cell gets a leading apostrophe, which spreadsheets show as text.
const FORMULA_START = /^[=+\-@\t\r]/;

/** A field as RFC 4180 §2 writes it: in double quotes, inner quotes doubled, when it must be. */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
