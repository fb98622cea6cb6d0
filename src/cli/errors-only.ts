import { type CheckResult, summarise } from '../index.js';

/**
 * The result as `--quiet` shows it: errors only, as ESLint's `--quiet` does (its
 * `getErrorResults`). Warnings leave every format and the counts shown; the exit code is still
 * decided on the whole result, so `--max-warnings` still counts them, as in ESLint.
 */
export function errorsOnly(result: CheckResult): CheckResult {
  const files = result.files.map((file) => {
    const findings = file.findings.filter((finding) => finding.severity === 'error');
    return findings.length === file.findings.length ? file : { ...file, findings };
  });
  return { ...result, files, summary: summarise(files, result.summary.asOf, result.summary.policy) };
}
