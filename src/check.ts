import { relative, resolve, sep } from 'node:path';
import { findPolicyFile } from './config/find.js';
import { defaultPolicy, loadPolicy, type Policy } from './config/policy.js';
import { applyBaseline, readBaseline, writeBaseline } from './baseline.js';
import { changedSince } from './changed.js';
import { checkTarget } from './check-page.js';
import { UsageError } from './errors.js';
import { findTargets } from './files.js';
import { buildPrefilter } from './prefilter.js';
import { today } from './policy/dates.js';
import type { CheckResult, FileResult } from './result.js';

/** What to check, as the command line or a script says it. */
export interface CheckOptions {
  /** Files and folders to check; the working folder when empty. */
  paths?: readonly string[];
  cwd?: string;
  /** The policy file; found from the first path upward when absent. */
  config?: string;
  /** The day to judge retention by, `YYYY-MM-DD`; today when absent. */
  asOf?: string;
  /** Check only files changed since this git ref, and untracked ones. */
  changedSince?: string;
  /** A baseline file: the findings it records are marked suppressed. */
  baseline?: string;
  /** Rewrite the baseline with this run's findings (pruning what no longer matches). */
  updateBaseline?: boolean;
  /** Skip the parser for pages that name no holder and carry no foreign notice (default true). */
  prefilter?: boolean;
}

/** Checks pages against the policy and returns the result the JSON format prints. */
export async function check(options: CheckOptions = {}): Promise<CheckResult> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const paths = options.paths && options.paths.length > 0 ? options.paths : ['.'];
  const asOf = options.asOf ?? today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) {
    throw new UsageError(`Cannot use --as-of \`${asOf}\`: expected a date such as 2025-06-30`);
  }
  if (options.updateBaseline && !options.baseline) throw new UsageError('Cannot update the baseline: name it with --baseline FILE');
  const policy = await resolvePolicy(options, paths, cwd);
  let targets = await findTargets(paths, policy, cwd);
  if (options.changedSince) {
    const changed = await changedSince(options.changedSince, cwd);
    targets = targets.filter((target) => changed.has(target.absolute));
  }
  const run = {
    policy,
    asOf,
    displayPath: (absolute: string) => relative(cwd, absolute).split(sep).join('/'),
    ...(options.prefilter === false ? {} : { prefilter: buildPrefilter(policy.catalogue, { notices: isNoticeRuleOn(policy) }) }),
  };
  const files: FileResult[] = [];
  for (const target of targets) files.push(await checkTarget(target, run));
  if (options.baseline) {
    const file = resolve(cwd, options.baseline);
    if (options.updateBaseline) await writeBaseline(file, files);
    applyBaseline(files, await readBaseline(file, options.baseline), options.baseline);
  }
  return { version: 1, files, summary: summarise(files, asOf, policy, cwd) };
}

/** Whether `unknown-notice` can report anywhere: the prefilter then looks for notices too. */
function isNoticeRuleOn(policy: Policy): boolean {
  const overrides = policy.spec.overrides.flatMap((o) => o.rules['unknown-notice'] ?? []);
  return [policy.spec.rules['unknown-notice'] ?? 'warning', ...overrides].some((setting) => setting !== 'off');
}

async function resolvePolicy(options: CheckOptions, paths: readonly string[], cwd: string): Promise<Policy> {
  if (options.config) return loadPolicy(options.config, cwd);
  const found = await findPolicyFile(resolve(cwd, paths[0] ?? '.'));
  return found ? loadPolicy(found, cwd) : defaultPolicy(cwd);
}

function summarise(files: readonly FileResult[], asOf: string, policy: Policy, cwd: string): CheckResult['summary'] {
  const all = files.flatMap((file) => file.findings);
  const findings = all.filter((f) => !f.suppression);
  return {
    files: files.length,
    scanned: files.filter((f) => f.status === 'scanned').length,
    skipped: files.filter((f) => f.status === 'skipped').length,
    errored: files.filter((f) => f.status === 'error').length,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    suppressed: all.length - findings.length,
    asOf,
    policy: policy.file ? relative(cwd, policy.file).split(sep).join('/') : null,
  };
}
