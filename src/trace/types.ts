import type { ContentKind, SignalType } from '../catalogue/schema.js';
import type { DateSource } from '../document/facts.js';
import type { PageFormat } from '../document/format.js';
import type { RegionKind } from '../document/region.js';
import type { FileResult, Finding, HolderEntry } from '../workspace/result.js';

/** What detection made of a candidate: the verdict's code (see detect/verdict.ts). */
export type VerdictCode = 'matched' | 'proven' | 'aside' | 'excluded' | 'duplicate' | 'no-kind' | 'weak' | 'first-party';

/** The block of text a candidate stands in, and where that block stands on the page. */
export interface TracedRegion {
  /** Its place among the page's regions, in the order the page was read. */
  index: number;
  kind: Exclude<RegionKind, 'lead'>;
  field?: string;
  line: number;
  column: number;
  /** The element the block starts in, as a path of selector steps (`td#story > p`). */
  container?: string;
  isInStory: boolean;
  isAside: boolean;
}

/** One candidate match: the evidence it would be, where it stands, and whether it was kept. */
export interface TracedCandidate {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  holder: string;
  /** `holder/signal-id`, or the shape of line that named the holder (`afp/credit-line`). */
  signal: string;
  type: SignalType;
  kind: ContentKind;
  /** The confidence a signal carries: one strong signal proves its kind, weak ones need a second. */
  strength: 'strong' | 'weak';
  text: string;
  restrictions?: string[];
  region: TracedRegion;
  kept: boolean;
  verdict: VerdictCode;
  /** The verdict in plain words: "excluded as a citation ("told Reuters")". */
  reason: string;
}

/** The facts the document layer read from a page, which decide what is looked for where. */
export interface PageSummary {
  format: PageFormat;
  encoding: string;
  published: { date: string; source: DateSource } | null;
  /** The names the page gives its own publisher (og:site_name, JSON-LD publisher ...). */
  publishers: string[];
  /** How many regions of each kind the page was read into. */
  regions: Partial<Record<Exclude<RegionKind, 'lead'>, number>>;
  /** Whether some block was found to stand inside the story (an article, or the densest text). */
  hasStory: boolean;
  /**
   * How much of the page `check` reads: everything, only its notices, or nothing (it names no
   * holder); the trace always reads it whole.
   */
  prefilter: 'everything' | 'notices' | 'nothing';
}

/** Everything detection did on one page, and what `check` reports for it. */
export interface PageTrace {
  /** The page, relative to the policy's folder (the working folder for the built-in policy), as `check` names it. */
  path: string;
  /** The policy file, relative to the working folder; null for the built-in policy. */
  policy: string | null;
  page: PageSummary;
  /** What `check` does with the page: scans it, or skips it (with the reason). */
  check: { status: FileResult['status']; reason?: string };
  /** Every candidate match, in source order. */
  candidates: TracedCandidate[];
  /** The holders detection proves, as `check` lists them. */
  holders: HolderEntry[];
  /** `check`'s findings for the page. */
  findings: Finding[];
}
