import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

// What a process loads before its first page is checked: the built entry and the chunks it
// imports statically (those it imports with import() load when first needed). esbuild heads the
// code of each bundled module with a comment naming its source file.
const DIST = join(import.meta.dirname, '../dist');
const STATIC_IMPORT = /^(?:import|export)\s[^;]*?from\s*"(\.\/[^"]+)"|^import\s*"(\.\/[^"]+)"/gms;
const SOURCE = /^\/\/ ((?:src|node_modules)\/\S+)/gm;

function loadedAtStart(entry: string): string[] {
  const files = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    for (const [, from, bare] of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) visit(join(dirname(file), (from ?? bare) as string));
  };
  visit(join(DIST, entry));
  return [...files].flatMap((file) => [...readFileSync(file, 'utf8').matchAll(SOURCE)].map(([, source]) => source as string));
}

describe('start-up', () => {
  it('loads neither the page reader nor the rules until a page is checked, so a run the cache answers starts quickly', () => {
    for (const entry of ['index.js', 'cli.js']) {
      const sources = loadedAtStart(entry);
      // The run itself is there: the test reads the bundle as it is laid out.
      expect(sources).toContain('src/engine/check.ts');
      const reading = sources.filter((source) =>
        /^src\/(engine\/(check-page|read|judge)|document\/(page|decode|html\/.*)|detect\/(signals|notices|prefilter\/prefilter)|rules\/index)\.ts$/.test(source)
        || /^node_modules\/(entities|parse5|unified)\//.test(source));
      expect(reading, entry).toEqual([]);
    }
  });
});
