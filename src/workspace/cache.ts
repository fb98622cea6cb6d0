import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DigestIndex } from './digest-index.js';
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

  constructor(
    private readonly folder: string,
    private readonly runKey: string,
    private readonly asOf: string,
  ) {
    this.digests = new DigestIndex(folder);
  }

  /** The key of a page's result: its content's digest and its path relative to the policy, in this run. */
  keyOf(digest: string, policyPath: string): string {
    return hash(this.runKey, policyPath, digest);
  }

  get(key: string): Omit<FileResult, 'path'> | undefined {
    const entry = this.#read(key);
    if (entry && 'dependsOnAsOf' in entry) return this.#read(hash(key, this.asOf)) as FileResult | undefined;
    return entry;
  }

  async set(key: string, result: FileResult, dependsOnAsOf: boolean): Promise<void> {
    const { path: _, ...stored } = result;
    if (!dependsOnAsOf) return this.#write(key, stored);
    await this.#write(key, { dependsOnAsOf: true });
    await this.#write(hash(key, this.asOf), stored);
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
