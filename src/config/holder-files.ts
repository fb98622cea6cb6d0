import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { BUILTIN_HOLDERS, type HolderEntry, loadHolders } from '../catalogue/load.js';
import { PolicyError, type Problem } from '../errors.js';
import type { ChainLink } from './extends.js';
import type { KnownHolders } from './references.js';
import { readFailure } from './extends.js';
import { problemAtField } from './yaml-file.js';

/** The holders a policy chain can use, and the ids its references are checked against. */
export interface ChainHolders {
  entries: HolderEntry[];
  known: KnownHolders;
}

/**
 * Reads the shipped holders and the holder files every link of the chain names, adding each
 * problem to `problems`: a file that does not exist at the `holders` entry naming it, a broken one
 * at its own line. When some file cannot be used, ids it may define are not reported as unknown.
 */
export async function readChainHolders(chain: readonly ChainLink[], cwd: string, problems: Problem[]): Promise<ChainHolders> {
  const paths: string[] = [];
  let isComplete = true;
  for (const link of chain) {
    const names = Array.isArray(link.raw.holders) ? (link.raw.holders as unknown[]) : [];
    for (const [i, name] of names.entries()) {
      if (typeof name !== 'string' || name === '') continue;
      const path = resolve(link.folder, name);
      const failure = await stat(path).then(() => undefined, readFailure);
      if (failure === undefined) paths.push(path);
      else {
        problems.push(problemAtField(link.yaml, ['holders', i], `Cannot read holder file \`${name}\`: ${failure}`));
        isComplete = false;
      }
    }
  }
  try {
    const entries = await loadHolders([BUILTIN_HOLDERS, ...paths], cwd);
    return { entries, known: { ids: entries.map((entry) => entry.spec.id), isComplete } };
  } catch (error) {
    if (!(error instanceof PolicyError)) throw error;
    problems.push(...error.problems);
    const shipped = await loadHolders([BUILTIN_HOLDERS], cwd);
    return { entries: shipped, known: { ids: shipped.map((entry) => entry.spec.id), isComplete: false } };
  }
}
