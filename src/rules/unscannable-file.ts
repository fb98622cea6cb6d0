import type { Policy } from '../config/policy.js';
import type { Severity } from '../config/schema.js';
import { severityFor } from '../policy/severity.js';
import { type RuleMeta, ruleMeta } from './meta.js';

/**
 * A file that should have been checked and was not (unreadable, a broken link, binary, over the
 * size limit, timed out or failing while checked, or named outside the policy's folder). An error
 * by default, in CI and on a desk alike: a green build must mean every page was read. A policy may
 * lower it (`rules: { unscannable-file: warning }`).
 */
export const unscannableFile: RuleMeta = ruleMeta('unscannable-file');

/** The rule's severity for a path: its default (error), then what the policy and its overrides say. */
export function unscannableSeverity(policy: Policy, policyPath: string): Severity {
  return severityFor(unscannableFile, policy, policyPath);
}
