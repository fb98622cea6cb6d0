import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { HolderSpec } from './schema.js';

/**
 * The shipped holder files as validated specs, written by the build beside the compiled code, so
 * that a run need not parse and validate 41 YAML files before it starts (a third of its start-up).
 * Each spec is found by its file's content hash: an edited file no longer matches, and is read
 * from its YAML again, so the snapshot can be stale without being wrong.
 */
const FILE = new URL('./catalogue.json', import.meta.url);

interface Snapshot {
  holders: Array<{ sha256: string; spec: HolderSpec }>;
}

let specs: Map<string, HolderSpec> | undefined;

/** The validated spec of a shipped holder file with this text, if the snapshot has it. */
export function snapshotSpec(text: string): HolderSpec | undefined {
  specs ??= readSnapshot();
  return specs.get(contentHash(text));
}

/** Writes the snapshot of holder files (their texts and validated specs) to the built code's `file`. */
export async function writeSnapshot(holders: ReadonlyArray<{ text: string; spec: HolderSpec }>, file: string): Promise<void> {
  const snapshot: Snapshot = { holders: holders.map(({ text, spec }) => ({ sha256: contentHash(text), spec })) };
  await writeFile(file, `${JSON.stringify(snapshot)}\n`);
}

function readSnapshot(): Map<string, HolderSpec> {
  try {
    const snapshot = JSON.parse(readFileSync(FILE, 'utf8')) as Snapshot;
    return new Map(snapshot.holders.map(({ sha256, spec }) => [sha256, spec]));
  } catch {
    return new Map(); // no snapshot (running from the sources): every file is read from YAML
  }
}

function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
