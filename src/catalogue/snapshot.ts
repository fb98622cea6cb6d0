import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { HolderSpec } from './schema.js';
import type { Re2Pattern } from './to-re2.js';

/**
 * The shipped holder files as validated specs, written by the build beside the compiled code, so
 * that a run need not parse and validate 41 YAML files before it starts (a third of its start-up).
 * Each spec is found by its file's content hash: an edited file no longer matches, and is read
 * from its YAML again, so the snapshot can be stale without being wrong. The same holds for the
 * literals of the signals, found by their pattern and name words, and for the patterns written
 * for RE2, found by their source and flag (translating them all takes seconds).
 */
const FILE = new URL('./catalogue.json', import.meta.url);

interface Snapshot {
  holders: Array<{ sha256: string; spec: HolderSpec }>;
  /** The signals' literals, by what they depend on (see `literalsTable` in compile.ts). */
  literals: Record<string, string[] | null>;
  /** Every pattern of the holders written for RE2, by `translationKey`. */
  translations: Record<string, Re2Pattern>;
}

let snapshot: { specs: Map<string, HolderSpec>; literals: Map<string, string[] | null>; translations: Map<string, Re2Pattern> } | undefined;

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

/** A pattern written for RE2, by its source and flag, if the snapshot has it. */
export function snapshotTranslation(source: string, ignoreCase: boolean): Re2Pattern | undefined {
  snapshot ??= readSnapshot();
  return snapshot.translations.get(translationKey(source, ignoreCase));
}

export function translationKey(source: string, ignoreCase: boolean): string {
  return contentHash(JSON.stringify([source, ignoreCase]));
}

/**
 * Writes the snapshot of holder files (their texts and validated specs, their signals' literals,
 * their patterns written for RE2) to the built code's `file`.
 */
export async function writeSnapshot(
  { holders, literals, translations }: { holders: ReadonlyArray<{ text: string; spec: HolderSpec }> } & Omit<Snapshot, 'holders'>,
  file: string,
): Promise<void> {
  const written: Snapshot = { holders: holders.map(({ text, spec }) => ({ sha256: contentHash(text), spec })), literals, translations };
  await writeFile(file, `${JSON.stringify(written)}\n`);
}

function readSnapshot(): NonNullable<typeof snapshot> {
  try {
    const read = JSON.parse(readFileSync(FILE, 'utf8')) as Snapshot;
    return {
      specs: new Map(read.holders.map(({ sha256, spec }) => [sha256, spec])),
      literals: new Map(Object.entries(read.literals)),
      translations: new Map(Object.entries(read.translations)),
    };
  } catch {
    return { specs: new Map(), literals: new Map(), translations: new Map() }; // no snapshot (running from the sources): all is worked out
  }
}

function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
