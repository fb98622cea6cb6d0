import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { compileCatalogue, type Catalogue } from '../catalogue/compile.js';
import { BUILTIN_HOLDERS, loadHolders } from '../catalogue/load.js';
import { toPattern } from '../policy/attribution.js';
import { PolicyError, type Problem } from '../errors.js';
import { ALL_RULES } from '../rules/index.js';
import { policySchema, type PolicySpec } from './schema.js';
import { type FieldPath, parseYamlFile, problemAtField, suggest, validateYaml, type YamlFile } from './yaml-file.js';

/** A validated policy with the catalogue it checks against. */
export interface Policy {
  /** The policy file, or undefined for the built-in empty policy. */
  file: string | undefined;
  /** The folder globs and holder paths are relative to. */
  root: string;
  spec: PolicySpec;
  catalogue: Catalogue;
}

/** The empty policy: no licences, so every holder found is reported. */
export async function defaultPolicy(root: string): Promise<Policy> {
  const holders = await loadHolders([BUILTIN_HOLDERS], root);
  return { file: undefined, root, spec: policySchema.parse({}), catalogue: compileCatalogue(holders.map((h) => h.spec)) };
}

/**
 * Loads and validates `rightslint.yaml`: its shape against the schema, then every id it uses
 * (holders, rules) against the catalogue and the rule registry. All problems are reported at once.
 */
export async function loadPolicy(file: string, cwd: string): Promise<Policy> {
  const path = resolve(cwd, file);
  const display = relative(cwd, path) || path;
  const text = await readFile(path, 'utf8').catch((cause: unknown) => {
    throw new PolicyError([{ file: display, line: 1, column: 1, field: '', message: `Cannot read policy: ${(cause as Error).message}` }]);
  });
  const yaml = parseYamlFile(display, text);
  const spec = validateYaml(yaml, policySchema);
  const root = dirname(path);
  const holders = await loadHolders([BUILTIN_HOLDERS, ...spec.holders.map((h) => resolve(root, h))], cwd);
  const catalogue = compileCatalogue(holders.map((h) => h.spec));
  const problems = checkReferences(yaml, spec, catalogue);
  if (problems.length > 0) throw new PolicyError(problems);
  return { file: path, root, spec, catalogue };
}

function checkReferences(yaml: YamlFile, spec: PolicySpec, catalogue: Catalogue): Problem[] {
  const holderIds = [...catalogue.holders.keys()];
  const ruleIds = ALL_RULES.map((rule) => rule.id);
  const problems: Problem[] = [];
  const expect = (value: string, known: string[], what: string, path: FieldPath): void => {
    if (!known.includes(value)) problems.push(problemAtField(yaml, path, `Unknown ${what} \`${value}\`${suggest(value, known)}`));
  };
  const licenseIds = new Set<string>();
  spec.licenses.forEach((license, i) => {
    expect(license.holder, holderIds, 'holder', ['licenses', i, 'holder']);
    if (license.via) expect(license.via, holderIds, 'holder', ['licenses', i, 'via']);
    if (licenseIds.has(license.id)) problems.push(problemAtField(yaml, ['licenses', i, 'id'], `Duplicate licence id \`${license.id}\``));
    licenseIds.add(license.id);
    try {
      if (license.attribution) toPattern(license.attribution);
    } catch (error) {
      problems.push(problemAtField(yaml, ['licenses', i, 'attribution'], `Cannot compile attribution pattern: ${(error as Error).message}`));
    }
  });
  spec.self.forEach((id, i) => expect(id, holderIds, 'holder', ['self', i]));
  const checkRules = (rules: Record<string, string>, path: FieldPath): void => {
    for (const id of Object.keys(rules)) {
      if (!ruleIds.includes(id)) problems.push(problemAtField(yaml, [...path, id], `Unknown rule \`${id}\`${suggest(id, ruleIds)}`, true));
    }
  };
  checkRules(spec.rules, ['rules']);
  spec.overrides.forEach((override, i) => checkRules(override.rules, ['overrides', i, 'rules']));
  return problems;
}
