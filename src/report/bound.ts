import type { CheckResult, EvidenceEntry, FileResult } from '../workspace/result.js';
import { DEFAULT_MAX_EVIDENCE } from './options.js';

/** Anything that lists evidence: a finding or a holder, maybe already bounded by an earlier report. */
interface WithEvidence {
  evidence: EvidenceEntry[];
  /** All the evidence there was, when `evidence` lists only the first of it. */
  evidenceCount?: number;
}

/** A finding or holder as a bounded report writes it: `evidenceCount` set when some evidence is left out. */
export type Bounded<T extends WithEvidence> = T & { evidenceCount?: number };

/** The evidence limit asked for: a whole number from 0, or `Infinity`; the default otherwise. */
export function evidenceLimit(maxEvidence: number | undefined): number {
  if (maxEvidence === undefined || Number.isNaN(maxEvidence) || maxEvidence < 0) return DEFAULT_MAX_EVIDENCE;
  return Math.floor(maxEvidence);
}

/**
 * How much evidence there was. A JSON result written by a bounded report (merged from shards, say)
 * lists only the first items and carries the true count in `evidenceCount`; trust whichever is larger.
 */
export function evidenceCount(entry: WithEvidence): number {
  const { evidenceCount: count } = entry as { evidenceCount?: unknown };
  return typeof count === 'number' && count > entry.evidence.length ? count : entry.evidence.length;
}

/** The evidence a report shows of an entry, and how many items it leaves out. */
export function shownEvidence(entry: WithEvidence, limit: number): { shown: EvidenceEntry[]; omitted: number } {
  const shown = entry.evidence.length > limit ? entry.evidence.slice(0, limit) : entry.evidence;
  return { shown, omitted: evidenceCount(entry) - shown.length };
}

/**
 * A copy of an entry with at most `limit` evidence items, the full count in `evidenceCount` right
 * after them; the entry itself when nothing is left out, so bounded output of a small page is
 * byte for byte what it was.
 */
export function boundEntry<T extends WithEvidence>(entry: T, limit: number): Bounded<T> {
  const { shown, omitted } = shownEvidence(entry, limit);
  if (omitted === 0) return entry;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry)) {
    if (key === 'evidenceCount') continue;
    if (key !== 'evidence') copy[key] = value;
    else Object.assign(copy, { evidence: shown, evidenceCount: shown.length + omitted });
  }
  return copy as Bounded<T>;
}

/** A file's result with every finding's and holder's evidence bounded. */
export function boundFile(file: FileResult, limit: number): FileResult {
  const isCut = (entry: WithEvidence) => shownEvidence(entry, limit).omitted > 0;
  if (!file.findings.some(isCut) && !file.holders.some(isCut)) return file;
  return {
    ...file,
    holders: file.holders.map((holder) => boundEntry(holder, limit)),
    findings: file.findings.map((finding) => boundEntry(finding, limit)),
  };
}

/** The result with every file bounded: what the JSON report writes. */
export function boundResult(result: CheckResult, limit: number): CheckResult {
  return { ...result, files: result.files.map((file) => boundFile(file, limit)) };
}

/** "… and 12,345 more": the line that says what a report left out. */
export function moreText(omitted: number): string {
  // Grouped by hand, not with toLocaleString, so that the output is the same in every locale.
  return `… and ${String(omitted).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} more`;
}
