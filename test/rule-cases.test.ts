import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_RULES, type RuleId } from '../src/rules/meta.js';
import { type RuleCase, ruleProblems } from './support/rule-tester.js';

const page = (ruleId: string) => join(import.meta.dirname, 'rules', `${ruleId}.test.html`);

// Reuters stands beside AFP on every page under a licence that covers it with no dates, retention
// or credit asked, so its `ok:` line shows each rule tells the licence it judges from the others;
// on the pages of the two lapses, dpa's licence has lapsed the other way, which is the other rule's.
const REUTERS_OPEN = `  - id: reuters-open
    holder: reuters
`;

/** Each rule alone: one page of test/rules/, one policy, that rule's findings exactly. */
const CASES: Record<RuleId, Omit<RuleCase, 'page'>> = {
  'license-expired': {
    path: 'world/canal.html',
    policy: `licenses:
  - id: afp-world-wire
    holder: afp
    paths: ["world/**"]
    from: 2025-01-01
    until: 2025-12-31
  - id: dpa-from-june
    holder: dpa
    from: 2026-06-01
${REUTERS_OPEN}`,
  },
  'license-not-yet-valid': {
    policy: `licenses:
  - id: afp-2026
    holder: afp
    from: 2026-01-01
  - id: dpa-until-june
    holder: dpa
    until: 2025-06-30
${REUTERS_OPEN}`,
  },
  'missing-attribution': {
    policy: {
      licenses: [
        { id: 'afp-credited', holder: 'afp', attribution: 'Copyright Agence France-Presse' },
        { id: 'reuters-credited', holder: 'reuters', attribution: 'Thomson Reuters' },
      ],
    },
  },
  'retention-exceeded': {
    asOf: '2026-01-15',
    policy: `licenses:
  - id: afp-short-term
    holder: afp
    retention: 30d
${REUTERS_OPEN}`,
  },
  // The suppression rules judge the page's comments: under the empty policy, the AFP and dpa
  // datelines their directives speak of are unlicensed.
  'invalid-suppression': { policy: '{}\n' },
  'unused-suppression': { policy: '{}\n' },
  // A page over the size limit is not read, and reported; under the default limit it is read.
  'unscannable-file': { policy: 'maxFileSize: 200\n', okPolicy: '{}\n' },
  'unknown-notice': {
    policy: 'rules:\n  unknown-notice: error\n',
  },
  'unlicensed-content': {
    path: 'news/lighthouse.html',
    policy: `licenses:
  - id: afp-sport-only
    holder: afp
    paths: ["sport/**"]
${REUTERS_OPEN}`,
  },
};

describe('each rule alone', () => {
  it('has a case for every rule', () => {
    expect(Object.keys(CASES).sort()).toEqual(ALL_RULES.map((rule) => rule.id).sort());
  });

  it.each(Object.entries(CASES))('%s reports exactly the findings its page annotates', async (ruleId, ruleCase) => {
    expect(await ruleProblems(ruleId as RuleId, { ...ruleCase, page: page(ruleId) })).toEqual([]);
  });

  it('fails a case whose finding does not come, and one that finds more than is annotated', async () => {
    const covered = `licenses:\n  - id: afp-any\n    holder: afp\n${REUTERS_OPEN}`;
    expect(await ruleProblems('unlicensed-content', { page: page('unlicensed-content'), policy: covered }))
      .toEqual(['line 12: expected unlicensed-content afp at column 4, got nothing there']);
    const none = 'rules:\n  unknown-notice: off\n';
    const problems = await ruleProblems('unlicensed-content', { page: page('unlicensed-content'), policy: none });
    expect(problems).toEqual([expect.stringMatching(/^line 15: expected nothing for reuters, got unlicensed-content/)]);
  });
});
