import type { CheckResult } from '../workspace/result.js';

/**
 * Why a run's analysis is not complete, if it is not: an audit stopped before its end (interrupted,
 * or at `--max-pages` with pages found and not visited), or a run that met pages and checked none
 * of them (each skipped or unreadable). Reports that could
 * otherwise read as a clean pass (SARIF's empty results, JUnit's skipped cases) say it as the
 * run's own failure. A run with nothing to check (a pull request that changes no page) is complete.
 */
export function incompleteness({ interrupted, unvisited, summary }: RunCoverage): string | undefined {
  const { files } = summary;
  if (interrupted) return `The audit was interrupted after ${files} page${files === 1 ? '' : 's'}: the pages it had yet to check are in no result.`;
  if (unvisited !== undefined && unvisited > 0) return `The audit stopped at --max-pages with ${unvisited} page${unvisited === 1 ? '' : 's'} found and not visited: the site holds more than the ${files} in this result.`;
  if (files > 0 && summary.scanned === 0) return `No page was checked: ${summary.skipped} skipped, ${summary.errored} could not be read.`;
  return undefined;
}

/**
 * What a run's completeness is judged by: its pages' counts, and whether an audit stopped before
 * its end. A SARIF log keeps it in its invocation's properties, so that merged shards are judged
 * as a whole, as their JSON results are.
 */
export interface RunCoverage {
  summary: Pick<CheckResult['summary'], 'files' | 'scanned' | 'skipped' | 'errored'>;
  interrupted?: true | undefined;
  unvisited?: number | undefined;
}

/** A run's coverage alone, as SARIF keeps it. */
export function runCoverage({ summary: { files, scanned, skipped, errored }, interrupted, unvisited }: RunCoverage): RunCoverage {
  return { summary: { files, scanned, skipped, errored }, ...(interrupted ? { interrupted } : {}), ...(unvisited ? { unvisited } : {}) };
}
