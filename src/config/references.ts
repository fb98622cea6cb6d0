import * as z from 'zod';
import type { Problem } from '../errors.js';
import { toPattern } from '../policy/attribution.js';
import { ALL_RULES } from '../rules/meta.js';
import { type FieldPath, problemAtField, suggest, type YamlFile } from './yaml-file.js';

const ISO_DATE = z.iso.date();

/** The holder ids a policy may name. */
export interface KnownHolders {
  ids: readonly string[];
  /** False when a holder file could not be read: an id not in `ids` may be defined there. */
  isComplete: boolean;
}

/**
 * Checks the ids a policy file uses (holders, rules) and its attribution patterns. It reads the
 * file as plain data, not as validated by the schema, so that a typo in one licence does not hide
 * an unknown holder in another: whatever is well formed is checked.
 */
export function checkReferences(yaml: YamlFile, value: unknown, holders: KnownHolders): Problem[] {
  const ruleIds = ALL_RULES.map((rule) => rule.id);
  const problems: Problem[] = [];
  const expectHolder = (id: unknown, path: FieldPath): void => {
    if (typeof id !== 'string' || id === '' || holders.ids.includes(id) || !holders.isComplete) return;
    const hint = suggest(id, holders.ids).slice(2) || "expected an id that `rightslint holders` lists, or one from a file in the policy's `holders`";
    problems.push(problemAtField(yaml, path, `\`${id}\` is not a known holder; ${hint}`));
  };
  const checkRules = (rules: unknown, path: FieldPath): void => {
    for (const id of Object.keys(asRecord(rules))) {
      if (!ruleIds.includes(id)) problems.push(problemAtField(yaml, [...path, id], `\`${id}\` is not a rule; ${suggest(id, ruleIds).slice(2) || `expected one of ${ruleIds.join(', ')}`}`, true));
    }
  };
  const policy = asRecord(value);
  const licenseIds = new Set<string>();
  asList(policy.licenses).forEach((entry, i) => {
    const license = asRecord(entry);
    expectHolder(license.holder, ['licenses', i, 'holder']);
    expectHolder(license.via, ['licenses', i, 'via']);
    if (typeof license.id === 'string') {
      if (licenseIds.has(license.id)) problems.push(problemAtField(yaml, ['licenses', i, 'id'], `Duplicate licence id \`${license.id}\`; each licence needs its own, as reports name it`));
      licenseIds.add(license.id);
    }
    if (isDate(license.from) && isDate(license.until) && license.from > license.until) {
      problems.push(problemAtField(yaml, ['licenses', i, 'until'], `\`until\` (${license.until}) is before \`from\` (${license.from}); expected the licence to end on or after the day it starts`));
    }
    if (typeof license.attribution === 'string' && license.attribution !== '') {
      try {
        toPattern(license.attribution);
      } catch (error) {
        problems.push(problemAtField(yaml, ['licenses', i, 'attribution'], `Cannot compile attribution pattern: ${(error as Error).message}`));
      }
    }
  });
  asList(policy.self).forEach((id, i) => expectHolder(id, ['self', i]));
  checkRules(policy.rules, ['rules']);
  asList(policy.overrides).forEach((override, i) => checkRules(asRecord(override).rules, ['overrides', i, 'rules']));
  return problems;
}

function isDate(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATE.safeParse(value).success;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
