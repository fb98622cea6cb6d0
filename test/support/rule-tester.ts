import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { stringify } from 'yaml';
import { checkSource } from '../../src/engine/check-source.js';
import type { RuleId } from '../../src/rules/meta.js';
import type { FileResult } from '../../src/workspace/result.js';
import { parseAnnotations } from './annotations.js';
import { compare } from './compare.js';
import { FIXTURE_DAY } from './fixture-day.js';
import { scratchSite } from './scratch.js';

/** One rule held to one annotated page under one policy, as ESLint's RuleTester holds a rule to its cases. */
export interface RuleCase {
  /** The policy, as the text of `rightslint.yaml` or as the object it parses to. */
  policy: string | Record<string, unknown>;
  /** The fixture page, annotated inline as the rule fixtures are (`expect:`, `suppressed:`, `ok:`). */
  page: string;
  /** Where the page stands beside the policy (what licence `paths` match); its file name when absent. */
  path?: string;
  /** The day of the check; the fixtures' fixed day when absent. */
  asOf?: string;
  /**
   * For a rule on whole files (`unscannable-file`), whose page cannot hold an `ok:` line: the
   * policy under which the same page is checked, and must be, with no finding of the rule.
   */
  okPolicy?: string | Record<string, unknown>;
}

/**
 * The problems found when holding one rule to a case, empty when none: the page must be checked,
 * every `expect:` and `suppressed:` annotation must be met by a finding of this rule, and every
 * finding of this rule must be annotated. Findings of other rules are not looked at, and the page
 * may not annotate them: each page tests one rule, with an `ok:` case beside its `expect:` case.
 */
export async function ruleProblems(ruleId: RuleId, { policy, page, path = basename(page), asOf = FIXTURE_DAY, okPolicy }: RuleCase): Promise<string[]> {
  const source = readFileSync(page, 'utf8');
  const annotations = parseAnnotations(source);
  const others = annotations.filter((a) => a.rule !== undefined && a.rule !== ruleId);
  if (others.length > 0) return others.map((a) => `line ${a.annotationLine}: the page tests \`${ruleId}\` and may not annotate \`${a.rule}\``);
  if (!annotations.some((a) => a.verb === 'expect' || a.verb === 'suppressed')) return [`the page has no \`expect:\` case for \`${ruleId}\``];
  if (!okPolicy && !annotations.some((a) => a.verb === 'ok')) return [`the page has no \`ok:\` case for \`${ruleId}\``];

  const file = await checkUnder(ruleId, policy, path, source, asOf);
  // A page a rule on whole files reports is not checked, by definition.
  if (!okPolicy && file.status !== 'scanned') return [`the page was not checked: ${file.status} ${file.reason ?? ''}`];
  const observed = (isSuppressed: boolean) => file.findings
    .filter((f) => f.ruleId === ruleId && Boolean(f.suppression) === isSuppressed)
    .map((f) => ({ rule: f.ruleId, holder: f.holder, kind: f.kind, line: f.line, column: f.column, text: f.message }));
  const problems = [...compare('expect', annotations, observed(false)), ...compare('suppressed', annotations, observed(true))];
  if (okPolicy) {
    const ok = await checkUnder(ruleId, okPolicy, path, source, asOf);
    if (ok.status !== 'scanned') problems.push(`under the ok policy, the page was not checked: ${ok.status} ${ok.reason ?? ''}`);
    problems.push(...ok.findings.filter((f) => f.ruleId === ruleId).map((f) => `under the ok policy, got ${ruleId} "${f.message}"`));
  }
  return problems;
}

/** The page checked as `path` beside a policy, in a scratch site of its own. */
async function checkUnder(ruleId: RuleId, policy: RuleCase['policy'], path: string, source: string, asOf: string): Promise<FileResult> {
  const policyText = typeof policy === 'string' ? policy : stringify(policy);
  const cwd = scratchSite(ruleId, { 'rightslint.yaml': policyText, [path]: source });
  const [file] = (await checkSource({ bytes: Buffer.from(source), filename: path, cwd, asOf })).files;
  if (!file) throw new Error(`${path} gave no result`);
  return file;
}
