import { createColors } from 'picocolors';
import type { CheckResult, Finding } from '../result.js';

export interface StylishOptions {
  color: boolean;
}

/** The human report: findings grouped by file, with their evidence, then a summary line. */
export function formatStylish(result: CheckResult, options: StylishOptions): string {
  const c = createColors(options.color);
  const out: string[] = [];
  for (const file of result.files) {
    const shown = file.findings.filter((finding) => !finding.suppression);
    if (file.status !== 'scanned' && shown.length === 0) {
      out.push(c.underline(file.path), c.dim(`  ${file.status}  ${file.reason ?? ''}`), '');
      continue;
    }
    if (shown.length === 0) continue;
    out.push(c.underline(file.path));
    for (const finding of shown) out.push(...findingLines(finding, c));
    if (file.publishedFrom === 'as-of') out.push(c.dim(`  (no publication date on the page: judged as of ${file.published})`));
    out.push('');
  }
  out.push(summaryLine(result, c));
  return `${out.join('\n')}\n`;
}

function findingLines(finding: Finding, c: ReturnType<typeof createColors>): string[] {
  const severity = finding.severity === 'error' ? c.red('error') : c.yellow('warning');
  const lines = [`  ${c.dim(`${finding.line}:${finding.column}`)}  ${severity}  ${finding.message}  ${c.dim(finding.ruleId)}`];
  for (const item of finding.evidence) {
    const restrictions = item.restrictions ? `  [${item.restrictions.join(', ')}]` : '';
    lines.push(c.dim(`      ${item.line}:${item.column}  ${item.signal}  "${item.text}"${restrictions}`));
  }
  return lines;
}

function summaryLine(result: CheckResult, c: ReturnType<typeof createColors>): string {
  const { errors, warnings, scanned, skipped, errored, suppressed } = result.summary;
  const problems = errors + warnings;
  const files = `${scanned} file${scanned === 1 ? '' : 's'} checked${skipped ? `, ${skipped} skipped` : ''}${errored ? `, ${errored} could not be read` : ''}${suppressed ? `; ${suppressed} suppressed` : ''}`;
  if (problems === 0) return c.green(`✔ no problems (${files})`);
  const text = `✖ ${problems} problem${problems === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}) in ${files}`;
  return errors > 0 ? c.red(c.bold(text)) : c.yellow(c.bold(text));
}
