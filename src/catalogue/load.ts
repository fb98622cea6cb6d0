import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PolicyError, type Problem } from '../errors.js';
import { parseYamlFile, problemAtField, validateYaml } from '../config/yaml-file.js';
import { holderSchema, type HolderSpec } from './schema.js';

/** The folder of holder files shipped with rightslint. */
export const BUILTIN_HOLDERS = resolve(dirname(fileURLToPath(import.meta.url)), '../../rules/holders');

/** A holder and the file it was read from. */
export interface HolderEntry {
  spec: HolderSpec;
  file: string;
}

/**
 * Reads holder files and folders of them (`*.yaml`), validating each; every problem in every
 * file is collected before one PolicyError is thrown. Ids must be unique and match file names.
 */
export async function loadHolders(paths: readonly string[], cwd: string): Promise<HolderEntry[]> {
  const files = (await Promise.all(paths.map(expandHolderPath))).flat();
  const entries: HolderEntry[] = [];
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const display = relative(cwd, file) || file;
    try {
      const yaml = parseYamlFile(display, await readFile(file, 'utf8'));
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
