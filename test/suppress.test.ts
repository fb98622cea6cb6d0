import { describe, expect, it } from 'vitest';
import { applyDirectives } from '../src/suppress/apply.js';
import type { Directive } from '../src/suppress/directives.js';

const RULES = ['unlicensed-content', 'missing-attribution', 'license-expired'];
const directive = (rules: string[], reason?: string): Directive => ({ form: 'next-line', rules, reason, line: 3, endLine: 3, column: 1, start: 0, end: 10 });

describe('a suppression comment naming an unknown rule', () => {
  it('names the rule it most likely meant, and suppresses nothing', () => {
    const { problems } = applyDirectives([], [directive(['unlicenced-content'], 'a misspelt id'), directive(['unlicenced-content', 'zzz', 'licence-expired'], 'two misspelt, one unknown')], RULES);
    expect(problems.map((problem) => [problem.ruleId, problem.message])).toEqual([
      ['invalid-suppression', 'Suppression names unknown rule `unlicenced-content` (did you mean `unlicensed-content`?)'],
      ['invalid-suppression', 'Suppression names unknown rules `unlicenced-content` (did you mean `unlicensed-content`?), `zzz`, `licence-expired` (did you mean `license-expired`?)'],
    ]);
  });
});
