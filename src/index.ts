export { check, type CheckOptions } from './engine/check.js';
export { MAX_TIMEOUT_MS } from './engine/thread-clock.js';
export { checkSource, type SourceOptions } from './engine/check-source.js';
export type { AuditOptions, AuditProgress } from './audit/audit.js';
export { auditStateFile } from './audit/state-file.js';
export type { AuditPage } from './audit/audit-page.js';
export type { TraceOptions } from './trace/trace-page.js';
export type { PageTrace, TracedCandidate, TracedRegion, PageSummary, VerdictCode } from './trace/types.js';
export { defaultPolicy, loadPolicy, type Policy } from './config/policy.js';
export { findPolicyFile, POLICY_FILE } from './config/find.js';
export { policySchema, type PolicySpec, type LicenseSpec } from './config/schema.js';
export { DEFAULT_INCLUDE } from './document/format.js';
export { holderSchema, type HolderSpec } from './catalogue/schema.js';
export { PolicyError, UsageError, type Problem } from './errors.js';
export type { Page } from './document/page.js';
export { ALL_RULES, type RuleMeta } from './rules/meta.js';
export type { CheckResult, FileResult, Finding, HolderEntry, EvidenceEntry } from './workspace/result.js';
import type { AuditOptions } from './audit/audit.js';
import type { Page } from './document/page.js';
import type { SiteSurvey } from './engine/survey.js';
import type { Policy } from './config/policy.js';
import type { PageTrace } from './trace/types.js';
import type { TraceOptions } from './trace/trace-page.js';
import type { CheckResult } from './workspace/result.js';

// What the command line is built on, exported on purpose so that src/cli/ reads the library
// through this door only; other tools that wrap rightslint use the same parts.
export { severityFor } from './policy/severity.js';
export { suggest } from './config/suggest.js';
export { today } from './policy/dates.js';
export type { HolderSurvey, SiteSurvey } from './engine/survey.js';
export { proposeSelf, SELF_HOLDERS_FOLDER, siteHolderFile, type SelfProposal, type SiteHolder } from './engine/self-holder.js';
export { mergeResults, mergeSarif, readShard, type SarifLog } from './workspace/merge.js';
export { summarise } from './workspace/summary.js';
export { assertWritable, writeAtomic } from './workspace/write-atomic.js';
export { fileErrorMeaning } from './file-error.js';
export { PACKAGE_ROOT } from './package-root.js';
export { VERSION } from './version.js';

/**
 * Audits a live site or web archives, checking each page as `check` checks a file (see
 * `AuditOptions`). The crawler and the WARC reader are loaded on the first call, so that a
 * program that only checks files (the command line's `check` among them) never loads them.
 */
export async function audit(options: AuditOptions): Promise<CheckResult> {
  return (await import('./audit/audit.js')).audit(options);
}

// What reads pages (the decoder, the parsers, the detectors, the rules) is loaded when a page is
// first read: a run answered from the cache never loads it, and starts in less time.

/** What rightslint reads of a page: its regions, facts and publisher, as the rules see them. */
export async function readPage(path: string, source: string): Promise<Page> {
  return (await import('./document/page.js')).readPage(path, source);
}

/** Follows one page through the check, explaining each candidate and each verdict (`rightslint trace`). */
export async function tracePage(path: string, options: TraceOptions = {}): Promise<PageTrace> {
  return (await import('./trace/trace-page.js')).tracePage(path, options);
}

/** The holders and publishers a site's pages show (what `rightslint init` proposes a policy from). */
export async function surveySite(folder: string, policy: Policy, displayPath: (absolute: string) => string): Promise<SiteSurvey> {
  return (await import('./engine/survey.js')).surveySite(folder, policy, displayPath);
}
