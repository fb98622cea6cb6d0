import { createHash } from 'node:crypto';
import type { Evidence, HolderDetection } from '../detect/evidence.js';
import type { Page } from '../document/page.js';
import type { EvidenceEntry, Finding, HolderEntry } from '../workspace/result.js';
import { docsUrl, type RuleMeta } from './meta.js';
import type { RuleReport } from './rule.js';

/**
 * The evidence a result keeps of one finding or holder; the rest is counted in `evidenceCount`. A
 * page repeating one credit 200,000 times kept 56 MB of evidence in its result, copied 34 MB of it
 * from the worker thread and wrote 40 MB to the cache, while reports show the first 20. A thousand
 * is more than any reader goes through, and leaves such a page's result about 200 kB.
 */
export const MAX_KEPT_EVIDENCE = 1_000;

/**
 * The one place findings are made: stamps rule id, source, docs URL, severity and fingerprint.
 * `policyPath` is the page's path relative to the policy file, so the fingerprint is the same from
 * whichever folder rightslint runs.
 */
export function createFinding(rule: RuleMeta, severity: Finding['severity'], report: RuleReport, page: Page, policyPath: string): Finding {
  const start = page.toPoint(report.start);
  const end = page.toPoint(report.end);
  const [kind] = report.kinds ?? [];
  return {
    ruleId: rule.id,
    severity,
    message: detached(report.message),
    source: 'rightslint',
    url: docsUrl(rule.id),
    ...(report.holder ? { holder: report.holder } : {}),
    ...(kind ? { kind, kinds: report.kinds } : {}),
    ...(report.license ? { license: report.license } : {}),
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    ...keptEvidence(report.evidence, page),
    ...(report.expected ? { expected: report.expected } : {}),
    fingerprint: fingerprint(rule.id, policyPath, report, page),
  };
}

/** A finding about a whole file (it could not be read, say), placed at its start. */
export function fileFinding(rule: RuleMeta, severity: Finding['severity'], message: string, policyPath: string): Finding {
  return {
    ruleId: rule.id,
    severity,
    message,
    source: 'rightslint',
    url: docsUrl(rule.id),
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    evidence: [],
    fingerprint: createHash('sha256').update([rule.id, policyPath, message].join('\u0000')).digest('hex').slice(0, 32),
  };
}

/** A holder found on a page as reports show it: its kinds, whether first party or an aside, its evidence. */
export function holderEntry(detection: HolderDetection, page: Page): HolderEntry {
  return {
    holder: detection.holder,
    kinds: detection.kinds,
    ...(detection.isFirstParty ? { firstParty: true as const } : {}),
    ...(detection.isAside ? { aside: true as const } : {}),
    ...keptEvidence(detection.evidence, page),
  };
}

/**
 * The first `MAX_KEPT_EVIDENCE` items as reports show them, and `evidenceCount` right after them
 * when there were more, where a bounded report puts it, so reports of the result read the same.
 */
function keptEvidence(evidence: readonly Evidence[], page: Page): { evidence: EvidenceEntry[]; evidenceCount?: number } {
  // Sliced before mapping, so that the items left out are never placed in lines and columns.
  const kept = evidence.length > MAX_KEPT_EVIDENCE ? evidence.slice(0, MAX_KEPT_EVIDENCE) : evidence;
  const entries = kept.map((item) => evidenceEntry(item, page));
  return kept.length < evidence.length ? { evidence: entries, evidenceCount: evidence.length } : { evidence: entries };
}

/** Evidence as reports show it, with its line and column. */
export function evidenceEntry(item: Evidence, page: Page): EvidenceEntry {
  const { line, column } = page.toPoint(item.start);
  const end = page.toPoint(item.end);
  return { signal: item.signal, text: detached(item.text), line, column, endLine: end.line, endColumn: end.column, ...(item.restrictions ? { restrictions: item.restrictions } : {}) };
}

/**
 * A copy of a string that shares no memory with the page. V8 makes a slice of a long string a view
 * into it, so evidence text kept in a result would hold its whole page in memory until the run
 * ends (3 MB for a 10-character credit). Joining forces a flat copy, and slicing it back keeps
 * only that copy.
 */
function detached(text: string): string {
  return ` ${text}`.slice(1);
}

/** How much of the page's source after a piece of evidence its finding's fingerprint reads. */
const CONTEXT_CHARS = 160;

/**
 * What identifies a finding across runs, for baselines and code scanning: its rule, page,
 * holder and kinds, and each piece of evidence with the text that follows it, never its line,
 * so that edits elsewhere in the page keep it. The evidence text alone is no story's: every AFP
 * story from Paris opens `PARIS (AFP)`, and a baseline that accepted one accepted the next story
 * put on the page. All the evidence, not only what the finding keeps.
 */
function fingerprint(ruleId: string, path: string, report: RuleReport, page: Page): string {
  const texts = report.evidence.length > 0
    ? [...new Set(report.evidence.map((e) => `${e.signal}:${e.text}:${following(page.source, e.end)}`))].sort()
    : [page.source.slice(report.start, report.end)];
  const key = [ruleId, path, report.holder ?? '', (report.kinds ?? []).join(','), ...texts].join('\u0000');
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

/**
 * The text after `end` in the page's source, up to `CONTEXT_CHARS` of it, markup and
 * whitespace runs left out: the rest of a dateline's sentence, whatever the lines it is on.
 */
function following(source: string, end: number): string {
  return source.slice(end, end + CONTEXT_CHARS).replace(/<[^>]*>?/g, ' ').replace(/\s+/g, ' ').trim();
}
