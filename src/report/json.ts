import type { CheckResult } from '../result.js';

/** The stable machine format: the result object as it is, versioned. */
export function formatJson(result: CheckResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
