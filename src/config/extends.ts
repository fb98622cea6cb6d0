import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { PolicyError, type Problem } from '../errors.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { policySchema, type PolicySpec } from './schema.js';
import { parseYamlFile, problemAtField, suggest, validateYaml, type YamlFile } from './yaml-file.js';

/** The folder of shipped presets, named `rightslint:<name>` in `extends`. */
const PRESETS = join(PACKAGE_ROOT, 'rules/presets');
const PRESET_NAMES = ['recommended', 'strict'];

/** One file of a policy and what it says, as written (defaults not yet applied). */
export interface ChainLink {
  yaml: YamlFile;
  spec: PolicySpec;
  raw: Record<string, unknown>;
  folder: string;
}

/**
 * Reads a policy and, depth first, every policy it extends: the links come parents first, so later
 * ones override earlier ones. A cycle, an unknown preset or an unreadable file is a problem at the
 * `extends` entry that names it.
 */
export async function loadChain(path: string, cwd: string, visiting: readonly string[] = []): Promise<ChainLink[]> {
  const shown = relative(cwd, path) || path;
  const text = await readFile(path, 'utf8').catch((cause: unknown) => {
    throw new PolicyError([{ file: shown, line: 1, column: 1, field: '', message: `Cannot read policy: ${(cause as Error).message}` }]);
  });
  const yaml = parseYamlFile(shown, text);
  const spec = validateYaml(yaml, policySchema);
  const raw = (yaml.document.toJS() ?? {}) as Record<string, unknown>;
  const parents = spec.extends === undefined ? [] : [spec.extends].flat();
  const links: ChainLink[] = [];
  const problems: Problem[] = [];
  for (const [i, name] of parents.entries()) {
    const field = Array.isArray(spec.extends) ? ['extends', i] : ['extends'];
    const target = resolveExtends(name, dirname(path));
    if (!target) {
      problems.push(problemAtField(yaml, field, `Unknown preset \`${name}\`${suggest(name, PRESET_NAMES.map((p) => `rightslint:${p}`))}`));
    } else if ([...visiting, path].includes(target)) {
      problems.push(problemAtField(yaml, field, `Cannot extend \`${name}\`: it extends this policy again (a cycle)`));
    } else {
      try {
        links.push(...(await loadChain(target, cwd, [...visiting, path])));
      } catch (error) {
        if (error instanceof PolicyError) problems.push(...error.problems);
        else throw error;
      }
    }
  }
  if (problems.length > 0) throw new PolicyError(problems);
  return [...links, { yaml, spec, raw, folder: dirname(path) }];
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
