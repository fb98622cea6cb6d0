import type { CheckResult, FileResult } from './result.js';

/** The counts of a result: by status, and findings by severity (suppressed ones apart). */
export function summarise(files: readonly FileResult[], asOf: string, policy: string | null): CheckResult['summary'] {
  const all = files.flatMap((file) => file.findings);
  const findings = all.filter((f) => !f.suppression);
  return {
    files: files.length,
    scanned: files.filter((f) => f.status === 'scanned').length,
    skipped: files.filter((f) => f.status === 'skipped').length,
    errored: files.filter((f) => f.status === 'error').length,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    suppressed: all.length - findings.length,
    asOf,
    policy,
  };
}
