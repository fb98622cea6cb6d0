import { fileFinding } from '../rules/finding.js';
import { unscannableFile, unscannableSeverity } from '../rules/unscannable-file.js';
import type { FileResult } from '../workspace/result.js';
import type { Run } from './run.js';

/** A file that could not be checked: its status and reason, and the `unscannable-file` finding. */
export function unscannable(path: string, status: 'skipped' | 'error', reason: string, policyPath: string, run: Run): FileResult {
  const severity = unscannableSeverity(run.policy, policyPath);
  const findings = severity === 'off' ? [] : [fileFinding(unscannableFile, severity, `Cannot check this file: ${reason}`, policyPath)];
  return { path, status, reason, holders: [], findings };
}
