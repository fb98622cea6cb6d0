import type { Catalogue } from '../../catalogue/compile.js';
import type { ContentKind, SignalType } from '../../catalogue/schema.js';
import type { Region } from '../../document/region.js';
import type { Named } from './parts.js';

/** A holder named in a region's text, from `from` to `to`, and what the line's shape makes of it. */
export interface Hit {
  holder: string;
  from: number;
  to: number;
  signal: 'credit-line' | 'source-line' | 'sign-off' | 'notice-line' | 'dateline';
  type: SignalType;
  /** Undefined: a photo, unless the line says video or graphic. */
  kind?: ContentKind;
  /** The region the name stands in, where it is not the region the shape read (a split notice). */
  region?: Region;
  /**
   * The shape read the whole sentence the name stands in ("From AFP reports."), so a holder's
   * exclusion of a citation that a word of it matches ("AFP reports that ...") does not apply.
   */
  isSentenceRead?: true;
}

/** What a shape knows beside its region: the catalogue, the block of text before it, and the regions right before and after it and the one before that. */
export interface ShapeContext {
  catalogue: Catalogue;
  previous: Region | undefined;
  before: Region | undefined;
  above: Region | undefined;
  next: Region | undefined;
}

/** A shape of line: the holders a region names, read as that shape. */
export type Shape = (region: Region, context: ShapeContext) => Hit[];

/** The hits of these names, as a shape reads them. */
export function hitsOf(
  named: readonly Named[],
  signal: Hit['signal'],
  type: SignalType,
  kind: ContentKind | undefined,
): Hit[] {
  return named.flatMap(({ holders, from, to, medium }) => holders.map((holder) => ({ holder, from, to, signal, type, kind: medium ?? kind })));
}

/** The first shape of these that finds anything in a block: one reading of a line, not several. */
export function firstOf(...shapes: Shape[]): Shape {
  return (region, context) => {
    for (const shape of shapes) {
      const hits = shape(region, context);
      if (hits.length > 0) return hits;
    }
    return [];
  };
}
