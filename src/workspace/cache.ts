import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DigestIndex } from './digest-index.js';
import { PathTable } from './path-table.js';
import type { FileResult } from './result.js';
import { writeAtomic } from './write-atomic.js';

/** An entry that says: this page's result depends on the day it is judged, look under that day. */
interface DayDependent {
  dependsOnAsOf: true;
}

/**
 * Results of earlier runs, keyed by the page's content hash, its path relative to the policy, and
 * the run's key (tool version, effective policy, catalogue); never by modification time, so a
 * restored cache folder in CI is as good as a local one. A result that depends on the day it is
 * judged (no publication date, or a retention licence) is stored under that day as well.
 */
export class ResultCache {
  /** The digests of files as earlier runs read them, by their metadata. */
  readonly digests: DigestIndex;
  /**
   * The result each file had when last checked or looked up, by its absolute path, in one file of
   * the cache folder: a run over an unchanged tree reads it once instead of one file a page (a
   * tenth of a warm run's time on a thousand pages). An entry answers only for the key it was
   * stored under, and the day where the result depends on it, so it is never a wrong answer: one
   * left by a file since changed, or overwritten by another run sharing the folder, costs a lookup
   * among the results by key. There is one entry a file, as in the digest index.
   */
  readonly #lastResults: PathTable<LastResult>;
  #isByFile = false;

  constructor(
    private readonly folder: string,
    private readonly runKey: string,
    private readonly asOf: string,
  ) {
    this.digests = new DigestIndex(folder);
    this.#lastResults = new PathTable(join(folder, LAST_RESULTS), isLastResult, (a, b) => a[0] === b[0] && a[1] === b[1]);
  }

  /** The key of a page's result: its content's digest and its path relative to the policy, in this run. */
  keyOf(digest: string, policyPath: string): string {
    return hash(this.runKey, policyPath, digest);
  }

  /**
   * Tells the cache how many files the run looks up. The last results of files are read and kept
   * only for a run of at least `LAST_RESULTS_FILES`: for a few files, such as those a pull request
   * changed, reading the last results of a whole site would cost more than reading those few
   * results by key.
   */
  expectFiles(count: number): void {
    this.#isByFile = count >= LAST_RESULTS_FILES;
  }

  /**
   * The result stored under `key`, if any. Given the `file` it is of (absolute), in a run of many
   * files, it is looked for first among the last results of files, read in one file rather than one a page.
   */
  get(key: string, file?: string): Omit<FileResult, 'path'> | undefined {
    const byFile = this.#isByFile ? file : undefined;
    const last = byFile === undefined ? undefined : this.#lastResults.get(byFile);
    if (last && last[0] === key && (last[1] === null || last[1] === this.asOf)) return last[2];
    const entry = this.#read(key);
    const isOfDay = entry !== undefined && 'dependsOnAsOf' in entry;
    const result = isOfDay ? (this.#read(hash(key, this.asOf)) as FileResult | undefined) : entry;
    if (result && byFile !== undefined) this.#lastResults.set(byFile, [key, isOfDay ? this.asOf : null, result]);
    return result;
  }

  /** Stores the result of a page under `key`, and in a run of many files as the last result of its `file` (absolute), if given. */
  async set(key: string, result: FileResult, dependsOnAsOf: boolean, file?: string): Promise<void> {
    const { path: _, ...stored } = result;
    if (file !== undefined && this.#isByFile) this.#lastResults.set(file, [key, dependsOnAsOf ? this.asOf : null, stored]);
    if (!dependsOnAsOf) return this.#write(key, stored);
    await this.#write(key, { dependsOnAsOf: true });
    await this.#write(hash(key, this.asOf), stored);
  }

  /** Writes what this run added to the digest index and to the last results of files. */
  async save(): Promise<void> {
    await Promise.all([this.digests.save(), this.#lastResults.save()]);
  }

  // A lookup reads in one call: a warm run is as many lookups as files, and the thread pool's
  // round trips would cost more than the reading.
  #read(key: string): Omit<FileResult, 'path'> | DayDependent | undefined {
    let entry: unknown;
    try {
      entry = JSON.parse(readFileSync(this.#file(key), 'utf8'));
    } catch {
      return undefined; // a missing or damaged entry is a miss
    }
    // So is one of another shape (written by hand, or by another program): the page is checked again.
    return isDayDependent(entry) || isStoredResult(entry) ? entry : undefined;
  }

  async #write(key: string, value: unknown): Promise<void> {
    await mkdir(join(this.folder, key.slice(0, 2)), { recursive: true });
    await writeAtomic(this.#file(key), JSON.stringify(value));
  }

  #file(key: string): string {
    return join(this.folder, key.slice(0, 2), `${key}.json`);
  }
}

const LAST_RESULTS = 'last-results.json';
/** How many files a run looks up before it reads the last results of files (see `ResultCache.expectFiles`). */
const LAST_RESULTS_FILES = 200;

/** The last result of a file: the key it is stored under, the day it was judged as of where it depends on it, and the result. */
type LastResult = [key: string, asOf: string | null, result: Omit<FileResult, 'path'>];

function isLastResult(value: unknown): value is LastResult {
  return Array.isArray(value) && value.length === 3 && typeof value[0] === 'string' && (value[1] === null || typeof value[1] === 'string') && isStoredResult(value[2]);
}

/** What a cache key holds of a file's content: its hex SHA-256. */
export function contentDigest(content: Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isArrayOf = (value: unknown, isItem: (item: unknown) => boolean): boolean => Array.isArray(value) && value.every(isItem);

function isDayDependent(entry: unknown): entry is DayDependent {
  return isObject(entry) && entry.dependsOnAsOf === true;
}

/** Whether an entry has the shape of a stored result, down to what reports read of it. */
function isStoredResult(entry: unknown): entry is Omit<FileResult, 'path'> {
  if (!isObject(entry) || !['scanned', 'skipped', 'error'].includes(entry.status as string)) return false;
  const isEvidence = (item: unknown) => isObject(item) && typeof item.signal === 'string' && typeof item.text === 'string' && typeof item.line === 'number' && typeof item.column === 'number';
  const isHolder = (item: unknown) => isObject(item) && typeof item.holder === 'string' && isArrayOf(item.kinds, (kind) => typeof kind === 'string') && isArrayOf(item.evidence, isEvidence);
  const isFinding = (item: unknown) =>
    isObject(item) && typeof item.ruleId === 'string' && typeof item.message === 'string' && typeof item.severity === 'string'
    && typeof item.line === 'number' && typeof item.column === 'number' && typeof item.fingerprint === 'string' && isArrayOf(item.evidence, isEvidence);
  return isArrayOf(entry.holders, isHolder) && isArrayOf(entry.findings, isFinding);
}

/** A hex SHA-256 of the parts, separated so that no two lists of parts collide. */
export function hash(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}
