import { VERSION } from '../index.js';
import type { ReportOptions } from '../report/index.js';
import { wholeNumber, type OptionSpec } from './args.js';
import type { Io } from './io.js';

/** `--max-evidence`, for the commands that write reports from a result (check, merge). */
export const REPORT_OPTIONS = {
  'max-evidence': { type: 'string', value: 'N', description: 'Evidence listed per finding (default 20, or `all`)' },
} as const satisfies Record<string, OptionSpec>;

/**
 * What every reporter is given but colour, which depends on where each report goes. Read before
 * any page is checked, so a mistyped number costs no scan. The github format makes its paths
 * relative to `GITHUB_WORKSPACE`, the checkout GitHub attaches annotations to.
 */
export function reportOptions(maxEvidence: string | undefined, io: Io): Omit<ReportOptions, 'color'> {
  return {
    version: VERSION,
    maxEvidence: maxEvidence === undefined ? undefined : evidenceLimit(maxEvidence),
    workspace: (io.env ?? process.env).GITHUB_WORKSPACE,
  };
}

/**
 * `--max-evidence`'s value: a whole number from 0, or `all`. `all` is a word rather than
 * `Infinity`, which reads as a number to write; it lists everything the result holds, which is at
 * most 1,000 pieces a finding (a result keeps no more, and counts the rest).
 */
function evidenceLimit(text: string): number {
  if (text.trim() === 'all') return Infinity;
  return wholeNumber('--max-evidence', text, 0, 'or `all`');
}
