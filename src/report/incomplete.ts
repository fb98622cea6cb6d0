import type { CheckResult } from '../workspace/result.js';

/**
 * Why a run's analysis is not complete, if it is not: an audit stopped before its end (interrupted,
 * or at `--max-pages` with pages found and not visited), or a run that met pages and checked none
 * of them (each skipped or unreadable). Reports that could
 * otherwise read as a clean pass (SARIF's empty results, JUnit's skipped cases) say it as the
 * run's own failure. A run with nothing to check (a pull request that changes no page) is complete.
 */
export function incompleteness({ interrupted, unvisited, files, summary }: CheckResult): string | undefined {
  if (interrupted) return `The audit was interrupted after ${files.length} page${files.length === 1 ? '' : 's'}: the pages it had yet to check are in no result.`;
  if (unvisited !== undefined && unvisited > 0) return `The audit stopped at --max-pages with ${unvisited} page${unvisited === 1 ? '' : 's'} found and not visited: the site holds more than the ${files.length} in this result.`;
  if (files.length > 0 && summary.scanned === 0) return `No page was checked: ${summary.skipped} skipped, ${summary.errored} could not be read.`;
  return undefined;
}
