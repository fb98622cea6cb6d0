import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { check } from '../src/engine/check.js';
import { checkSource } from '../src/engine/check-source.js';
import { tracePage } from '../src/trace/trace-page.js';
import { runCli } from './support/run-cli.js';
import { scratchSite } from './support/scratch.js';

// The suite runs as root, which chmod 000 does not stop: the file-system errors are injected
// instead, into the calls rightslint makes (fast-glob walks through the ones it is given), by
// call and absolute path: `fail('readdirSync', folder, 'EACCES')`.
const failures = vi.hoisted(() => new Map<string, string>());

function fail(call: 'readdirSync' | 'lstatSync' | 'readFile' | 'stat', path: string, code: string): void {
  failures.set(`${call} ${path}`, code);
}

function failing<F extends (...args: never[]) => unknown>(name: string, call: F): F {
  const through = call as unknown as (...args: unknown[]) => unknown;
  return ((path: unknown, ...rest: unknown[]) => {
    const code = failures.get(`${name} ${String(path)}`);
    if (code !== undefined) throw Object.assign(new Error(`${code}: injected, ${String(path)}`), { code });
    return through(path, ...rest);
  }) as unknown as F;
}

vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  return { ...fs, readdirSync: failing('readdirSync', fs.readdirSync), lstatSync: failing('lstatSync', fs.lstatSync) };
});
vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof import('node:fs/promises')>();
  const rejecting = <F extends (...args: never[]) => Promise<unknown>>(name: string, call: F): F => (async (...args: never[]) => failing(name, call)(...args)) as F;
  return { ...fs, readFile: rejecting('readFile', fs.readFile), stat: rejecting('stat', fs.stat) };
});

afterEach(() => failures.clear());

const UNSCANNABLE = [expect.objectContaining({ ruleId: 'unscannable-file', severity: 'error' })];

describe('a folder that cannot be listed', () => {
  it('is an error entry naming it and why, and the run goes on', async () => {
    const folder = scratchSite('site', { 'content/a.html': '<p>a</p>', 'content/locked/b.html': 'b', 'content/failing/c.html': 'c', 'content/gone/d.html': 'd', 'content/loop/e.html': 'e' });
    fail('readdirSync', join(folder, 'content/locked'), 'EACCES');
    fail('readdirSync', join(folder, 'content/failing'), 'EIO');
    fail('readdirSync', join(folder, 'content/gone'), 'ENOTDIR');
    fail('readdirSync', join(folder, 'content/loop'), 'ELOOP');
    const result = await check({ cwd: folder, workers: 1 });
    expect(result.files.map(({ path, status, reason, findings }) => ({ path, status, reason, findings }))).toEqual([
      { path: 'content/a.html', status: 'scanned', reason: undefined, findings: [] },
      { path: 'content/failing', status: 'error', reason: 'Cannot read the folder `content/failing`: an input/output error (EIO)', findings: UNSCANNABLE },
      { path: 'content/gone', status: 'error', reason: 'Cannot read the folder `content/gone`: a part of its path is a file, not a folder (ENOTDIR)', findings: UNSCANNABLE },
      { path: 'content/locked', status: 'error', reason: 'Cannot read the folder `content/locked`: permission denied (EACCES)', findings: UNSCANNABLE },
      { path: 'content/loop', status: 'error', reason: 'Cannot read the folder `content/loop`: too many symbolic links (ELOOP)', findings: UNSCANNABLE },
    ]);
  });

  it('fails the command line run, exit 1, with the folder in the report', async () => {
    const folder = scratchSite('site', { 'a.html': '<p>a</p>', 'locked/b.html': 'b' });
    fail('readdirSync', join(folder, 'locked'), 'EACCES');
    const { code, stdout } = await runCli(['check'], folder);
    expect(code).toBe(1);
    expect(stdout).toContain('locked\n  1:1  error  Cannot check this file: Cannot read the folder `locked`: permission denied (EACCES)  unscannable-file');
  });

  it('is passed over where .gitignore leaves it out, as the pages in it would be', async () => {
    const folder = scratchSite('site', { '.gitignore': 'private/\n', 'a.html': '<p>a</p>', 'private/b.html': 'b' });
    fail('readdirSync', join(folder, 'private'), 'EACCES');
    expect((await check({ cwd: folder, workers: 1 })).files.map((file) => [file.path, file.status])).toEqual([['a.html', 'scanned']]);
  });

  it('is an error entry for a page the policy names outright, when it cannot be looked at', async () => {
    const folder = scratchSite('site', { 'rightslint.yaml': 'include: ["index.html"]\n', 'index.html': '<p>a</p>' });
    fail('lstatSync', join(folder, 'index.html'), 'EACCES');
    expect((await check({ cwd: folder, workers: 1 })).files.map((file) => [file.path, file.status, file.reason])).toEqual([
      ['index.html', 'error', 'Cannot read `index.html`: permission denied (EACCES)'],
    ]);
  });

  it('is an error entry when it is named on the command line, as one under it is', async () => {
    const folder = scratchSite('site', { 'a.html': '<p>a</p>', 'locked/b.html': 'b' });
    fail('readdirSync', join(folder, 'locked'), 'EACCES');
    fail('stat', join(folder, 'locked/b.html'), 'EACCES');
    const result = await check({ cwd: folder, paths: ['locked', 'locked/b.html'], workers: 1 });
    expect(result.files.map((file) => [file.path, file.status, file.reason])).toEqual([
      ['locked', 'error', 'Cannot read the folder `locked`: permission denied (EACCES)'],
      ['locked/b.html', 'error', 'Cannot read `locked/b.html`: permission denied (EACCES)'],
    ]);
  });
});

describe('a .gitignore that cannot be read', () => {
  it('is an error entry, and the pages it would have left out are checked', async () => {
    const folder = scratchSite('site', { '.gitignore': 'drafts/\n', 'a.html': '<p>a</p>', 'drafts/b.html': '<p>b</p>', 'other/.gitignore': '*.html\n', 'other/c.html': 'c' });
    fail('readFile', join(folder, '.gitignore'), 'EACCES');
    const result = await check({ cwd: folder, workers: 1 });
    expect(result.files.map((file) => [file.path, file.status, file.reason])).toEqual([
      ['.gitignore', 'error', 'Cannot read `.gitignore`: permission denied (EACCES); the pages below its folder were checked as if it ignored none'],
      ['a.html', 'scanned', undefined],
      ['drafts/b.html', 'scanned', undefined],
    ]);
    expect(result.files[0]?.findings).toEqual(UNSCANNABLE);
  });

  it('is reported only where it could change what is checked', async () => {
    const folder = scratchSite('site', { 'content/a.html': '<p>a</p>', 'other/.gitignore': '*.html\n', 'other/c.html': 'c' });
    fail('readFile', join(folder, 'other/.gitignore'), 'EACCES');
    expect((await check({ cwd: folder, paths: ['content'], workers: 1 })).files.map((file) => file.path)).toEqual(['content/a.html']);
  });

  it('leaves a page trace names unchecked, as whether it is ignored cannot be told', async () => {
    const folder = scratchSite('site', { '.gitignore': 'drafts/\n', 'drafts/page.html': '<p>x</p>' });
    fail('readFile', join(folder, '.gitignore'), 'EACCES');
    expect((await tracePage('drafts/page.html', { cwd: folder })).check).toEqual({
      status: 'error',
      reason: 'Cannot read `.gitignore`: permission denied (EACCES); whether it leaves this page out cannot be told',
    });
  });

  it('leaves a page on standard input unchecked, as whether it is ignored cannot be told', async () => {
    const folder = scratchSite('site', { '.gitignore': 'drafts/\n' });
    fail('readFile', join(folder, '.gitignore'), 'EACCES');
    const result = await checkSource({ cwd: folder, filename: 'drafts/page.html', bytes: Buffer.from('<p>x</p>') });
    expect(result.files).toEqual([expect.objectContaining({
      path: 'drafts/page.html',
      status: 'error',
      reason: 'Cannot read `.gitignore`: permission denied (EACCES); whether it leaves this page out cannot be told',
      findings: UNSCANNABLE,
    })]);
  });
});

describe('with --changed-since', () => {
  it('still reports what could not be read, and a named page that cannot be looked at ends no run', async () => {
    const folder = scratchSite('site', { 'a.html': '<p>a</p>', 'locked/b.html': 'b' });
    const git = (...args: string[]): void => void execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd: folder, stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'first');
    fail('readdirSync', join(folder, 'locked'), 'EACCES');
    expect((await check({ cwd: folder, changedSince: 'HEAD', workers: 1 })).files.map((file) => [file.path, file.status])).toEqual([['locked', 'error']]);
    fail('stat', join(folder, 'locked/b.html'), 'EACCES');
    expect((await check({ cwd: folder, paths: ['locked/b.html'], changedSince: 'HEAD', workers: 1 })).files.map((file) => [file.path, file.status])).toEqual([['locked/b.html', 'error']]);
  });
});
