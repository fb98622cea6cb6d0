import type { Problem } from '../errors.js';
import { toPattern } from '../policy/attribution.js';
import { ALL_RULES } from '../rules/index.js';
import type { PolicySpec } from './schema.js';
import { type FieldPath, problemAtField, suggest, type YamlFile } from './yaml-file.js';

/** Checks the ids a policy file uses (holders, rules) and its attribution patterns, with positions. */
export function checkReferences(yaml: YamlFile, spec: PolicySpec, holderIds: string[]): Problem[] {
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
