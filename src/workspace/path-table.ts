import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeAtomic } from './write-atomic.js';

/**
 * Values by file path, kept in one JSON file of the cache folder: read whole when first asked,
 * written whole (and atomically) when a run changed it. A value of another shape, or a table
 * missing or damaged, reads as absent: what it would have saved is worked out again.
 */
export class PathTable<V> {
  #entries: Map<string, V> | undefined;
  #isChanged = false;

  /** `isSame` tells a value set again unchanged, which leaves the table to write as it was. */
  constructor(
    private readonly file: string,
    private readonly isValue: (value: unknown) => value is V,
    private readonly isSame: (a: V, b: V) => boolean,
  ) {}

  get(path: string): V | undefined {
    return this.#read().get(path);
  }

  set(path: string, value: V): void {
    const entries = this.#read();
    const entry = entries.get(path);
    if (entry !== undefined && this.isSame(entry, value)) return;
    entries.set(path, value);
    this.#isChanged = true;
  }

  /** Writes the table, if this run changed it. */
  async save(): Promise<void> {
    if (!this.#isChanged) return;
    await mkdir(dirname(this.file), { recursive: true });
    await writeAtomic(this.file, JSON.stringify({ version: 1, files: Object.fromEntries(this.#read()) }));
    this.#isChanged = false;
  }

  #read(): Map<string, V> {
    if (this.#entries) return this.#entries;
    try {
      const { version, files } = JSON.parse(readFileSync(this.file, 'utf8')) as { version?: unknown; files?: unknown };
      const entries = version === 1 && typeof files === 'object' && files !== null && !Array.isArray(files) ? Object.entries(files) : [];
      this.#entries = new Map(entries.filter((entry): entry is [string, V] => this.isValue(entry[1])));
    } catch {
      this.#entries = new Map(); // none yet, or damaged
    }
    return this.#entries;
  }
}
