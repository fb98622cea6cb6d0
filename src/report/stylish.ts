import { createColors } from 'picocolors';
import type { CheckResult, FileResult, Finding } from '../workspace/result.js';
import { evidenceLimit, moreText, shownEvidence } from './bound.js';
import { coalesce, joinChunks, type ReportChunks } from './chunks.js';

type Colors = ReturnType<typeof createColors>;

export interface StylishOptions {
  color: boolean;
  /** Evidence lines shown under a finding; a last line counts the rest. */
  maxEvidence?: number;
}

/** The human report: findings grouped by file, with their first evidence, then a summary line. */
export function formatStylish(result: CheckResult, options: StylishOptions): string {
  return joinChunks(stylishChunks(result, options));
}

/** The human report in chunks, a file at a time. */
export function* stylishChunks(result: CheckResult, options: StylishOptions): ReportChunks {
  const c = createColors(options.color);
  const limit = evidenceLimit(options.maxEvidence);
  yield* coalesce(fileBlocks(result.files, c, limit));
  yield `${summaryLine(result, c)}\n`;
}

function* fileBlocks(files: readonly FileResult[], c: Colors, limit: number): Generator<string> {
  for (const file of files) {
    const shown = file.findings.filter((finding) => !finding.suppression);
    if (file.status !== 'scanned' && shown.length === 0) {
      yield `${heading(file, c)}\n${c.dim(`  ${file.status}  ${printable(file.reason ?? '')}`)}\n\n`;
      continue;
    }
    if (shown.length === 0) continue;
    yield `${heading(file, c)}\n`;
    for (const finding of shown) yield findingLines(finding, c, limit);
    if (file.publishedFrom === 'as-of') yield `${c.dim(`  (no publication date on the page: judged as of ${file.published})`)}\n`;
    if (file.publishedFrom === 'captured') yield `${c.dim(`  (no publication date on the page: judged as of its capture, ${file.published})`)}\n`;
    yield '\n';
  }
}

/**
 * A file's heading: its path, and for a page of a web archive the capture it was read from, as
 * an archive may hold a URL twice, each capture judged as a page of its own.
 */
function heading(file: FileResult, c: Colors): string {
  const capture = file.archive === undefined ? '' : c.dim(`  (captured ${file.captured ?? ''}, ${printable(file.archive)})`);
  return `${c.underline(printable(file.path))}${capture}`;
}

/** A finding's line and its first evidence lines, each ending in a line break. */
function findingLines(finding: Finding, c: Colors, limit: number): string {
  const severity = finding.severity === 'error' ? c.red('error') : c.yellow('warning');
  let text = `  ${c.dim(`${finding.line}:${finding.column}`)}  ${severity}  ${printable(finding.message)}  ${c.dim(finding.ruleId)}\n`;
  const { shown, omitted } = shownEvidence(finding, limit);
  for (const item of shown) {
    const restrictions = item.restrictions ? `  [${item.restrictions.join(', ')}]` : '';
    text += `${c.dim(`      ${item.line}:${item.column}  ${item.signal}  "${printable(item.text)}"${printable(restrictions)}`)}\n`;
  }
  if (omitted > 0) text += `${c.dim(`      ${moreText(omitted)}`)}\n`;
  return text;
}

/**
 * Text from pages, URLs and archives as a terminal can show it: control characters (an escape
 * sequence could clear the screen or retitle the window) become U+FFFD.
 */
function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\ufffd');
}

function summaryLine(result: CheckResult, c: Colors): string {
  const { errors, warnings, scanned, skipped, errored, suppressed } = result.summary;
  const problems = errors + warnings;
  const files = `${scanned} file${scanned === 1 ? '' : 's'} checked${skipped ? `, ${skipped} skipped` : ''}${errored ? `, ${errored} could not be read` : ''}${suppressed ? `; ${suppressed} suppressed` : ''}`;
  if (problems === 0) return c.green(`✔ no problems (${files})`);
  const text = `✖ ${problems} problem${problems === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}) in ${files}`;
  return errors > 0 ? c.red(c.bold(text)) : c.yellow(c.bold(text));
}
