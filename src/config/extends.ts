import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { PolicyError, type Problem, UsageError } from '../errors.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { isInside, projectOf, readPolicyText } from './policy-text.js';
import { policyError } from './problems.js';
import { readFailure } from '../file-error.js';
import { policySchema, type PolicySpec } from './schema.js';
import { checkYaml, type FieldPath, parseYamlFile, problemAtField, suggest, type YamlFile } from './yaml-file.js';

/** The folder of shipped presets, named `rightslint:<name>` in `extends`. */
const PRESETS = join(PACKAGE_ROOT, 'rules/presets');
const PRESET_NAMES = ['recommended', 'strict'];

/** One file of a policy and what it says, as written (defaults not yet applied, perhaps not valid). */
export interface ChainLink {
  yaml: YamlFile;
  raw: Record<string, unknown>;
  folder: string;
}

/**
 * Reads a policy and, depth first, every policy it extends, collecting every problem of every
 * file into `problems`: the links come parents first, so later ones override earlier ones. A file
 * that breaks the schema is still read for what it extends. A cycle, an unknown preset or an
 * unreadable file is a problem at the `extends` entry that names it; an unreadable policy itself
 * is a UsageError, as there is no line to point at.
 */
export async function readChain(path: string, cwd: string, problems: Problem[]): Promise<ChainLink[]> {
  const shown = relative(cwd, path) || path;
  let text: string;
  try {
    text = readPolicyText(path);
  } catch (cause) {
    throw new UsageError(`Cannot read policy \`${shown}\`: ${readFailure(cause)}`, { cause });
  }
  return readLinks({ path, cwd, problems, visiting: [], project: projectOf(dirname(path)) }, text);
}

/** The chain of a policy known to be valid, or a PolicyError with every problem in it. */
export async function loadChain(path: string, cwd: string): Promise<ChainLink[]> {
  const problems: Problem[] = [];
  const links = await readChain(path, cwd, problems);
  if (problems.length > 0) throw policyError(problems);
  return links;
}

interface Reading {
  path: string;
  cwd: string;
  problems: Problem[];
  /** The files that extend this one, for finding cycles. */
  visiting: readonly string[];
  /** The project of the policy (see `projectOf`): a relative `extends` may not leave it. */
  project: string;
}

async function readLinks(reading: Reading, text: string): Promise<ChainLink[]> {
  const { path, cwd, problems, visiting, project } = reading;
  let yaml: YamlFile;
  try {
    yaml = parseYamlFile(relative(cwd, path) || path, text);
  } catch (error) {
    if (!(error instanceof PolicyError)) throw error;
    problems.push(...error.problems);
    return [];
  }
  const checked = checkYaml(yaml, policySchema);
  problems.push(...checked.problems);
  const raw = (checked.value !== null && typeof checked.value === 'object' ? checked.value : {}) as Record<string, unknown>;
  const links: ChainLink[] = [];
  for (const [name, field] of extendsEntries(raw.extends)) {
    const target = resolveExtends(name, dirname(path));
    if (!target) {
      problems.push(problemAtField(yaml, field, `Unknown preset \`${name}\`${suggest(name, PRESET_NAMES.map((p) => `rightslint:${p}`)) || `; expected ${PRESET_NAMES.map((p) => `rightslint:${p}`).join(' or ')}`}`));
    } else if ([...visiting, path].includes(target)) {
      problems.push(problemAtField(yaml, field, `Cannot extend \`${name}\`: it extends this policy again (a cycle)`));
    } else if (isRelativeName(name) && !isInside(target, project)) {
      problems.push(problemAtField(yaml, field, `Cannot extend \`${name}\`: it is outside the project (\`${relative(cwd, project) || '.'}\`, the repository or folder of the policy); name a file outside it by its absolute path`));
    } else {
      let parent: string;
      try {
        parent = readPolicyText(target);
      } catch (cause) {
        problems.push(problemAtField(yaml, field, `Cannot extend \`${name}\`: ${readFailure(cause)}`));
        continue;
      }
      const own: Problem[] = [];
      links.push(...(await readLinks({ path: target, cwd, problems: own, visiting: [...visiting, path], project }, parent)));
      // A file outside the project is read for its policy, but nothing of it is shown: named by
      // mistake, it may be anyone's (a password file), and its problems would print its lines.
      if (own.length === 0 || isInside(target, project) || target.startsWith(PRESETS)) problems.push(...own);
      else problems.push(problemAtField(yaml, field, `Cannot extend \`${name}\`: it is not a valid policy (${own.length} problem${own.length === 1 ? '' : 's'}, not shown as the file lies outside the project; \`rightslint check -c ${name}\` shows them)`));
    }
  }
  return [...links, { yaml, raw, folder: dirname(path) }];
}

/** The names `extends` gives that are well formed (text), with where each is written. */
function extendsEntries(value: unknown): Array<[string, FieldPath]> {
  if (typeof value === 'string' && value !== '') return [[value, ['extends']]];
  if (!Array.isArray(value)) return [];
  return value.flatMap((name, i): Array<[string, FieldPath]> => (typeof name === 'string' && name !== '' ? [[name, ['extends', i]]] : []));
}

/** Whether `extends` names a file relative to the policy's folder (not a preset, not an absolute path). */
function isRelativeName(name: string): boolean {
  return !name.startsWith('rightslint:') && !isAbsolute(name);
}

function resolveExtends(name: string, folder: string): string | undefined {
  if (!name.startsWith('rightslint:')) return resolve(folder, name);
  const preset = name.slice('rightslint:'.length);
  return PRESET_NAMES.includes(preset) ? resolve(PRESETS, `${preset}.yaml`) : undefined;
}

/**
 * Merges a chain into one policy, as ESLint users expect: `rules` by rule id, later files winning;
 * `licenses`, `overrides`, `self` and `holders` added up (holder paths made absolute); `include`,
 * `exclude` and `gitignore` from the last file that sets them. Defaults are applied last.
 */
export function mergeChain(chain: readonly ChainLink[]): PolicySpec {
  const merged: Record<string, unknown> = {};
  for (const { raw, folder } of chain) {
    for (const [key, value] of Object.entries(raw)) {
      if (key === 'extends' || key === '$schema') continue;
      if (key === 'rules') merged.rules = { ...(merged.rules as object | undefined), ...(value as object) };
      else if (key === 'holders') merged.holders = [...((merged.holders as string[]) ?? []), ...(value as string[]).map((h) => resolve(folder, h))];
      else if (key === 'licenses' || key === 'overrides' || key === 'self') merged[key] = [...((merged[key] as unknown[]) ?? []), ...(value as unknown[])];
      else merged[key] = value;
    }
  }
  return policySchema.parse(merged);
}
