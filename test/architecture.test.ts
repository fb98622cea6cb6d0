import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cruise, type IConfiguration } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const config = createRequire(import.meta.url)(join(ROOT, '.dependency-cruiser.cjs')) as IConfiguration;
// The API, unlike the command line, reads no tsconfig itself: without it, `./x.js` never resolves to `x.ts` and no import is seen.
const tsConfig = extractTSConfig(join(ROOT, 'tsconfig.json'));

describe('the import graph', () => {
  it('keeps the rules of .dependency-cruiser.cjs: no cycle across parts, no arrow against the layout', async () => {
    const { output } = await cruise(['src'], { ...config.options, validate: true, ruleSet: { forbidden: config.forbidden }, baseDir: ROOT }, {}, { tsConfig });
    if (typeof output === 'string') throw new Error('Cannot read the import graph: dependency-cruiser returned text');
    // Each violation on one line, so that a failure names the import to change.
    const violations = output.summary.violations.map(({ rule, from, to, cycle }) =>
      `${rule.name}: ${from} -> ${cycle ? cycle.map((step) => step.name).join(' -> ') : to}`);
    expect(violations).toEqual([]);
  });
});
