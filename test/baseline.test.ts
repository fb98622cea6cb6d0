import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../src/workspace/result.js';
import { runCli } from './support/run-cli.js';
import { copyOfFixture, scratchFolder } from './support/scratch.js';

const AS_OF = ['--as-of', '2026-01-15'];
const json = (stdout: string) => JSON.parse(stdout) as CheckResult;

describe('--baseline', () => {
  it('hides recorded findings, fails only on new ones, and prunes stale entries on update', async () => {
    const folder = copyOfFixture('wire-unlicensed');
    const recorded = await runCli(['check', '--baseline', 'baseline.json', '--update-baseline', ...AS_OF], folder);
    expect(recorded.code).toBe(0);
    const baseline = JSON.parse(readFileSync(join(folder, 'baseline.json'), 'utf8')) as { version: number; entries: Array<Record<string, string>> };
    expect(baseline).toEqual({
      version: 2,
      entries: [expect.objectContaining({ path: 'world/harbour-talks.html', ruleId: 'unlicensed-content', holder: 'afp', fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/) })],
    });

    writeFileSync(join(folder, 'world/new-wire.md'), '# Quay\n\nOSLO (AFP) - A new wire story added after the baseline.\n');
    const rerun = await runCli(['check', '--baseline', 'baseline.json', '--format', 'json', ...AS_OF], folder);
    expect(rerun.code).toBe(1);
    const files = json(rerun.stdout).files;
    expect(files.map((f) => [f.path, f.findings.map((x) => x.suppression?.kind ?? 'open')])).toEqual([
      ['world/harbour-talks.html', ['external']],
      ['world/new-wire.md', ['open']],
    ]);

    writeFileSync(join(folder, 'world/harbour-talks.html'), '<p>Nothing from the wires any more.</p>');
    await runCli(['check', '--baseline', 'baseline.json', '--update-baseline', ...AS_OF], folder);
    const pruned = JSON.parse(readFileSync(join(folder, 'baseline.json'), 'utf8')) as typeof baseline;
    expect(pruned.entries.map((e) => e.path)).toEqual(['world/new-wire.md']);
  });

  it('still hides a finding after lines are inserted above it', async () => {
    const folder = copyOfFixture('wire-unlicensed');
    await runCli(['check', '--baseline', 'baseline.json', '--update-baseline', ...AS_OF], folder);
    const page = join(folder, 'world/harbour-talks.html');
    writeFileSync(page, readFileSync(page, 'utf8').replace('<body>', '<body>\n<p>One.</p>\n<p>Two.</p>\n<p>Three.</p>'));
    const { code, stdout } = await runCli(['check', '--baseline', 'baseline.json', '--format', 'json', ...AS_OF], folder);
    expect(code).toBe(0);
    expect(json(stdout).files[0]?.findings).toEqual([expect.objectContaining({ line: 16, suppression: expect.objectContaining({ kind: 'external' }) })]);
  });

  it('refuses a malformed baseline, and --update-baseline without a file', async () => {
    const folder = copyOfFixture('wire-unlicensed');
    writeFileSync(join(folder, 'baseline.json'), '{"entries": 3}');
    const bad = await runCli(['check', '--baseline', 'baseline.json'], folder);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Cannot read baseline `baseline.json`');
    expect((await runCli(['check', '--update-baseline'], folder)).code).toBe(2);
  });
});

describe('--update-baseline on part of the site', () => {
  const wire = (city: string) => `<article><h1>T</h1><p>${city} (AFP) - Talks resumed.</p></article>`;
  /** Three pages with an unlicensed AFP story each, under a policy with no licences. */
  function site(): string {
    const folder = scratchFolder('baseline-site');
    const pages: Record<string, string> = { 'rightslint.yaml': 'include: ["**/*.html"]\n', 'a/one.html': wire('PARIS'), 'b/two.html': wire('OSLO'), 'c/three.html': wire('LYON') };
    for (const [path, text] of Object.entries(pages)) {
      mkdirSync(join(folder, path, '..'), { recursive: true });
      writeFileSync(join(folder, path), text);
    }
    return folder;
  }
  const entries = (folder: string) => (JSON.parse(readFileSync(join(folder, 'baseline.json'), 'utf8')) as { entries: Array<{ path: string }> }).entries.map((e) => e.path);
  const update = (folder: string, ...args: string[]) => runCli(['check', '--baseline', 'baseline.json', '--update-baseline', ...AS_OF, ...args], folder);

  it('keeps the entries of the files a run with paths or a shard did not check', async () => {
    const folder = site();
    expect((await update(folder)).code).toBe(0);
    expect(entries(folder)).toEqual(['a/one.html', 'b/two.html', 'c/three.html']);
    expect((await update(folder, 'a')).code).toBe(0);
    expect(entries(folder)).toEqual(['a/one.html', 'b/two.html', 'c/three.html']);
    for (const shard of ['1/2', '2/2']) {
      expect((await update(folder, '--shard', shard)).code).toBe(0);
      expect(entries(folder)).toEqual(['a/one.html', 'b/two.html', 'c/three.html']);
    }
    // Run from a subfolder: only the pages below it are checked, the rest kept.
    expect((await runCli(['check', '--baseline', '../baseline.json', '--update-baseline', ...AS_OF], join(folder, 'b'))).code).toBe(0);
    expect(entries(folder)).toEqual(['a/one.html', 'b/two.html', 'c/three.html']);
  });

  it('replaces the entries of the pages it checked, listing those pruned', async () => {
    const folder = site();
    await update(folder);
    writeFileSync(join(folder, 'a/one.html'), '<p>Nothing from the wires any more.</p>');
    const partial = await update(folder, 'a');
    expect(entries(folder)).toEqual(['b/two.html', 'c/three.html']);
    expect(partial.stderr).toMatch(/^rightslint: Pruned 1 entry from baseline `baseline.json` that no longer match:\n {2}a\/one\.html {2}unlicensed-content {2}Agence France-Presse text content is not covered/);
  });

  it('lists each finding it newly accepts, with its place, and only those', async () => {
    const folder = site();
    const first = await update(folder);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe([
      'rightslint: Accepted 3 new entries into baseline `baseline.json`: these findings no longer fail a run',
      '  a/one.html:1:23  unlicensed-content  Agence France-Presse text content is not covered by any licence for `a/one.html`',
      '  b/two.html:1:23  unlicensed-content  Agence France-Presse text content is not covered by any licence for `b/two.html`',
      '  c/three.html:1:23  unlicensed-content  Agence France-Presse text content is not covered by any licence for `c/three.html`',
      '',
    ].join('\n'));
    // A new page is listed; the entries the baseline held are not listed again.
    mkdirSync(join(folder, 'd'));
    writeFileSync(join(folder, 'd/four.html'), `<p>Local.</p>\n${wire('ROME')}`);
    const second = await update(folder, '--format', 'json');
    expect(second.stderr).toBe('rightslint: Accepted 1 new entry into baseline `baseline.json`: these findings no longer fail a run\n  d/four.html:2:23  unlicensed-content  Agence France-Presse text content is not covered by any licence for `d/four.html`\n');
    expect(json(second.stdout).notices).toEqual([expect.stringMatching(/^Accepted 1 new entry into baseline `baseline.json`/)]);
    expect((await update(folder)).stderr).toBe('');
  });

  it('prunes the entries of deleted pages only on a run over the whole site', async () => {
    const folder = site();
    await update(folder);
    rmSync(join(folder, 'b/two.html'));
    const partial = await update(folder, 'a', 'c');
    expect(entries(folder)).toEqual(['a/one.html', 'b/two.html', 'c/three.html']);
    expect(partial.stderr).toBe('');
    const full = await update(folder);
    expect(entries(folder)).toEqual(['a/one.html', 'c/three.html']);
    expect(full.stderr).toContain('Pruned 1 entry from baseline `baseline.json` that no longer match:\n  b/two.html  unlicensed-content');
  });

  it('keeps the entries of a page it could not check, and never records or accepts that page', async () => {
    const folder = site();
    await update(folder);
    writeFileSync(join(folder, 'rightslint.yaml'), 'include: ["**/*.html"]\nmaxFileSize: 60\n');
    writeFileSync(join(folder, 'c/three.html'), `${wire('LYON')}<p>${'x'.repeat(100)}</p>`);
    const { code, stdout } = await update(folder, '--format', 'json');
    expect(code).toBe(1);
    expect(entries(folder)).toEqual(['a/one.html', 'b/two.html', 'c/three.html']);
    const three = json(stdout).files.find((f) => f.path === 'c/three.html');
    expect(three?.findings).toEqual([expect.objectContaining({ ruleId: 'unscannable-file', severity: 'error', line: 1, column: 1 })]);
    expect(three?.findings[0]?.suppression).toBeUndefined();
  });

  it('accepts no other story put on a page under a dateline it accepted', async () => {
    const folder = site();
    await update(folder);
    writeFileSync(join(folder, 'a/one.html'), '<article><h1>T</h1><p>PARIS (AFP) - Strikes closed the port on Friday.</p></article>');
    const { code, stdout } = await runCli(['check', '--baseline', 'baseline.json', '--format', 'json', ...AS_OF], folder);
    expect(code).toBe(1);
    expect(json(stdout).files.map((f) => [f.path, f.findings.map((x) => `${x.line}:${x.column} ${x.ruleId} ${x.suppression?.kind ?? 'open'}`)])).toEqual([
      ['a/one.html', ['1:23 unlicensed-content open']],
      ['b/two.html', ['1:23 unlicensed-content external']],
      ['c/three.html', ['1:23 unlicensed-content external']],
    ]);
  });

  it('refuses a version 1 baseline, whose fingerprints were the evidence text alone, but to update it', async () => {
    const folder = site();
    const old = { path: 'a/one.html', ruleId: 'unlicensed-content', holder: 'afp', message: 'Agence France-Presse text content is not covered by any licence for `a/one.html`', fingerprint: '45ec5fbd7bd3f3cc6bd67f64dc46d955' };
    writeFileSync(join(folder, 'baseline.json'), JSON.stringify({ version: 1, entries: [old] }));
    const refused = await runCli(['check', '--baseline', 'baseline.json', ...AS_OF], folder);
    expect([refused.code, refused.stdout]).toEqual([2, '']);
    expect(refused.stderr).toBe('rightslint: Cannot use baseline `baseline.json`: it was written by an earlier rightslint, whose fingerprints matched a finding by its evidence text alone (a new story under an accepted dateline passed); record it again with --update-baseline, and review what that lists as accepted\n');
    const updated = await update(folder);
    expect(updated.code).toBe(0);
    expect(updated.stderr).toContain('Accepted 3 new entries into baseline `baseline.json`');
    expect(updated.stderr).toContain('Pruned 1 entry from baseline `baseline.json` that no longer match:\n  a/one.html  unlicensed-content');
    expect((JSON.parse(readFileSync(join(folder, 'baseline.json'), 'utf8')) as { version: number }).version).toBe(2);
  });

  it('reports a corrupt baseline before any page is checked', async () => {
    const folder = site();
    writeFileSync(join(folder, 'baseline.json'), '{"version": 1, "entries": [{"path": "a/one.html", "ruleId": 3}]}');
    const { code, stdout, stderr } = await runCli(['check', '--baseline', 'baseline.json', '--cache', '-f', 'json', '-o', 'out.json', ...AS_OF], folder);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('rightslint: Cannot read baseline `baseline.json`: entry 0 is not { "path", "ruleId", "message", "fingerprint" } of strings\n');
    // Nothing was checked: no result was cached, no report written.
    expect([existsSync(join(folder, '.rightslintcache')), existsSync(join(folder, 'out.json'))]).toEqual([false, false]);
  });
});
