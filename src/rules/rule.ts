import type { ContentKind } from '../catalogue/schema.js';
import type { Policy } from '../config/policy.js';
import type { Evidence, HolderDetection } from '../detect/evidence.js';
import type { Notice } from '../detect/notices.js';
import type { Page } from '../document/page.js';
import type { CoverageQuery } from '../policy/coverage.js';
import type { RuleMeta } from './meta.js';

/** Everything a rule may look at for one page: facts from detectors, and the policy. */
export interface RuleContext {
  page: Page;
  /** The page's path relative to the policy file, with forward slashes (what licence globs match). */
  policyPath: string;
  detections: readonly HolderDetection[];
  notices: readonly Notice[];
  policy: Policy;
  /** The date the page is judged on: its publication date, or `asOf` when it has none. */
  date: string;
  /** The day of the check (`--as-of`), for retention. */
  asOf: string;
}

/** What a rule reports; `createFinding` turns it into a finding with position and metadata. */
export interface RuleReport {
  message: string;
  /** Source offsets the finding points at. */
  start: number;
  end: number;
  holder?: string;
  kinds?: ContentKind[];
  license?: string;
  evidence: Evidence[];
  expected?: string;
  /** The holder was seen only in page furniture: the policy's `asides` severity applies. */
  isAside?: boolean;
}

/** What a finding's message adds when its holder was seen only in page furniture. */
export const ASIDE = ' (only in page furniture: a teaser, a related-story rail, a gallery)';

/** A rule on a page's content: its description beside its logic, as ESLint rules carry their `meta`. */
export interface Rule extends RuleMeta {
  check(context: RuleContext): RuleReport[];
}

/** The coverage question for one holder and kind on the page the context is about. */
export function coverageQuery(context: RuleContext, holder: string, kind: ContentKind): CoverageQuery {
  return {
    licenses: context.policy.spec.licenses,
    holder,
    kind,
    path: context.policyPath,
    holdersOnPage: new Set(context.detections.map((d) => d.holder)),
  };
}
