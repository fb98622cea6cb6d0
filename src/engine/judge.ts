import type { Page } from '../document/page.js';
import { detectHolders } from '../detect/holders.js';
import { firstPartyHolders } from '../detect/publisher.js';
import { findNotices } from '../detect/notices.js';
import { findEvidence } from '../detect/signals.js';
import { severityFor } from '../policy/severity.js';
import { createFinding, holderEntry } from '../rules/finding.js';
import { RULES } from '../rules/index.js';
import { ALL_RULES, type RuleMeta } from '../rules/meta.js';
import { applyDirectives } from '../suppress/apply.js';
import { readDirectives } from '../suppress/directives.js';
import type { FileResult } from '../workspace/result.js';
import type { Run } from './run.js';

// The second half of a page's check: what the rules make of what was read (read.ts is the first).

/**
 * Judges a page read into regions: detects the holders and notices on it, lets each rule the
 * policy enables for `policyPath` (what licence globs match) report on them, and applies the
 * page's suppression directives. Where the prefilter found the page names no holder
 * (`isNoticesOnly`), only its notices are looked for. A page that shows no date of its own is
 * judged as of the day it was `captured` in a web archive, else as of the run's day.
 */
export function judge(page: Page, policyPath: string, run: Run, { isNoticesOnly = false, captured }: { isNoticesOnly?: boolean; captured?: string | undefined } = {}): FileResult {
  const path = page.path;
  const { catalogue } = run.policy;
  const detections = isNoticesOnly ? [] : detectHolders(findEvidence(page, catalogue), firstPartyHolders(page.publisherNames, catalogue));
  const date = page.published?.date ?? captured ?? run.asOf;
  const context = {
    page,
    policyPath,
    detections,
    notices: findNotices(page.regions),
    policy: run.policy,
    date,
    asOf: run.asOf,
  };
  const judged = RULES.flatMap((rule) => {
    const severity = severityFor(rule, run.policy, policyPath);
    if (severity === 'off') return [];
    return rule.check(context).flatMap((report) => {
      // A holder seen only in teasers, rails and galleries is judged by the policy's `asides`.
      const level = report.isAside ? run.policy.spec.asides : severity;
      return level === 'off' ? [] : [createFinding(rule, level, report, page, policyPath)];
    });
  });
  const { findings: accepted, problems } = applyDirectives(judged, readDirectives(page), ALL_RULES.map((rule) => rule.id));
  const findings = [
    ...accepted,
    ...problems.flatMap(({ ruleId, message, directive }) => {
      const rule = ALL_RULES.find((r) => r.id === ruleId) as RuleMeta;
      const severity = severityFor(rule, run.policy, policyPath);
      if (severity === 'off') return [];
      return [createFinding(rule, severity, { message, start: directive.start, end: directive.end, evidence: [] }, page, policyPath)];
    }),
  ].sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
  return {
    path,
    status: 'scanned',
    // The date matters, and is shown, only where there is agency content to judge by it.
    ...(detections.length > 0 ? { published: date, publishedFrom: page.published?.source ?? (captured === undefined ? 'as-of' : 'captured') } : {}),
    holders: detections.map((d) => holderEntry(d, page)),
    findings,
  };
}
