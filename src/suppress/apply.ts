import { nearest } from '../config/suggest.js';
import type { Finding } from '../workspace/result.js';
import type { Directive } from './directives.js';

/** A directive that is itself wrong, or that accepted nothing. */
export interface DirectiveProblem {
  ruleId: 'invalid-suppression' | 'unused-suppression';
  message: string;
  directive: Directive;
}

/**
 * Marks the findings that valid directives accept as suppressed in source, with the directive's
 * reason. A directive without a reason, or naming an unknown rule, suppresses nothing and is a
 * problem; a valid one that accepts no finding is reported as unused.
 */
export function applyDirectives(
  findings: readonly Finding[],
  directives: readonly Directive[],
  ruleIds: readonly string[],
): { findings: Finding[]; problems: DirectiveProblem[] } {
  const problems: DirectiveProblem[] = [];
  const valid: Array<{ directive: Directive; isUsed: boolean; untilLine: number }> = [];
  for (const directive of directives) {
    if (directive.form === 'enable') continue;
    const unknown = directive.rules.filter((id) => !ruleIds.includes(id));
    if (unknown.length > 0) {
      const named = unknown.map((id) => {
        const meant = nearest(id, ruleIds);
        return meant === undefined ? `\`${id}\`` : `\`${id}\` (did you mean \`${meant}\`?)`;
      });
      problems.push({ ruleId: 'invalid-suppression', message: `Suppression names unknown rule${unknown.length > 1 ? 's' : ''} ${named.join(', ')}`, directive });
    } else if (!directive.reason) {
      problems.push({ ruleId: 'invalid-suppression', message: 'Suppression without a reason: write why after ` -- `, e.g. `-- licensed by email from AFP, 2025-06-02`', directive });
    } else {
      valid.push({ directive, isUsed: false, untilLine: closingLine(directive, directives) });
    }
  }
  const marked = findings.map((finding) => {
    const entry = valid.find(({ directive, untilLine }) => covers(directive, untilLine, finding));
    if (!entry) return finding;
    entry.isUsed = true;
    return { ...finding, suppression: { kind: 'inSource' as const, justification: entry.directive.reason ?? '' } };
  });
  for (const { directive, isUsed } of valid) {
    if (!isUsed) problems.push({ ruleId: 'unused-suppression', message: `Suppression of ${directive.rules.length > 0 ? directive.rules.join(', ') : 'all rules'} matches no finding`, directive });
  }
  return { findings: marked, problems };
}

function covers(directive: Directive, untilLine: number, finding: Finding): boolean {
  if (directive.rules.length > 0 && !directive.rules.includes(finding.ruleId)) return false;
  if (directive.form === 'file') return true;
  if (directive.form === 'next-line') return finding.line === directive.endLine + 1;
  return finding.line > directive.endLine && finding.line < untilLine;
}

/** Where a `disable` block ends: the first later `enable` for all rules or one of its rules. */
function closingLine(directive: Directive, directives: readonly Directive[]): number {
  if (directive.form !== 'disable') return Number.POSITIVE_INFINITY;
  const enable = directives.find(
    (d) => d.form === 'enable' && d.start > directive.start &&
      (d.rules.length === 0 || directive.rules.length === 0 || d.rules.some((id) => directive.rules.includes(id))),
  );
  return enable?.line ?? Number.POSITIVE_INFINITY;
}
