import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The shared corpus of real pages sits beside a developer's checkout (and CI's), not in a user's
// clone: tests that read it are skipped where it is absent.
const FOLDER = join(import.meta.dirname, '../../../shared/corpus');

/** The folder of the shared corpus's pages. */
export const CORPUS = join(FOLDER, 'pages');

/** Whether the shared corpus is beside this checkout. */
export const hasCorpus = existsSync(CORPUS);

/** How many pages the corpus labels: it grows, so tests count its labels instead of naming a number. */
export function labelledPageCount(): number {
  return (JSON.parse(readFileSync(join(FOLDER, 'labels.json'), 'utf8')) as { pages: unknown[] }).pages.length;
}
