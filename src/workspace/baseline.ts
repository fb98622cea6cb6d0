import { readFile } from 'node:fs/promises';
import { UsageError } from '../errors.js';
import type { FileResult, Finding } from './result.js';
import { unscannableFile } from '../rules/unscannable-file.js';
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
  version: typeof BASELINE_VERSION;
  entries: BaselineEntry[];
}

/**
 * The version of the baseline's format, which says how its fingerprints were made. Version 1's
 * held a finding's evidence text alone, so it accepted any story under an accepted dateline;
 * version 2's hold the text after each piece of evidence too (src/rules/finding.ts).
 */
const BASELINE_VERSION = 2;

/** What an update did: the entries written, those new among them, and those dropped because they no longer match. */
export interface BaselineUpdate {
  entries: BaselineEntry[];
  /** The findings accepted by this update that the baseline did not hold, where the run found them: what a reviewer must see. */
  added: AcceptedFinding[];
  pruned: BaselineEntry[];
}

/** A finding newly accepted into the baseline, with the place in its page the entry does not keep. */
export interface AcceptedFinding {
  entry: BaselineEntry;
  line: number;
  column: number;
}

/**
 * Reads a baseline: the findings accepted when rightslint was adopted. A missing file is an empty
 * baseline (the first `--update-baseline` creates it); a malformed one is an error, raised before
 * any page is checked. `shown` is the file as the user named it, for messages. A version 1
 * baseline is read only to be updated (its entries, which match no finding now, are pruned and
 * listed); a run that would apply it is refused, as it would fail on every finding it accepted
 * with no word why.
 */
export async function readBaseline(file: string, shown: string, isUpdating = false): Promise<BaselineEntry[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new UsageError(`Cannot read baseline \`${shown}\`: ${(error as Error).message}`, { cause: error });
  }
  let baseline: { version: number; entries: BaselineEntry[] };
  try {
    baseline = parseBaseline(JSON.parse(text) as unknown);
  } catch (error) {
    throw new UsageError(`Cannot read baseline \`${shown}\`: ${(error as Error).message}`, { cause: error });
  }
  if (baseline.version === 1 && !isUpdating) {
    throw new UsageError(`Cannot use baseline \`${shown}\`: it was written by an earlier rightslint, whose fingerprints matched a finding by its evidence text alone (a new story under an accepted dateline passed); record it again with --update-baseline, and review what that lists as accepted`);
  }
  return baseline.entries;
}

function parseBaseline(parsed: unknown): { version: number; entries: BaselineEntry[] } {
  const { version, entries } = (parsed ?? {}) as { version?: unknown; entries?: unknown };
  if ((version !== 1 && version !== BASELINE_VERSION) || !Array.isArray(entries)) throw new Error(`expected { "version": ${BASELINE_VERSION}, "entries": [...] }`);
  entries.forEach((entry: unknown, i) => {
    const fields = (entry ?? {}) as Record<string, unknown>;
    const isEntry = typeof entry === 'object' && entry !== null &&
      ['path', 'ruleId', 'message', 'fingerprint'].every((key) => typeof fields[key] === 'string') &&
      (fields.holder === undefined || typeof fields.holder === 'string');
    if (!isEntry) throw new Error(`entry ${i} is not { "path", "ruleId", "message", "fingerprint" } of strings`);
  });
  return { version, entries: entries as BaselineEntry[] };
}

/**
 * Marks findings whose fingerprint is in the baseline as suppressed externally; never
 * `unscannable-file`, which an older baseline may hold: a page that was not checked fails the run.
 */
export function applyBaseline(files: FileResult[], entries: readonly BaselineEntry[], file: string): void {
  const fingerprints = new Set(entries.map((entry) => entry.fingerprint));
  for (const entry of files) {
    entry.findings = entry.findings.map((finding): Finding =>
      !finding.suppression && finding.ruleId !== unscannableFile.id && fingerprints.has(finding.fingerprint)
        ? { ...finding, suppression: { kind: 'external', justification: `accepted in baseline ${file}` } }
        : finding,
    );
  }
}

/** A file of a run as the baseline knows it: by its path relative to the policy's folder. */
export interface BaselineFileResult {
  /** Relative to the policy's folder, as fingerprints are: the same from whichever folder rightslint runs. */
  policyPath: string;
  result: FileResult;
}

/**
 * The baseline after a run. The entries of each page the run scanned are replaced by its findings
 * (but those suppressed in the page); the entries of every other file are kept as they were, as a
 * run that did not read a page knows nothing new about it. Only a run over the whole site
 * (`isFullRun`) prunes the entries of files it no longer finds at all (deleted, renamed, now
 * excluded). A page that could not be checked keeps its entries, and `unscannable-file` is never
 * recorded: a page nobody read cannot be accepted. Entries name files relative to the policy's
 * folder.
 */
export function updateBaseline(old: readonly BaselineEntry[], files: readonly BaselineFileResult[], isFullRun: boolean): BaselineUpdate {
  const scanned = new Set(files.filter(({ result }) => result.status === 'scanned').map((file) => file.policyPath));
  const present = new Set(files.map((file) => file.policyPath));
  const accepted = files
    .filter((file) => scanned.has(file.policyPath))
    .flatMap(({ policyPath, result }) => result.findings
      .filter((finding) => finding.suppression?.kind !== 'inSource' && finding.ruleId !== unscannableFile.id)
      .map((finding): AcceptedFinding => ({
        entry: {
          path: policyPath,
          ruleId: finding.ruleId,
          ...(finding.holder ? { holder: finding.holder } : {}),
          message: finding.message,
          fingerprint: finding.fingerprint,
        },
        line: finding.line,
        column: finding.column,
      })));
  const found = accepted.map((finding) => finding.entry);
  const isKept = (entry: BaselineEntry): boolean => !scanned.has(entry.path) && (!isFullRun || present.has(entry.path));
  // A finding found again replaces its old entry, wherever that entry said the file was.
  const entries = unique([...found, ...old.filter(isKept)]).sort(byPathRuleFingerprint);
  const written = new Set(entries.map((entry) => entry.fingerprint));
  const pruned = unique(old.filter((entry) => !written.has(entry.fingerprint))).sort(byPathRuleFingerprint);
  // In the run's order (by path, then place in the page), each fingerprint once.
  const seen = new Set(old.map((entry) => entry.fingerprint));
  const added = accepted.filter((finding) => !seen.has(finding.entry.fingerprint) && seen.add(finding.entry.fingerprint));
  return { entries, added, pruned };
}

/** Writes the baseline, sorted so that it reviews well in a diff. */
export async function writeBaseline(file: string, entries: readonly BaselineEntry[]): Promise<void> {
  await writeAtomic(file, `${JSON.stringify({ version: BASELINE_VERSION, entries: [...entries] } satisfies BaselineFile, null, 2)}\n`);
}

/** The first entry of each fingerprint. */
function unique(entries: readonly BaselineEntry[]): BaselineEntry[] {
  const seen = new Set<string>();
  return entries.filter((entry) => !seen.has(entry.fingerprint) && seen.add(entry.fingerprint));
}

function byPathRuleFingerprint(a: BaselineEntry, b: BaselineEntry): number {
  return compare(a.path, b.path) || compare(a.ruleId, b.ruleId) || compare(a.fingerprint, b.fingerprint);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
