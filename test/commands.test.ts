import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
