import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../src/result.js';
import { runCli } from './support/run-cli.js';
import { copyOfFixture } from './support/scratch.js';

const AS_OF = ['--as-of', '2026-01-15'];
const json = (stdout: string) => JSON.parse(stdout) as CheckResult;

describe('--baseline', () => {
  it('hides recorded findings, fails only on new ones, and prunes stale entries on update', async () => {
    const folder = copyOfFixture('wire-unlicensed');
    const recorded = await runCli(['check', '--baseline', 'baseline.json', '--update-baseline', ...AS_OF], folder);
    expect(recorded.code).toBe(0);
    const baseline = JSON.parse(readFileSync(join(folder, 'baseline.json'), 'utf8')) as { version: number; entries: Array<Record<string, string>> };
    expect(baseline).toEqual({
      version: 1,
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
