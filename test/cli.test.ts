import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { check } from '../src/engine/check.js';
import { UsageError } from '../src/errors.js';
import type { CheckResult } from '../src/workspace/result.js';
import { runCli } from './support/run-cli.js';
import { copyOfFixture, scratchFolder } from './support/scratch.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const AS_OF = ['--as-of', '2026-01-15'];


describe('rightslint check', () => {
  it('fails an unlicensed wire story, pointing at its dateline', async () => {
    const { code, stdout } = await runCli(['check', '--format', 'json', ...AS_OF], join(FIXTURES, 'wire-unlicensed'));
    expect(code).toBe(1);
    const result = JSON.parse(stdout) as CheckResult;
    expect(result.files[0]?.findings).toEqual([
      expect.objectContaining({ ruleId: 'unlicensed-content', holder: 'afp', kind: 'text', line: 13, column: 21 }),
    ]);
    expect(result.files[0]?.holders[0]?.evidence.map((e) => [e.signal, e.line])).toEqual([
      ['afp/dateline', 13],
      ['afp/notice', 23],
    ]);
  });

  it('passes the same story under a licence whose attribution is shown', async () => {
    const { code, stdout } = await runCli(['check', ...AS_OF], join(FIXTURES, 'wire-licensed'));
    expect(code).toBe(0);
    expect(stdout).toMatch(/no problems \(1 file checked\)/);
  });

  it('reports the missing attribution once the notice is gone', async () => {
    const { code, stdout } = await runCli(['check', ...AS_OF], join(FIXTURES, 'wire-missing-attribution'));
    expect(code).toBe(1);
    expect(stdout).toContain('13:21  error  Licence `afp-world-wire` requires the attribution "Copyright Agence France-Presse"');
  });

  it('reports a page dated after the licence ends as expired', async () => {
    const { code, stdout } = await runCli(['check', ...AS_OF], join(FIXTURES, 'wire-expired'));
    expect(code).toBe(1);
    expect(stdout).toMatch(/license-expired/);
  });

  it('says when a page has no publication date and which day it was judged by', async () => {
    const folder = copyOfFixture('wire-unlicensed');
    const page = join(folder, 'world/harbour-talks.html');
    writeFileSync(page, readFileSync(page, 'utf8').replace(/<meta property="article:published_time"[^>]*>/, ''));
    const { stdout } = await runCli(['check', ...AS_OF], folder);
    expect(stdout).toContain('(no publication date on the page: judged as of 2026-01-15)');
  });

  it('counts warnings against --max-warnings', async () => {
    const folder = join(FIXTURES, 'overrides');
    expect((await runCli(['check', ...AS_OF], folder)).code).toBe(0);
    expect((await runCli(['check', '--max-warnings', '0', ...AS_OF], folder)).code).toBe(1);
  });

  it('exits 2 with file, line and column when the policy has a typo', async () => {
    const folder = copyOfFixture('wire-licensed');
    writeFileSync(join(folder, 'rightslint.yaml'), 'licenses:\n  - id: afp\n    holder: afp\n    untill: 2025-12-31\n');
    const { code, stdout, stderr } = await runCli(['check'], folder);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('rightslint.yaml:4:5: `licenses[0].untill` Unknown field `untill`; did you mean `until`?');
  });

  it('exits 2 on a bad date, an unknown option or a missing path', async () => {
    const folder = join(FIXTURES, 'wire-licensed');
    expect((await runCli(['check', '--as-of', '2026-02-30x'], folder)).code).toBe(2);
    expect((await runCli(['check', '--colour'], folder)).code).toBe(2);
    const missing = await runCli(['check', 'no-such-folder'], folder);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Cannot check `no-such-folder`: no such file or folder');
  });

  it('refuses an --as-of day the calendar lacks, which Date.parse would roll over to March', async () => {
    const folder = join(FIXTURES, 'wire-licensed');
    for (const day of ['2025-02-30', '2025-02-29', '2025-04-31']) {
      const { code, stdout, stderr } = await runCli(['check', '--as-of', day], folder);
      expect(code, day).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(`Cannot use --as-of \`${day}\`: no such day in the calendar`);
    }
    expect((await runCli(['check', '--as-of', '2024-02-29'], folder)).code).toBe(0);
  });

  it('reports a named file that the policy excludes as skipped, not silently dropped', async () => {
    const folder = copyOfFixture('wire-unlicensed');
    writeFileSync(join(folder, 'rightslint.yaml'), 'exclude: ["world/**"]\n');
    const { code, stdout } = await runCli(['check', 'world/harbour-talks.html', '--format', 'json'], folder);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as CheckResult).files).toEqual([
      expect.objectContaining({ path: 'world/harbour-talks.html', status: 'skipped', reason: expect.stringMatching(/not included/) }),
    ]);
  });

  it('reports a broken link and a link out of the tree as unchecked errors, and checks the rest', async () => {
    const folder = copyOfFixture('wire-unlicensed');
    symlinkSync('missing.html', join(folder, 'world/broken.html'));
    const elsewhere = join(scratchFolder('elsewhere'), 'page.html');
    writeFileSync(elsewhere, '<p>PARIS (AFP) - x</p>');
    symlinkSync(elsewhere, join(folder, 'world/outside.html'));
    const { code, stdout } = await runCli(['check', '--format', 'json', ...AS_OF], folder);
    expect(code).toBe(1);
    expect((JSON.parse(stdout) as CheckResult).files.map((f) => [f.path, f.status, f.reason ?? '', f.findings.map((x) => `${x.ruleId}:${x.severity}`)])).toEqual([
      ['world/broken.html', 'error', expect.stringMatching(/broken symbolic link/), ['unscannable-file:error']],
      ['world/harbour-talks.html', 'scanned', '', ['unlicensed-content:error']],
      ['world/outside.html', 'skipped', expect.stringMatching(/^a symbolic link that leads out of the scanned folder, whose target is not read/), ['unscannable-file:error']],
    ]);
    // Alone, the link out fails the build: the site may serve it, and nothing read it.
    rmSync(join(folder, 'world/broken.html'));
    rmSync(join(folder, 'world/harbour-talks.html'));
    expect((await runCli(['check', ...AS_OF], folder)).code).toBe(1);
  });

  it('reports a link to a folder out of the tree as unchecked, as it does a link to a file', async () => {
    const folder = copyOfFixture('wire-unlicensed');
    const elsewhere = scratchFolder('elsewhere');
    writeFileSync(join(elsewhere, 'page.html'), '<p>PARIS (AFP) - x</p>');
    symlinkSync(elsewhere, join(folder, 'world/wire'));
    // A link to a folder inside is passed over: its pages are checked where they are.
    mkdirSync(join(folder, 'drafts'));
    symlinkSync(join(folder, 'drafts'), join(folder, 'world/drafts'));
    rmSync(join(folder, 'world/harbour-talks.html'));
    writeFileSync(join(folder, 'world/local.html'), '<p>Local news.</p>');
    const { code, stdout } = await runCli(['check', '--format', 'json', ...AS_OF], folder);
    expect(code).toBe(1);
    expect((JSON.parse(stdout) as CheckResult).files.map((f) => [f.path, f.status, f.reason ?? '', f.findings.map((x) => `${x.ruleId}:${x.severity}`)])).toEqual([
      ['world/local.html', 'scanned', '', []],
      ['world/wire', 'skipped', expect.stringMatching(/^a symbolic link to a folder that leads out of the scanned folder, whose pages are not read/), ['unscannable-file:error']],
    ]);
    // Named by a glob too; and passed over once the policy excludes it.
    expect((await runCli(['check', 'world/**/*.html', ...AS_OF], folder)).stdout).toContain('world/wire\n  1:1  error');
    writeFileSync(join(folder, 'rightslint.yaml'), 'exclude: ["world/wire/**"]\n');
    expect((await runCli(['check', ...AS_OF], folder)).code).toBe(0);
    // A link to a folder inside whose pages the policy does not check where they are serves them unchecked.
    writeFileSync(join(folder, 'rightslint.yaml'), 'include: ["world/**/*.html"]\nexclude: ["world/wire/**"]\n');
    writeFileSync(join(folder, 'drafts/story.html'), '<p>PARIS (AFP) - x</p>');
    const inside = await runCli(['check', '--format', 'json', ...AS_OF], folder);
    expect(inside.code).toBe(1);
    expect((JSON.parse(inside.stdout) as CheckResult).files.map((f) => [f.path, f.status, f.reason ?? ''])).toEqual([
      ['world/drafts', 'skipped', expect.stringMatching(/^a symbolic link to a folder inside the scanned folder whose pages the policy does not check where they are/)],
      ['world/local.html', 'scanned', ''],
    ]);
  });

  it('runs as an installed command from bin/', async () => {
    const bin = join(import.meta.dirname, '../bin/rightslint.js');
    const failure = await promisify(execFile)(process.execPath, [bin, 'check', ...AS_OF], { cwd: join(FIXTURES, 'wire-unlicensed') }).catch((error: { code: number; stdout: string }) => error);
    expect('code' in failure ? failure.code : 0).toBe(1);
    expect(failure.stdout).toContain('unlicensed-content');
  });
});

describe('rightslint check over no file', () => {
  it('exits 2 naming the include pattern when a typo in it matches nothing', async () => {
    const folder = copyOfFixture('wire-unlicensed');
    writeFileSync(join(folder, 'rightslint.yaml'), 'include: ["wrold/**/*.html"]\n');
    const { code, stdout, stderr } = await runCli(['check'], folder);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toBe('rightslint: Cannot check `.`: no file there is included by `rightslint.yaml` (`include`: `wrold/**/*.html`; .gitignore files apply); correct the path or the patterns, or pass --allow-empty to accept a run that checks nothing\n');
  });

  it('exits 2 naming an empty folder, or one with no page, among the paths given', async () => {
    const folder = copyOfFixture('wire-unlicensed');
    mkdirSync(join(folder, 'empty'));
    mkdirSync(join(folder, 'images'));
    writeFileSync(join(folder, 'images/logo.svg'), '<svg/>');
    const { code, stderr } = await runCli(['check', 'world', 'empty', 'images'], folder);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^rightslint: Cannot check `empty`, `images`: no file there is included by `rightslint.yaml`/);
  });

  it('exits 0 over no file with --allow-empty, and from code with allowEmpty', async () => {
    const folder = scratchFolder('empty');
    const { code, stdout } = await runCli(['check', '--allow-empty'], folder);
    expect(code).toBe(0);
    expect(stdout).toMatch(/no problems \(0 files checked\)/);
    expect((await check({ cwd: folder, allowEmpty: true })).summary.files).toBe(0);
    await expect(check({ cwd: folder })).rejects.toThrow(/^Cannot check `\.`: no file there is included by the default policy/);
  });

  it('exits 0 for a shard that gets no page when the site has some', async () => {
    const folder = copyOfFixture('wire-licensed');
    const shards = await Promise.all(['1/2', '2/2'].map((shard) => runCli(['check', '--shard', shard, '-f', 'json', ...AS_OF], folder)));
    expect(shards.map(({ code, stdout }) => [code, (JSON.parse(stdout) as CheckResult).summary.files]).sort()).toEqual([[0, 0], [0, 1]]);
  });

  it('fails over a file named outside the policy\'s folder, reporting it unchecked', async () => {
    const folder = copyOfFixture('wire-licensed');
    const outside = join(scratchFolder('outside'), 'page.html');
    writeFileSync(outside, '<p>PARIS (AFP) - x</p>');
    const { code, stdout } = await runCli(['check', 'world', outside, '--format', 'json', ...AS_OF], folder);
    expect(code).toBe(1);
    expect((JSON.parse(stdout) as CheckResult).files.map((f) => [f.path, f.status, f.reason ?? '', f.findings.map((x) => `${x.ruleId}:${x.severity}@${x.line}:${x.column}`)])).toEqual([
      [relative(folder, outside), 'skipped', 'outside the folder of the policy `rightslint.yaml`, whose globs cannot match it (check it with its own policy: --config)', ['unscannable-file:error@1:1']],
      ['world/harbour-talks.html', 'scanned', '', []],
    ]);
  });
});

describe('option values', () => {
  it('are refused before any page is read, with exit 2 and one line saying what is expected', async () => {
    const folder = copyOfFixture('wire-unlicensed');
    const refused = async (...args: string[]) => {
      const { code, stdout, stderr } = await runCli(['check', '--cache', ...args], folder);
      return [code, stdout, stderr.split('\n')[0]];
    };
    expect(await refused('--timeout', '3000000')).toEqual([2, '', 'rightslint: Cannot use --timeout `3000000`: expected a number of seconds from 0.001 to 2147483 (the longest timer Node.js keeps)']);
    expect(await refused('--timeout', '0.0005')).toEqual([2, '', 'rightslint: Cannot use --timeout `0.0005`: expected a number of seconds from 0.001 to 2147483 (the longest timer Node.js keeps)']);
    expect(await refused('--timeout', '1e3')).toEqual([2, '', 'rightslint: Cannot use --timeout `1e3`: expected a number of seconds from 0.001 to 2147483 (the longest timer Node.js keeps)']);
    expect(await refused('--max-warnings', '-1')).toEqual([2, '', 'rightslint: Cannot use --max-warnings `-1`: expected a whole number from 0 (leave the option out to allow any number of warnings)']);
    expect(await refused('--max-warnings=')).toEqual([2, '', 'rightslint: Cannot use --max-warnings ``: expected a whole number from 0 (leave the option out to allow any number of warnings)']);
    expect(await refused('--workers', '0')).toEqual([2, '', 'rightslint: Cannot use --workers `0`: expected a whole number from 1']);
    for (const value of ['-1', '1.5', 'Infinity', 'al']) {
      expect(await refused('--max-evidence', value)).toEqual([2, '', `rightslint: Cannot use --max-evidence \`${value}\`: expected a whole number from 0 (or \`all\`)`]);
    }
    expect(await refused('-c', '-x')).toEqual([2, '', 'rightslint: Cannot use `-c`: it needs a value (for one that starts with a dash, write `--config=-x`)']);
    expect(existsSync(join(folder, '.rightslintcache'))).toBe(false);
  });

  it('take the longest and shortest time limits Node.js keeps, and refuse others from code', async () => {
    const folder = copyOfFixture('wire-licensed');
    expect((await runCli(['check', '--timeout', '2147483', ...AS_OF], folder)).code).toBe(0);
    expect((await runCli(['check', '--timeout', '.5', ...AS_OF], folder)).code).toBe(0);
    await expect(check({ cwd: folder, timeoutMs: 3_000_000_000 })).rejects.toThrow('Cannot use a time limit of `3000000000` ms: expected 1 to 2147483647 ms (the longest timer Node.js keeps)');
    await expect(check({ cwd: folder, timeoutMs: 0.5 })).rejects.toThrow(UsageError);
    await expect(check({ cwd: folder, workers: 1.5 })).rejects.toThrow('Cannot use `1.5` workers: expected a whole number from 1');
  });
});

describe('the evidence a report lists', () => {
  const folder = join(FIXTURES, 'wire-unlicensed');
  type Holders = { files: Array<{ holders: Array<{ evidence: Array<{ signal: string }>; evidenceCount?: number }> }> };
  const holderOf = (stdout: string) => (JSON.parse(stdout) as Holders).files[0]?.holders[0];

  it('is bounded by --max-evidence, the rest counted, in check and merge alike', async () => {
    const one = await runCli(['check', '-f', 'json', '--max-evidence', '1', ...AS_OF], folder);
    expect(one.code).toBe(1);
    expect(holderOf(one.stdout)).toMatchObject({ evidence: [{ signal: 'afp/dateline' }], evidenceCount: 2 });
    const none = await runCli(['check', '--max-evidence', '0', ...AS_OF], folder);
    expect(none.stdout).toContain('… and 2 more');
    const out = scratchFolder('max-evidence');
    await runCli(['check', '-f', 'json', '-o', join(out, 'all.json'), '--max-evidence', 'all', ...AS_OF], folder);
    const all = holderOf(readFileSync(join(out, 'all.json'), 'utf8'));
    expect([all?.evidence.map((e) => e.signal), all?.evidenceCount]).toEqual([['afp/dateline', 'afp/notice'], undefined]);
    const merged = await runCli(['merge', '--max-evidence', '1', 'all.json'], out);
    expect(merged.code).toBe(1);
    expect(holderOf(merged.stdout)).toMatchObject({ evidence: [{ signal: 'afp/dateline' }], evidenceCount: 2 });
  });

  it('is refused for SARIF logs, which merge as they are', async () => {
    const out = scratchFolder('max-evidence-sarif');
    await runCli(['check', '-f', 'sarif', '-o', join(out, 'all.sarif'), ...AS_OF], folder);
    const merged = await runCli(['merge', '-o', join(out, 'merged.sarif'), 'all.sarif'], out);
    // As check exits on the whole: the merged log holds an error; a clean one passes.
    expect(merged.code).toBe(1);
    await runCli(['check', '-f', 'sarif', '-o', join(out, 'clean.sarif'), ...AS_OF], join(FIXTURES, 'wire-licensed'));
    expect((await runCli(['merge', '-o', join(out, 'merged-clean.sarif'), 'clean.sarif'], out)).code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'merged.sarif'), 'utf8'))).toMatchObject({ version: '2.1.0', runs: [{ results: [{ ruleId: 'unlicensed-content' }] }] });
    for (const option of [['--max-evidence', '1'], ['--quiet']]) {
      const refused = await runCli(['merge', ...option, 'all.sarif'], out);
      expect([refused.code, refused.stderr.split('\n')[0]]).toEqual([2, `rightslint: Cannot use ${option[0]} on SARIF logs: they merge as they are (merge the JSON results for that)`]);
    }
  });
});

describe('the github format in GitHub Actions', () => {
  it('names paths relative to GITHUB_WORKSPACE when the policy stands in a folder below it', async () => {
    const site = copyOfFixture('wire-unlicensed');
    const workspace = join(site, '..');
    const annotated = async (cwd: string, env: Record<string, string>) => (await runCli(['check', '-f', 'github', ...AS_OF], cwd, env)).stdout.match(/file=[^,]+/g);
    const inSite = `file=${relative(workspace, site)}/world/harbour-talks.html`;
    expect(await annotated(site, { GITHUB_WORKSPACE: workspace })).toEqual([inSite]);
    // From any folder: paths go through the policy's folder, not the one the run started in.
    expect(await annotated(join(site, 'world'), { GITHUB_WORKSPACE: workspace })).toEqual([inSite]);
    expect(await annotated(site, {})).toEqual(['file=world/harbour-talks.html']);
    const shards = scratchFolder('workspace-merge');
    await runCli(['check', '-f', 'json', '-o', join(shards, 'all.json'), ...AS_OF], site);
    expect((await runCli(['merge', '-f', 'github', 'all.json'], shards, { GITHUB_WORKSPACE: workspace })).stdout.match(/file=[^,]+/g)).toEqual([inSite]);
  });
});

describe('a file that is not a regular file', () => {
  it.skipIf(process.platform === 'win32')('is reported as unscannable, and a named pipe does not hold the run up waiting for a writer', async () => {
    const folder = copyOfFixture('wire-licensed');
    execFileSync('mkfifo', [join(folder, 'pipe.html')]);
    const { files } = await check({ cwd: folder, asOf: '2025-06-30' });
    const pipe = files.find((file) => file.path === 'pipe.html');
    expect([pipe?.status, pipe?.reason, pipe?.findings.map((f) => `${f.ruleId}:${f.severity}`)]).toEqual(['error', 'Cannot check `pipe.html`: not a regular file (a named pipe)', ['unscannable-file:error']]);
    expect(files.filter((file) => file.status === 'scanned')).toHaveLength(files.length - 1);
  });
});

describe('a damaged cache', () => {
  it('is read as misses: entries of another shape are checked again, never trusted or fatal', async () => {
    const folder = copyOfFixture('wire-unlicensed');
    const cacheLocation = join(folder, '.cache');
    const first = await check({ cwd: folder, asOf: '2025-06-30', cacheLocation });
    const entries = readdirSync(cacheLocation, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.json')).map((name) => join(cacheLocation, name));
    expect(entries.length).toBeGreaterThan(0);
    for (const damaged of ['[]', '{}', '42', 'null', '{"status":"scanned","holders":[1],"findings":[]}', '{"version":1,"files":{"a":5}}']) {
      for (const entry of entries) writeFileSync(entry, damaged);
      expect(await check({ cwd: folder, asOf: '2025-06-30', cacheLocation })).toEqual(first);
    }
  });
});

describe('the bundled example', () => {
  it('reports what examples/newsroom/README.md says it does', async () => {
    const { code, stdout } = await runCli(['check', 'examples/newsroom', '--format', 'json', ...AS_OF], join(import.meta.dirname, '..'));
    expect(code).toBe(1);
    const findings = (JSON.parse(stdout) as CheckResult).files.flatMap((f) => f.findings.map((x) => `${f.path.replace(/^content\//, '')} ${x.ruleId} ${x.holder ?? ''}`.trim()));
    expect(findings).toEqual([
      'blog/2025/07/picture-desk-favourites.md unlicensed-content ap',
      'business/2025/05/container-rates-slide.html license-expired reuters',
      'news/2025/04/ferry-route-norway.html unknown-notice',
      'news/2025/05/senate-flood-insurance.html unlicensed-content ap',
      'photos/2025/02/storm-gallery.html retention-exceeded afp',
      'photos/2025/05/hamburg-twinning-visit.md missing-attribution dpa',
      'sport/2025/06/atlantic-solo-lorient.html unlicensed-content afp',
      'world/2025/05/berliner-faehren-sommer.html unlicensed-content dpa',
    ]);
  });
});
