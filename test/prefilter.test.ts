import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../src/check.js';

const ROOT = join(import.meta.dirname, '..');
const CORPUS = join(ROOT, '../shared/corpus/pages');
const folders = [
  ...readdirSync(join(ROOT, 'test/fixtures')).map((name) => join(ROOT, 'test/fixtures', name)),
  join(ROOT, 'test/holders'),
  join(ROOT, 'examples/newsroom'),
];

/** Both runs of a folder, with and without the prefilter. */
async function bothWays(folder: string) {
  const options = { cwd: folder, asOf: '2026-01-15' };
  return [await check({ ...options, prefilter: false }), await check({ ...options, prefilter: true })];
}

describe('the keyword prefilter', () => {
  it.each(folders.map((f) => [f.slice(ROOT.length + 1), f]))('loses nothing in %s', async (_, folder) => {
    const [full, filtered] = await bothWays(folder as string);
    expect(filtered?.files).toEqual(full?.files);
  });

  // The shared corpus of real pages sits beside a developer's checkout, not in a user's clone.
  it.skipIf(!existsSync(CORPUS))('loses nothing on the shared corpus of real pages', async () => {
    const [full, filtered] = await bothWays(CORPUS);
    expect(full?.files.length).toBe(240);
    expect(filtered?.files).toEqual(full?.files);
  }, 120_000);
});
