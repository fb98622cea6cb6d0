import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../src/check.js';
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
