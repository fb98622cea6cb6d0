import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const HOLDERS_DOC = readFileSync(join(ROOT, 'docs/holders.md'), 'utf8');
const SHIPPED = readdirSync(join(ROOT, 'rules/holders')).filter((name) => name.endsWith('.yaml')).map((name) => name.slice(0, -'.yaml'.length));

describe('docs/holders.md', () => {
  it('says how many holders the catalogue holds', () => {
    const stated = /holds (\d+) holders/.exec(HOLDERS_DOC)?.[1];
    expect(Number(stated)).toBe(SHIPPED.length);
  });

  it('names as examples only holders that ship', () => {
    // The introduction gives each example's id in brackets and backticks: "Reuters (`reuters`)".
    const intro = HOLDERS_DOC.slice(0, HOLDERS_DOC.indexOf('\n## '));
    const named = [...intro.matchAll(/\(`([a-z\d-]+)`\)/g)].map((match) => match[1]);
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((id) => !SHIPPED.includes(id as string))).toEqual([]);
  });
});
