import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { HolderSpec } from './schema.js';

/**
 * The shipped holder files as validated specs, written by the build beside the compiled code, so
 * that a run need not parse and validate 41 YAML files before it starts (a third of its start-up).
 * Each spec is found by its file's content hash: an edited file no longer matches, and is read
 * from its YAML again, so the snapshot can be stale without being wrong. The same holds for the
 * literals of the signals, found by their pattern and name words.
 */
const FILE = new URL('./catalogue.json', import.meta.url);

interface Snapshot {
  holders: Array<{ sha256: string; spec: HolderSpec }>;
  /** The signals' literals, by what they depend on (see `literalsTable` in compile.ts). */
  literals: Record<string, string[] | null>;
}

let snapshot: { specs: Map<string, HolderSpec>; literals: Map<string, string[] | null> } | undefined;

/** The validated spec of a shipped holder file with this text, if the snapshot has it. */
export function snapshotSpec(text: string): HolderSpec | undefined {
  snapshot ??= readSnapshot();
  return snapshot.specs.get(contentHash(text));
}

/** A signal's literals (null: it names none) by their key, or undefined if the snapshot has not got them. */
export function snapshotLiterals(key: string): string[] | null | undefined {
  snapshot ??= readSnapshot();
  return snapshot.literals.get(key);
}

/** Writes the snapshot of holder files (their texts and validated specs, their signals' literals) to the built code's `file`. */
export async function writeSnapshot(
  { holders, literals }: { holders: ReadonlyArray<{ text: string; spec: HolderSpec }> } & Omit<Snapshot, 'holders'>,
  file: string,
): Promise<void> {
  const written: Snapshot = { holders: holders.map(({ text, spec }) => ({ sha256: contentHash(text), spec })), literals };
  await writeFile(file, `${JSON.stringify(written)}\n`);
}

function readSnapshot(): NonNullable<typeof snapshot> {
  try {
    const read = JSON.parse(readFileSync(FILE, 'utf8')) as Snapshot;
    return {
      specs: new Map(read.holders.map(({ sha256, spec }) => [sha256, spec])),
      literals: new Map(Object.entries(read.literals)),
    };
  } catch {
    return { specs: new Map(), literals: new Map() }; // no snapshot (running from the sources): all is worked out
  }
}

function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
