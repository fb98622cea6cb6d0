import type { Point, Position } from 'unist';
import { location } from 'vfile-location';

/** The positions of spans of `source`, with their lines and columns (vfile-location, as page.ts counts them). */
export function spansIn(source: string): (from: number, to: number) => Position {
  const place = location(source);
  const pointAt = (offset: number): Point => ({ line: 1, column: 1, ...place.toPoint(offset), offset });
  return (from, to) => ({ start: pointAt(from), end: pointAt(to) });
}
