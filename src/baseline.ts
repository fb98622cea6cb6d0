import { readFile } from 'node:fs/promises';
import { UsageError } from './errors.js';
import type { FileResult, Finding } from './result.js';
import { writeAtomic } from './write-atomic.js';

/** One accepted finding in a baseline file: enough to review it, matched by fingerprint alone. */
export interface BaselineEntry {
  path: string;
  ruleId: string;
  holder?: string;
  message: string;
  fingerprint: string;
}

interface BaselineFile {
  version: 1;
  entries: BaselineEntry[];
}

/**
 * Reads a baseline: the fingerprints of findings accepted when rightslint was adopted. A missing
 * file is an empty baseline (the first `--update-baseline` creates it); a malformed one is an error.
 * `shown` is the file as the user named it, for messages.
 */
export async function readBaseline(file: string, shown: string): Promise<Set<string>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Set();
    throw new UsageError(`Cannot read baseline \`${shown}\`: ${(error as Error).message}`, { cause: error });
  }
  try {
    const parsed = JSON.parse(text) as Partial<BaselineFile>;
    if (parsed.version !== 1 || !Array.isArray(parsed.entries)) throw new Error('expected { "version": 1, "entries": [...] }');
    return new Set(parsed.entries.map((entry) => String(entry.fingerprint)));
  } catch (error) {
    throw new UsageError(`Cannot read baseline \`${shown}\`: ${(error as Error).message}`, { cause: error });
  }
}

/** Marks findings whose fingerprint is in the baseline as suppressed externally. */
export function applyBaseline(files: FileResult[], fingerprints: ReadonlySet<string>, file: string): void {
  for (const entry of files) {
    entry.findings = entry.findings.map((finding): Finding =>
      !finding.suppression && fingerprints.has(finding.fingerprint)
        ? { ...finding, suppression: { kind: 'external', justification: `accepted in baseline ${file}` } }
        : finding,
    );
  }
}

/**
 * Writes the baseline for a run's files: every finding not suppressed in the page, sorted so the file
 * reviews well in a diff. Entries that no longer match anything are thereby pruned.
 */
export async function writeBaseline(file: string, files: readonly FileResult[]): Promise<void> {
  const entries: BaselineEntry[] = files
    .flatMap(({ path, findings }) => findings
      .filter((finding) => finding.suppression?.kind !== 'inSource')
      .map((finding) => ({
        path,
        ruleId: finding.ruleId,
        ...(finding.holder ? { holder: finding.holder } : {}),
        message: finding.message,
        fingerprint: finding.fingerprint,
      })))
    .sort((a, b) => compare(a.path, b.path) || compare(a.ruleId, b.ruleId) || compare(a.fingerprint, b.fingerprint));
  const unique = entries.filter((entry, i) => i === 0 || entry.fingerprint !== entries[i - 1]?.fingerprint);
  await writeAtomic(file, `${JSON.stringify({ version: 1, entries: unique } satisfies BaselineFile, null, 2)}\n`);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
