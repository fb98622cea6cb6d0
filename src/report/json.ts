import type { CheckResult } from '../workspace/result.js';
import { boundResult, evidenceLimit } from './bound.js';
import { coalesce, joinChunks, jsonPieces, type ReportChunks } from './chunks.js';
import type { ReportOptions } from './options.js';

/**
 * The stable machine format: the result object as it is, versioned, but for evidence: each finding
 * and holder lists its first `maxEvidence` items, and `evidenceCount` gives them all when some are
 * left out (a page repeating one credit 200,000 times made a report of 90 MB).
 */
export function formatJson(result: CheckResult, options: Partial<ReportOptions> = {}): string {
  return joinChunks(jsonChunks(result, options));
}

/** The JSON report in chunks, a file's findings at a time: no one string holds a large result. */
export function* jsonChunks(result: CheckResult, options: Partial<ReportOptions> = {}): ReportChunks {
  // Four levels open (result, files, a file, its findings and holders): one piece per finding.
  // A bounded file shares all but its cut evidence lists with the result, so the copy costs little.
  yield* coalesce(jsonPieces(boundResult(result, evidenceLimit(options.maxEvidence)), 4));
  yield '\n';
}
