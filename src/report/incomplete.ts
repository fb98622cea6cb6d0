import type { CheckResult } from '../workspace/result.js';

/**
 * Why a run's analysis is not complete, if it is not: an audit stopped before its end, or a run
 * that met pages and checked none of them (each skipped or unreadable). Reports that could
 * otherwise read as a clean pass (SARIF's empty results, JUnit's skipped cases) say it as the
 * run's own failure. A run with nothing to check (a pull request that changes no page) is complete.
 */
export function incompleteness({ interrupted, files, summary }: CheckResult): string | undefined {
  if (interrupted) return `The audit was interrupted after ${files.length} page${files.length === 1 ? '' : 's'}: the pages it had yet to check are in no result.`;
  if (files.length > 0 && summary.scanned === 0) return `No page was checked: ${summary.skipped} skipped, ${summary.errored} could not be read.`;
  return undefined;
}
