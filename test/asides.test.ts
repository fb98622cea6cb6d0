import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../src/check.js';
import { FIXTURE_DAY } from './support/fixture-day.js';
import { scratchFolder } from './support/scratch.js';

const FIXTURE = join(import.meta.dirname, 'fixtures/teaser-rail');

/** The teaser-rail fixture with the policy given, in a scratch folder. */
async function checkWith(policy: string) {
  const folder = scratchFolder('asides');
  cpSync(FIXTURE, folder, { recursive: true });
  writeFileSync(join(folder, 'rightslint.yaml'), policy);
  const [file] = (await check({ cwd: folder, asOf: FIXTURE_DAY })).files;
  return file;
}

describe('agency content in page furniture', () => {
  it('is reported as an aside, a warning by default, and marked in the result', async () => {
    const file = await checkWith('include: ["*.html"]\n');
    expect(file?.findings.map((f) => [f.ruleId, f.holder, f.severity])).toEqual([
      ['unlicensed-content', 'ap', 'warning'],
      ['unlicensed-content', 'getty', 'warning'],
    ]);
    expect(file?.findings[0]?.message).toMatch(/only in page furniture/);
    expect(file?.holders.map((h) => [h.holder, h.aside])).toEqual([['ap', true], ['getty', true]]);
  });

  it('takes the severity the policy gives asides, and none where it turns them off', async () => {
    const strict = await checkWith('include: ["*.html"]\nasides: error\n');
    expect(strict?.findings.map((f) => f.severity)).toEqual(['error', 'error']);
    const quiet = await checkWith('include: ["*.html"]\nasides: off\n');
    expect(quiet?.findings).toEqual([]);
    expect(quiet?.holders.map((h) => h.holder)).toEqual(['ap', 'getty']);
  });
});
