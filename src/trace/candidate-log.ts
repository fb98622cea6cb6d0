import type { Evidence } from '../detect/evidence.js';
import type { Recorder, Verdict } from '../detect/verdict.js';
import type { Page } from '../document/page.js';
import type { Region } from '../document/region.js';
import type { TracedCandidate, TracedRegion } from './types.js';

/**
 * Collects what detection says of each candidate (detection calls `record`); the last verdict of
 * a candidate stands, and the region it was first found in is where it is shown.
 */
export class CandidateLog {
  readonly #entries = new Map<Evidence, { verdict: Verdict; region: Region | undefined }>();

  readonly record: Recorder = (candidate, verdict, region) => {
    const entry = this.#entries.get(candidate);
    if (entry) entry.verdict = verdict;
    else this.#entries.set(candidate, { verdict, region });
  };

  /** Where the candidates' blocks start in the source: the places whose containers a trace names. */
  regionStarts(): number[] {
    return [...this.#entries].map(([item, { region }]) => region?.offsets[0] ?? item.start);
  }

  /**
   * The candidates with their positions and verdicts in words, in source order, then as found;
   * `containers` names the element each block starts in, by source offset.
   */
  candidates(page: Page, containers: ReadonlyMap<number, string> = new Map()): TracedCandidate[] {
    const indexOf = new Map(page.regions.map((region, i) => [region, i]));
    // Sorting is stable: at one place, a signal's hit comes before the credit line it doubles.
    const entries = [...this.#entries].sort(([a], [b]) => a.start - b.start);
    return entries.map(([item, { verdict, region }]) => {
      const start = page.toPoint(item.start);
      const end = page.toPoint(item.end);
      return {
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        holder: item.holder,
        signal: item.signal,
        type: item.type,
        kind: item.kind,
        strength: item.strength,
        text: item.text,
        ...(item.restrictions ? { restrictions: item.restrictions } : {}),
        region: tracedRegion(item, region, region ? indexOf.get(region) : undefined, page, containers),
        kept: verdict.kept,
        verdict: verdict.why,
        reason: reasonFor(item, verdict, page),
      };
    });
  }
}

function tracedRegion(item: Evidence, region: Region | undefined, index: number | undefined, page: Page, containers: ReadonlyMap<number, string>): TracedRegion {
  const start = region?.offsets[0] ?? item.start;
  const { line, column } = page.toPoint(start);
  const container = containers.get(start);
  return {
    index: index ?? -1,
    kind: item.region,
    ...(item.field ? { field: item.field } : {}),
    line,
    column,
    ...(container ? { container } : {}),
    isInStory: region?.isInStory === true,
    isAside: region?.isAside === true,
  };
}

const EXCLUSIONS: Record<Extract<Verdict, { why: 'excluded' }>['reason'], string> = {
  citation: 'a citation',
  collision: 'a name collision',
  'first-party': "the holder's own",
};

/** A verdict in the words a user reads in the trace. */
function reasonFor(item: Evidence, verdict: Verdict, page: Page): string {
  switch (verdict.why) {
    case 'matched':
      return 'found, its holder not judged';
    case 'proven':
      return item.strength === 'strong'
        ? `strong: proves ${item.holder} ${item.kind} content`
        : `weak: proves ${item.holder} ${item.kind} content with another weak signal`;
    case 'aside':
      return 'aside: only in page furniture (judged at the policy\'s `asides` severity)';
    case 'excluded':
      return `excluded as ${EXCLUSIONS[verdict.reason]} ("${verdict.text}")`;
    case 'duplicate': {
      const { line, column } = page.toPoint(verdict.of.start);
      return `duplicate of ${verdict.of.signal} at ${line}:${column}`;
    }
    case 'no-kind':
      return `${item.holder} has no ${item.kind} content`;
    case 'weak':
      return `weak: one weak signal proves nothing, ${verdict.needed === 2 ? 'two' : verdict.needed} are needed`;
    case 'first-party':
      return "first party: the page's publisher is the holder";
  }
}
