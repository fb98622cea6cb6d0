import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { PolicyError, type Problem } from '../errors.js';
import { PACKAGE_ROOT } from '../package-root.js';
import type { HolderEntry } from '../catalogue/compile.js';
import { holderSchema } from '../catalogue/schema.js';
import { snapshotSpec } from '../catalogue/snapshot.js';
import { readPolicyText } from './policy-text.js';
import { readFailure } from '../file-error.js';
import { parseYamlFile, problemAtField, validateYaml } from './yaml-file.js';

/** The folder of holder files shipped with rightslint. */
export const BUILTIN_HOLDERS = join(PACKAGE_ROOT, 'rules/holders');

/**
 * Reads holder files and folders of them (`*.yaml`), validating each; every problem in every
 * file is collected before one PolicyError is thrown. Ids must be unique and match file names.
 * Shipped and users' files are read alike: their patterns are RE2's (see catalogue/pattern.ts),
 * checked by the schema, so a pattern copied from the catalogue works in a user's file.
 */
export async function loadHolders(paths: readonly string[], cwd: string): Promise<HolderEntry[]> {
  const files = (await Promise.all(paths.map(expandHolderPath))).flat();
  const entries: HolderEntry[] = [];
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const display = relative(cwd, file) || file;
    let text: string;
    try {
      text = readPolicyText(file);
    } catch (cause) {
      problems.push({ file: display, line: 1, column: 1, field: '', message: `Cannot read holder file: ${readFailure(cause)}` });
      continue;
    }
    try {
      // A shipped file as the build validated it, unless edited since (or its id is taken).
      const built = resolve(file).startsWith(`${BUILTIN_HOLDERS}${sep}`) ? snapshotSpec(text) : undefined;
      if (built && !seen.has(built.id)) {
        seen.set(built.id, display);
        entries.push({ spec: built, file: display });
        continue;
      }
      const yaml = parseYamlFile(display, text);
      const spec = validateYaml(yaml, holderSchema);
      const previous = seen.get(spec.id);
      if (previous) {
        problems.push(problemAtField(yaml, ['id'], `Holder \`${spec.id}\` is already defined in ${previous}`));
        continue;
      }
      seen.set(spec.id, display);
      entries.push({ spec, file: display });
    } catch (error) {
      if (error instanceof PolicyError) problems.push(...error.problems);
      else throw error;
    }
  }
  if (problems.length > 0) throw new PolicyError(problems);
  return entries.sort((a, b) => a.spec.id.localeCompare(b.spec.id));
}

async function expandHolderPath(path: string): Promise<string[]> {
  const info = await stat(path).catch((cause: unknown) => {
    throw new PolicyError([{ file: path, line: 1, column: 1, field: '', message: `Cannot read holder file: ${(cause as Error).message}` }]);
  });
  if (!info.isDirectory()) return [path];
  const names = (await readdir(path)).filter((name) => /\.ya?ml$/.test(name)).sort();
  return names.map((name) => join(path, name));
}
