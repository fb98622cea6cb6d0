import type { Severity } from '../config/schema.js';

/** What every rule says of itself: reports, `explain`, SARIF's rule list and the policy's `rules:` read it. */
export interface RuleMeta {
  id: string;
  description: string;
  defaultSeverity: Exclude<Severity, 'off'>;
}

/** Where a rule's documentation lives. */
export function docsUrl(id: string): string {
  return `https://github.com/rightslint/rightslint/blob/main/docs/rules/${id}.md`;
}

// Data only, sorted by id: the policy checker, the reporters and the command line read the rules
// from here without loading their logic, which itself reads the policy.
const META = [
  { id: 'invalid-suppression', description: 'A suppression comment without a reason, or naming an unknown rule.', defaultSeverity: 'error' },
  { id: 'license-expired', description: 'A page published after the licences that cover its agency content ended.', defaultSeverity: 'error' },
  { id: 'license-not-yet-valid', description: 'A page published before the licences that cover its agency content began.', defaultSeverity: 'error' },
  { id: 'missing-attribution', description: 'Licensed content on a page that lacks the credit line its licence requires.', defaultSeverity: 'error' },
  { id: 'retention-exceeded', description: 'A page kept online longer after publication than its licence allows.', defaultSeverity: 'warning' },
  { id: 'unknown-notice', description: 'A third-party copyright notice from an owner that is not in the holder catalogue.', defaultSeverity: 'warning' },
  { id: 'unlicensed-content', description: 'Content of a rights holder that no licence in the policy covers.', defaultSeverity: 'error' },
  { id: 'unscannable-file', description: 'A file that could not be checked: unreadable, binary, too large, or failing.', defaultSeverity: 'error' },
  { id: 'unused-suppression', description: 'A suppression comment that matches no finding.', defaultSeverity: 'warning' },
] as const satisfies readonly RuleMeta[];

/** A rule's id. */
export type RuleId = (typeof META)[number]['id'];

/** Every rule, content rules and the rules of suppressions and unchecked files alike, sorted by id. */
export const ALL_RULES: readonly RuleMeta[] = META;

/** One rule's metadata, for the module that holds its logic. */
export function ruleMeta(id: RuleId): RuleMeta {
  return ALL_RULES.find((rule) => rule.id === id) as RuleMeta;
}
