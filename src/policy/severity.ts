import { minimatch } from 'minimatch';
import type { RuleMeta } from '../rules/meta.js';
import type { Policy } from '../config/policy.js';
import type { Severity } from '../config/schema.js';

/** A rule's severity for a path: its default, then `rules`, then each matching override in order. */
export function severityFor(rule: RuleMeta, policy: Policy, policyPath: string): Severity {
  let severity: Severity = policy.spec.rules[rule.id] ?? rule.defaultSeverity;
  for (const override of policy.spec.overrides) {
    const setting = override.rules[rule.id];
    if (setting && override.files.some((glob) => minimatch(policyPath, glob, { dot: true }))) severity = setting;
  }
  return severity;
}
