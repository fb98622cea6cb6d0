import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatSarif } from '../src/report/sarif.js';
import type { CheckResult, FileResult } from '../src/workspace/result.js';
import { summarise } from '../src/workspace/summary.js';
import { runCli } from './support/run-cli.js';
import { copyOfFixture, scratchFolder } from './support/scratch.js';

describe('rightslint explain and holders', () => {
  it('prints a rule\'s documentation', async () => {
    const { code, stdout } = await runCli(['explain', 'missing-attribution'], tmpdir());
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# missing-attribution/);
  });

  it('lists the catalogue, with a policy\'s own holders', async () => {
    const folder = scratchFolder('holders');
    writeFileSync(join(folder, 'rightslint.yaml'), 'holders: [own.yaml]\n');
    writeFileSync(join(folder, 'own.yaml'), 'id: tideline\nname: Tideline Daily\nkinds: [text]\nsignals:\n  - id: notice\n    type: notice\n    kind: text\n    regions: [footer]\n    pattern: "© Tideline"\n');
    const { stdout } = await runCli(['holders'], folder);
    expect(stdout).toMatch(/^afp +Agence France-Presse/m);
    expect(stdout).toMatch(/^tideline +Tideline Daily +text +notice$/m);
  });
});

describe('rightslint check --print-config', () => {
  it('shows the severities and licences in force for one path', async () => {
    const { stdout } = await runCli(['check', '--print-config', 'blog/wire-quote.md'], join(import.meta.dirname, 'fixtures/overrides'));
    const config = JSON.parse(stdout) as { path: string; included: boolean; rules: Record<string, string> };
    expect(config).toMatchObject({ path: 'blog/wire-quote.md', included: true });
    expect(config.rules['unlicensed-content']).toBe('off');
  });
});

describe('several formats at once', () => {
  it('writes each format to its own file, one to standard output', async () => {
    const folder = copyOfFixture('wire-unlicensed');
    const { code, stdout } = await runCli(['check', '-f', 'json', '-o', 'out.json', '-f', 'stylish', '--as-of', '2026-01-15'], folder);
    expect(code).toBe(1);
    expect(stdout).toContain('unlicensed-content');
    expect(JSON.parse(readFileSync(join(folder, 'out.json'), 'utf8'))).toMatchObject({ version: 1, summary: { errors: 1 } });
    const unpaired = await runCli(['check', '-f', 'json', '-f', 'stylish', '-o', 'a', '-o', 'b', '-o', 'c'], folder);
    expect(unpaired.code).toBe(2);
  });
});

describe('rightslint merge', () => {
  it('combines the JSON results of shards into the result of the whole', async () => {
    const folder = copyOfFixture('suppressions');
    for (const i of [1, 2]) await runCli(['check', '--shard', `${i}/2`, '-f', 'json', '-o', `shard-${i}.json`, '--as-of', '2026-01-15'], folder);
    const whole = await runCli(['check', '-f', 'json', '--as-of', '2026-01-15'], folder);
    const merged = await runCli(['merge', 'shard-1.json', 'shard-2.json'], folder);
    expect(merged.code).toBe(whole.code);
    expect(JSON.parse(merged.stdout)).toEqual(JSON.parse(whole.stdout));
  });

  it('merges the SARIF logs of shards only when all of them are given, and exits as check does on the whole', async () => {
    const folder = copyOfFixture('wire-unlicensed');
    for (const i of [1, 2]) await runCli(['check', '--shard', `${i}/2`, '-f', 'sarif', '-o', `shard-${i}.sarif`, '--as-of', '2026-01-15'], folder);
    const alone = await runCli(['merge', 'shard-1.sarif', '-o', 'merged.sarif'], folder);
    expect([alone.code, alone.stderr]).toEqual([2, expect.stringContaining('Cannot merge: shard 2/2 is missing')]);
    const whole = await runCli(['merge', 'shard-1.sarif', 'shard-2.sarif', '-o', 'merged.sarif'], folder);
    expect(whole.code).toBe(1);
    const log = JSON.parse(readFileSync(join(folder, 'merged.sarif'), 'utf8')) as { runs: Array<{ invocations: Array<{ properties: Record<string, unknown> }> }> };
    expect(log.runs[0]?.invocations[0]?.properties).not.toHaveProperty('shard');
    expect(log.runs[0]?.invocations[0]?.properties).not.toHaveProperty('judgedBy');
  });

  it('fails a merged SARIF log when a shard\'s run did not complete, and says so in the log', async () => {
    const folder = copyOfFixture('wire-licensed');
    for (const i of [1, 2]) await runCli(['check', '--shard', `${i}/2`, '-f', 'sarif', '-o', `shard-${i}.sarif`, '--as-of', '2026-01-15'], folder);
    expect((await runCli(['merge', 'shard-1.sarif', 'shard-2.sarif', '-o', 'merged.sarif'], folder)).code).toBe(0);
    // The second shard's audit was interrupted: its log says so.
    const second = JSON.parse(readFileSync(join(folder, 'shard-2.sarif'), 'utf8')) as { runs: Array<{ invocations: Array<Record<string, unknown>> }> };
    const invocation = second.runs[0]?.invocations[0] ?? {};
    Object.assign(invocation, { executionSuccessful: false, toolExecutionNotifications: [{ level: 'error', message: { text: 'The audit was interrupted after 3 pages: the pages it had yet to check are in no result.' } }] });
    writeFileSync(join(folder, 'shard-2.sarif'), JSON.stringify(second));
    const merged = await runCli(['merge', 'shard-1.sarif', 'shard-2.sarif', '-o', 'merged.sarif'], folder);
    expect([merged.code, merged.stderr]).toEqual([1, expect.stringContaining('a shard\'s SARIF log says its run did not complete')]);
    const log = JSON.parse(readFileSync(join(folder, 'merged.sarif'), 'utf8')) as { runs: Array<{ invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: unknown[] }> }> };
    expect(log.runs[0]?.invocations[0]).toMatchObject({ executionSuccessful: false, toolExecutionNotifications: [{ level: 'error', message: { text: expect.stringContaining('interrupted') } }] });
  });

  it('judges merged shards complete or not as one run, in SARIF as in JSON: a shard that checked none of its pages fails neither where the others checked theirs', async () => {
    const folder = scratchFolder('merge-coverage');
    const clean: FileResult = { path: 'https://news.example/a.html', status: 'scanned', holders: [], findings: [] };
    const image: FileResult = { path: 'https://news.example/b.jpg', status: 'skipped', reason: 'not HTML (image/jpeg)', holders: [], findings: [] };
    const shard = (index: number, files: FileResult[]): CheckResult => ({ version: 1, files, summary: summarise(files, '2026-01-15', 'rightslint.yaml'), shard: `${index}/2`, judgedBy: 'same' });
    const merge = async (name: string, shards: CheckResult[]) => {
      const names = shards.flatMap((result, i) => {
        writeFileSync(join(folder, `${name}-${i}.json`), JSON.stringify(result));
        writeFileSync(join(folder, `${name}-${i}.sarif`), formatSarif(result, { version: '0.1.0' }));
        return [`${name}-${i}`];
      });
      const json = await runCli(['merge', ...names.map((n) => `${n}.json`), '-f', 'json'], folder);
      const sarif = await runCli(['merge', ...names.map((n) => `${n}.sarif`), '-o', `${name}.sarif`], folder);
      const log = JSON.parse(readFileSync(join(folder, `${name}.sarif`), 'utf8')) as { runs: Array<{ invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: Array<{ level: string; message: { text: string }; locations?: unknown[] }> }> }> };
      const [invocation] = log.runs[0]?.invocations ?? [];
      return { codes: [json.code, sarif.code], executionSuccessful: invocation?.executionSuccessful, run: invocation?.toolExecutionNotifications.filter((n) => !n.locations).map((n) => n.message.text) };
    };
    // The second shard's share held an image alone: its own log says it checked no page.
    expect(JSON.parse(formatSarif(shard(2, [image]), { version: '0.1.0' })).runs[0].invocations[0].executionSuccessful).toBe(false);
    expect(await merge('share', [shard(1, [clean]), shard(2, [image])])).toEqual({ codes: [0, 0], executionSuccessful: true, run: [] });
    // Shards that between them checked no page: both fail, and say why once, for the whole.
    expect(await merge('none', [shard(1, [{ ...image, path: 'https://news.example/c.jpg' }]), shard(2, [image])])).toEqual({ codes: [1, 1], executionSuccessful: false, run: ['No page was checked: 2 skipped, 0 could not be read.'] });
    // A log that does not give its coverage (an older rightslint) and says its run failed keeps the whole failed.
    writeFileSync(join(folder, 'old-1.sarif'), formatSarif(shard(1, [clean]), { version: '0.1.0' }));
    const old = JSON.parse(formatSarif(shard(2, [image]), { version: '0.1.0' })) as { runs: Array<{ invocations: Array<{ properties: Record<string, unknown> }> }> };
    delete old.runs[0]?.invocations[0]?.properties.coverage;
    writeFileSync(join(folder, 'old-2.sarif'), JSON.stringify(old));
    expect((await runCli(['merge', 'old-1.sarif', 'old-2.sarif', '-o', 'old.sarif'], folder)).code).toBe(1);
  });

  it('refuses shards judged by different policies, as a stale shard of another commit was, in JSON and SARIF alike', async () => {
    const folder = copyOfFixture('wire-unlicensed');
    const shard = (i: number, format: string) => runCli(['check', '--shard', `${i}/2`, '-f', format, '-o', `shard-${i}.${format}`, '--as-of', '2026-01-15'], folder);
    for (const format of ['json', 'sarif']) await shard(1, format);
    // The second job checked out a commit whose policy lets the agency's content through as a warning.
    writeFileSync(join(folder, 'rightslint.yaml'), 'rules:\n  unlicensed-content: warning\n');
    for (const format of ['json', 'sarif']) {
      await shard(2, format);
      const merged = await runCli(['merge', `shard-1.${format}`, `shard-2.${format}`], folder);
      expect([merged.code, merged.stderr]).toEqual([2, expect.stringContaining('Cannot merge: shards 1/2 and 2/2 were judged by different policies')]);
    }
  });

  it('refuses overlapping shards and files that are not results', async () => {
    const folder = copyOfFixture('wire-unlicensed');
    await runCli(['check', '-f', 'json', '-o', 'a.json'], folder);
    const twice = await runCli(['merge', 'a.json', 'a.json'], folder);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('is in two of the results');
    writeFileSync(join(folder, 'b.json'), '{"hello": 1}');
    expect((await runCli(['merge', 'b.json'], folder)).stderr).toContain('neither a rightslint JSON result');
  });
});
