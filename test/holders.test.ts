import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCatalogue } from '../src/catalogue/compile.js';
import { BUILTIN_HOLDERS, loadHolders } from '../src/config/load-holders.js';
import { findEvidence } from '../src/detect/signals.js';
import { readPage } from '../src/document/page.js';
import { parseAnnotations } from './support/annotations.js';
import { compare } from './support/compare.js';

const FIXTURES = join(import.meta.dirname, 'holders');
const fixtures = readdirSync(FIXTURES).filter((name) => /\.test\.(?:html|md)$/.test(name)).sort();
// Pages written for a convention of page markup or wording that holds whatever the agency.
const CONVENTIONS = join(import.meta.dirname, 'conventions');
const conventions = readdirSync(CONVENTIONS).filter((name) => /\.test\.(?:html|md)$/.test(name)).sort();
const holders = await loadHolders([BUILTIN_HOLDERS], process.cwd());
const catalogue = compileCatalogue(holders);

describe('holder catalogue and convention fixtures', () => {
  it('has a fixture for every holder in the catalogue', () => {
    const ids = holders.map((h) => h.spec.id);
    const isCovered = (id: string) => fixtures.some((name) => name.startsWith(`${id}.`) || name.startsWith(`${id}-`));
    expect(ids.filter((id) => !isCovered(id))).toEqual([]);
  });

  it.each([...fixtures.map((name) => ['holders', name]), ...conventions.map((name) => ['conventions', name])])('%s/%s: finds exactly the annotated evidence', async (folder, name) => {
    const source = readFileSync(join(import.meta.dirname, folder, name), 'utf8');
    const page = await readPage(name, source);
    const observed = findEvidence(page, catalogue).map((e) => ({
      holder: e.holder,
      kind: e.kind,
      text: e.text,
      ...page.toPoint(e.start),
    }));
    const annotations = parseAnnotations(source);
    expect(annotations.some((a) => a.verb === 'detect')).toBe(true);
    expect(annotations.some((a) => a.verb === 'ok')).toBe(true);
    expect(compare('detect', annotations, observed)).toEqual([]);
  });
});
