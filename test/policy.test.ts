import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../src/config/policy.js';
import { PolicyError, type Problem } from '../src/errors.js';
import { scratchFolder } from './support/scratch.js';

const ROOT = join(import.meta.dirname, '..');

/** Loads `yaml` as a policy and returns the problems it is rejected with. */
async function problemsOf(yaml: string, extraFiles: Record<string, string> = {}): Promise<Problem[]> {
  const folder = scratchFolder('policy');
  writeFileSync(join(folder, 'rightslint.yaml'), yaml);
  for (const [name, text] of Object.entries(extraFiles)) writeFileSync(join(folder, name), text);
  try {
    await loadPolicy('rightslint.yaml', folder);
  } catch (error) {
    if (error instanceof PolicyError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadPolicy', () => {
  it('accepts a complete policy', async () => {
    const yaml = [
      'include: ["**/*.html"]',
      'self: [ap]',
      'licenses:',
      '  - id: afp-wire',
      '    holder: afp',
      '    via: getty',
      '    kinds: [text, photo]',
      '    paths: ["world/**"]',
      '    from: 2025-01-01',
      '    until: 2025-12-31',
      '    retention: 30d',
      '    attribution: /Copyright\\s+Agence France-Presse/i',
      'rules:',
      '  unknown-notice: "off"',
      'overrides:',
      '  - files: ["blog/**"]',
      '    rules: { unlicensed-content: warning }',
    ].join('\n');
    expect(await problemsOf(yaml)).toEqual([]);
  });

  it('points at a misspelt field with its line, column and a suggestion', async () => {
    const problems = await problemsOf('licenses:\n  - id: a\n    holder: afp\n    pahts: ["**"]\n');
    expect(problems).toEqual([
      expect.objectContaining({ file: 'rightslint.yaml', line: 4, column: 5, field: 'licenses[0].pahts', message: expect.stringMatching(/Unknown field `pahts`; did you mean `paths`\?/) }),
    ]);
  });

  it('points at a date that is not a date', async () => {
    const problems = await problemsOf('licenses:\n  - id: a\n    holder: afp\n    until: 2025-13-45\n');
    expect(problems).toEqual([expect.objectContaining({ line: 4, column: 12, field: 'licenses[0].until' })]);
  });

  it('reports every problem at once, not only the first: shape, references and dates in one round', async () => {
    const problems = await problemsOf('licenses:\n  - id: a\n    holder: afpp\n  - id: a\n    holder: reuters\n    retention: 30 days\nrules:\n  unlicenced-content: error\n');
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [3, 'licenses[0].holder'],
      [4, 'licenses[1].id'],
      [6, 'licenses[1].retention'],
      [8, 'rules.unlicenced-content'],
    ]);
  });

  it('names unknown holders and rules with the nearest valid id, in the order of the file', async () => {
    const problems = await problemsOf('licenses:\n  - id: a\n    holder: afpp\n  - id: a\n    holder: afp\nrules:\n  unlicenced-content: error\nself: [reuter]\n');
    expect(problems.map((p) => `${p.line}:${p.column} ${p.field} ${p.message}`)).toEqual([
      '3:13 licenses[0].holder `afpp` is not a known holder; did you mean `afp`?',
      '4:9 licenses[1].id Duplicate licence id `a`; each licence needs its own, as reports name it',
      '7:3 rules.unlicenced-content `unlicenced-content` is not a rule; did you mean `unlicensed-content`?',
      '8:8 self[0] `reuter` is not a known holder; did you mean `reuters`?',
    ]);
  });

  it('rejects a licence whose window ends before it starts', async () => {
    const problems = await problemsOf('licenses:\n  - id: a\n    holder: afp\n    from: 2025-06-01\n    until: 2025-01-01\n');
    expect(problems).toEqual([
      expect.objectContaining({ line: 5, field: 'licenses[0].until', message: '`until` (2025-01-01) is before `from` (2025-06-01); expected the licence to end on or after the day it starts' }),
    ]);
  });

  it('rejects YAML syntax errors and duplicate keys with positions', async () => {
    expect(await problemsOf('licenses: [\n')).toEqual([expect.objectContaining({ file: 'rightslint.yaml', line: expect.any(Number) })]);
    const duplicate = await problemsOf('self: [afp]\nself: [ap]\n');
    expect(duplicate).toEqual([expect.objectContaining({ line: 2, message: expect.stringMatching(/unique/) })]);
  });

  it('rejects an attribution pattern that does not compile', async () => {
    const problems = await problemsOf('licenses:\n  - id: a\n    holder: afp\n    attribution: "/(unclosed/"\n');
    expect(problems).toEqual([expect.objectContaining({ line: 4, field: 'licenses[0].attribution', message: expect.stringMatching(/^Cannot compile attribution pattern/) })]);
  });

  it('loads extra holders from the policy folder and validates them too', async () => {
    const holder = 'id: nordic-wire\nname: Nordic Wire Service\nkinds: [text]\nsignals:\n  - id: dateline\n    type: dateline\n    kind: text\n    regions: [lead]\n    pattern: "\\\\(NWS\\\\)"\n';
    expect(await problemsOf('holders: [nordic.yaml]\nlicenses:\n  - id: n\n    holder: nordic-wire\n', { 'nordic.yaml': holder })).toEqual([]);
    const broken = holder.replace('regions: [lead]', 'regions: [lede]').replace('"\\\\(NWS\\\\)"', '"(NWS"');
    const problems = await problemsOf('holders: [nordic.yaml]\n', { 'nordic.yaml': broken });
    expect(problems.map((p) => `${p.file}:${p.line} ${p.field}`)).toEqual(['nordic.yaml:8 signals[0].regions[0]', 'nordic.yaml:9 signals[0].pattern']);
  });
});

describe('extends', () => {
  it('builds on a preset and a shared file: rules merged, licences added up, holders relative to their file', async () => {
    const folder = scratchFolder('extends');
    mkdirSync(join(folder, 'shared'));
    writeFileSync(join(folder, 'shared/base.yaml'), 'extends: rightslint:strict\nholders: [own.yaml]\nlicenses:\n  - id: afp-all\n    holder: afp\nrules:\n  unknown-notice: warning\n');
    writeFileSync(join(folder, 'shared/own.yaml'), 'id: tideline\nname: Tideline Daily\nkinds: [text]\nsignals:\n  - id: notice\n    type: notice\n    kind: text\n    regions: [footer]\n    pattern: "© Tideline"\n');
    writeFileSync(join(folder, 'rightslint.yaml'), 'extends: [./shared/base.yaml]\nself: [tideline]\nlicenses:\n  - id: ap-photos\n    holder: ap\n    kinds: [photo]\nrules:\n  unused-suppression: "off"\n');
    const policy = await loadPolicy('rightslint.yaml', folder);
    expect(policy.spec.licenses.map((l) => l.id)).toEqual(['afp-all', 'ap-photos']);
    expect(policy.spec.rules).toMatchObject({ 'retention-exceeded': 'error', 'unknown-notice': 'warning', 'unused-suppression': 'off' });
    expect(policy.catalogue.holders.has('tideline')).toBe(true);
  });

  it('points at an unknown preset and at a cycle', async () => {
    expect(await problemsOf('extends: rightslint:recomended\n')).toEqual([
      expect.objectContaining({ line: 1, column: 10, field: 'extends', message: 'Unknown preset `rightslint:recomended`; did you mean `rightslint:recommended`?' }),
    ]);
    const cycle = await problemsOf('extends: ./other.yaml\n', { 'other.yaml': 'extends: ./rightslint.yaml\n' });
    expect(cycle).toEqual([expect.objectContaining({ file: 'other.yaml', line: 1, message: expect.stringMatching(/a cycle/) })]);
  });
});

describe('the built catalogue snapshot', () => {
  it('holds the shipped holders exactly as their YAML files read, and their signals\' literals as worked out', async () => {
    // The built code reads the snapshot the build wrote; the sources have none and read the YAML.
    const dist = (await import('../dist/index.js')) as unknown as typeof import('../src/config/policy.js');
    const sources = await import('../src/config/policy.js');
    const example = join(ROOT, 'examples/newsroom/rightslint.yaml');
    const [built, read] = await Promise.all([dist.loadPolicy(example, ROOT), sources.loadPolicy(example, ROOT)]);
    expect(built.holders.length).toBeGreaterThan(40);
    expect(JSON.stringify(built.holders)).toBe(JSON.stringify(read.holders));
    const literals = (policy: typeof read) => policy.catalogue.signals.map((signal) => [signal.holder, signal.id, signal.literals]);
    expect(literals(built).filter(([, , l]) => l !== undefined).length).toBeGreaterThan(400);
    expect(literals(built)).toEqual(literals(read));
  });
});
