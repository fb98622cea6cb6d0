import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import type { HolderEntry } from '../catalogue/compile.js';
import { BUILTIN_HOLDERS, loadHolders } from './load-holders.js';
import { PolicyError, type Problem } from '../errors.js';
import type { ChainLink } from './extends.js';
import { isInside, projectOf, readPolicyText } from './policy-text.js';
import { readFailure } from '../file-error.js';
import type { KnownHolders } from './references.js';
import { parseYamlFile, problemAtField } from './yaml-file.js';

/** The holders a policy chain can use, and the ids its references are checked against. */
export interface ChainHolders {
  entries: HolderEntry[];
  known: KnownHolders;
}

// The shipped holders by working folder (their display paths are relative to it). They are part of
// the installed package, so read once a process: a policy that fails is still checked against
// them, and a process that loads many policies (a test suite, an editor) need not read them each time.
const shipped = new Map<string, Promise<HolderEntry[]>>();

/**
 * Reads the shipped holders and the holder files every link of the chain names, adding each
 * problem to `problems`: a file that does not exist at the `holders` entry naming it, a broken one
 * at its own line. When some file cannot be used, ids it may define are not reported as unknown.
 */
export async function readChainHolders(chain: readonly ChainLink[], cwd: string, problems: Problem[]): Promise<ChainHolders> {
  const paths: string[] = [];
  const outside: Array<{ path: string; problem: (message: string) => Problem }> = [];
  let isComplete = true;
  // Holder files stay in the project as `extends` does (see extends.ts): a relative name may not
  // leave it, and a file named by its absolute path outside it is read but never quoted.
  const last = chain.at(-1);
  const project = last ? projectOf(last.folder) : cwd;
  for (const link of chain) {
    const names = Array.isArray(link.raw.holders) ? (link.raw.holders as unknown[]) : [];
    for (const [i, name] of names.entries()) {
      if (typeof name !== 'string' || name === '') continue;
      const path = resolve(link.folder, name);
      const failure = await stat(path).then(() => undefined, readFailure);
      const problem = (message: string) => problemAtField(link.yaml, ['holders', i], message);
      if (failure !== undefined) {
        problems.push(problem(`Cannot read holder file \`${name}\`: ${failure}`));
        isComplete = false;
      } else if (isInside(path, project)) paths.push(path);
      else if (!isAbsolute(name)) {
        problems.push(problem(`Cannot read holder file \`${name}\`: it is outside the project (\`${relative(cwd, project) || '.'}\`, the repository or folder of the policy); name a file outside it by its absolute path`));
        isComplete = false;
      } else outside.push({ path, problem });
    }
  }
  const builtIn = await shippedHolders(cwd);
  const load = (files: string[], onProblems: (found: readonly Problem[]) => void): Promise<HolderEntry[]> => (files.length === 0 ? Promise.resolve([]) : loadHolders(files, cwd).catch((error: unknown) => {
    if (!(error instanceof PolicyError)) throw error;
    onProblems(error.problems);
    isComplete = false;
    return [];
  }));
  const own = await load(paths, (found) => problems.push(...found));
  for (const { path, problem } of outside) {
    own.push(...(await load([path], (found) => problems.push(problem(`Cannot read holder file \`${path}\`: it is not a valid holder file (${found.length} problem${found.length === 1 ? '' : 's'}, not shown as the file lies outside the project)`)))));
  }
  const ids = new Set(builtIn.map((entry) => entry.spec.id));
  const added = own.filter((entry) => !ids.has(entry.spec.id));
  for (const entry of own.filter((e) => ids.has(e.spec.id))) problems.push(await takenIdProblem(entry, builtIn, cwd));
  const entries = [...builtIn, ...added].sort((a, b) => a.spec.id.localeCompare(b.spec.id));
  return { entries, known: { ids: entries.map((entry) => entry.spec.id), isComplete } };
}

function shippedHolders(cwd: string): Promise<HolderEntry[]> {
  let entries = shipped.get(cwd);
  if (!entries) {
    entries = loadHolders([BUILTIN_HOLDERS], cwd);
    shipped.set(cwd, entries);
  }
  return entries;
}

/** A user's holder that takes the id of a shipped one, at its `id` (as loadHolders says it within one call). */
async function takenIdProblem(entry: HolderEntry, builtIn: readonly HolderEntry[], cwd: string): Promise<Problem> {
  const yaml = parseYamlFile(entry.file, readPolicyText(resolve(cwd, entry.file)));
  const previous = builtIn.find((e) => e.spec.id === entry.spec.id)?.file ?? BUILTIN_HOLDERS;
  return problemAtField(yaml, ['id'], `Holder \`${entry.spec.id}\` is already defined in ${previous}`);
}
