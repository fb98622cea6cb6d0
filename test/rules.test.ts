import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { check } from '../src/engine/check.js';
import { ALL_RULES } from '../src/rules/meta.js';
import { parseAnnotations } from './support/annotations.js';
import { compare } from './support/compare.js';
import { FIXTURE_DAY } from './support/fixture-day.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const cases = readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

describe('rule fixtures', () => {
  it.each(cases)('%s: reports exactly the annotated findings', async (name) => {
    const folder = join(FIXTURES, name);
    const result = await check({ cwd: folder, asOf: FIXTURE_DAY });
    expect(result.files.length).toBeGreaterThan(0);
    for (const file of result.files) {
      expect(file.status, `${file.path}: ${file.reason}`).toBe('scanned');
      const annotations = parseAnnotations(readFileSync(join(folder, file.path), 'utf8'));
      const observed = (isSuppressed: boolean) => file.findings
        .filter((f) => Boolean(f.suppression) === isSuppressed)
        .map((f) => ({ rule: f.ruleId, holder: f.holder, kind: f.kind, line: f.line, column: f.column, text: f.message }));
      expect(compare('expect', annotations, observed(false)), file.path).toEqual([]);
      expect(compare('suppressed', annotations, observed(true)), file.path).toEqual([]);
    }
  });
});

describe('rule documentation', () => {
  const ROOT = join(import.meta.dirname, '..');

  it('lists every registered rule in the README table, with its default severity and docs page', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('### Rules'), readme.indexOf('\n\n', readme.indexOf('| rule |')));
    const rows = [...table.matchAll(/^\| \[`([a-z-]+)`\]\(docs\/rules\/([a-z-]+)\.md\) \| (\w+) \|/gm)]
      .map(([, id, page, severity]) => ({ id, page, severity }));
    const expected = ALL_RULES.map((rule) => ({ id: rule.id, page: rule.id, severity: rule.defaultSeverity }));
    expect([...rows].sort((a, b) => (a.id as string).localeCompare(b.id as string))).toEqual(expected);
  });

  it('writes out every registered rule at its default severity in the recommended preset', () => {
    const preset = parse(readFileSync(join(ROOT, 'rules/presets/recommended.yaml'), 'utf8')) as { rules: Record<string, string> };
    expect(Object.entries(preset.rules).sort(([a], [b]) => a.localeCompare(b))).toEqual(ALL_RULES.map((rule) => [rule.id, rule.defaultSeverity]));
  });

  it('gives every registered rule a page for `explain`, titled with its id', () => {
    for (const rule of ALL_RULES) {
      expect(readFileSync(join(ROOT, 'docs/rules', `${rule.id}.md`), 'utf8'), rule.id).toMatch(new RegExp(`^# ${rule.id}\n`));
    }
  });
});
