import { isCi } from '../ci.js';
import { minimatch } from 'minimatch';
import type { Policy } from '../config/policy.js';
import type { Severity } from '../config/schema.js';
import { severityFor } from '../config/severity.js';
import type { RuleMeta } from './rule.js';

/**
 * A file that could not be checked (unreadable, a broken link, binary, over the size limit, or
 * failing while checked). A warning by default; an error in CI (`CI` set), where a green build
 * must mean every page was read.
 */
export const unscannableFile: RuleMeta = {
  id: 'unscannable-file',
  description: 'A file that could not be checked: unreadable, binary, too large, or failing.',
  defaultSeverity: 'warning',
};

/** The rule's severity for a path: as the policy sets it, else an error in CI and a warning elsewhere. */
export function unscannableSeverity(policy: Policy, policyPath: string, env: Record<string, string | undefined> = process.env): Severity {
  const isSet = policy.spec.rules[unscannableFile.id] !== undefined ||
    policy.spec.overrides.some((o) => o.rules[unscannableFile.id] !== undefined && o.files.some((glob) => minimatch(policyPath, glob, { dot: true })));
  if (!isSet && isCi(env)) return 'error';
  return severityFor(unscannableFile, policy, policyPath);
}
