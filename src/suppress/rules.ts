import type { RuleMeta } from '../rules/rule.js';

/** A suppression comment without a reason, or naming a rule that does not exist. */
export const invalidSuppression: RuleMeta = {
  id: 'invalid-suppression',
  description: 'A suppression comment without a reason, or naming an unknown rule.',
  defaultSeverity: 'error',
};

/** A suppression comment that accepts no finding: stale, or in the wrong place. */
export const unusedSuppression: RuleMeta = {
  id: 'unused-suppression',
  description: 'A suppression comment that matches no finding.',
  defaultSeverity: 'warning',
};
