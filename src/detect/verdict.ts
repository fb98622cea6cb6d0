import type { CompiledExclusion } from '../catalogue/compile.js';
import type { Region } from '../document/region.js';
import type { Evidence } from './evidence.js';

/**
 * What detection made of one candidate match, as facts (a trace turns them into prose): kept as
 * evidence, or dropped, and why. A candidate may be judged twice: found by a signal (`matched`),
 * then proven or dropped with its holder (holders.ts); the last verdict stands.
 */
export type Verdict =
  /** Found and not excluded: evidence, until its holder is judged. */
  | { kept: true; why: 'matched' }
  /** Its kind is proven: by itself (strong) or with another weak signal of its holder and kind. */
  | { kept: true; why: 'proven' }
  /** Proven, but every piece of its holder's evidence stands in page furniture. */
  | { kept: true; why: 'aside' }
  /** It overlaps a match of one of its holder's exclusions (a citation, a collision). */
  | { kept: false; why: 'excluded'; reason: CompiledExclusion['reason']; text: string }
  /** Another candidate of the same holder already covers this text. */
  | { kept: false; why: 'duplicate'; of: Evidence }
  /** A credit line names a holder for a kind of content it does not have. */
  | { kept: false; why: 'no-kind' }
  /** A lone weak signal: it proves its kind only with another one. */
  | { kept: false; why: 'weak'; needed: number }
  /** The page's publisher is the holder: its own content, not reuse. */
  | { kept: false; why: 'first-party' };

/**
 * Called for every candidate match when tracing, with the region it was found in the first time.
 * Detection that is not traced passes none, and builds no candidate it would drop.
 */
export type Recorder = (candidate: Evidence, verdict: Verdict, region?: Region) => void;
