import { execFileSync, spawn } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../src/result.js';
import { runCli } from './support/run-cli.js';
import { scratchFolder } from './support/scratch.js';

const AS_OF = ['--as-of', '2026-01-15'];

/** A site of one unlicensed AFP story, and an empty folder beside it for the reports. */
function siteAndOutputs(): { site: string; out: string } {
  const site = scratchFolder('site');
  writeFileSync(join(site, 'story.html'), '<article><h1>T</h1><p>PARIS (AFP) - A wire story.</p></article>');
  return { site, out: scratchFolder('out') };
}
const pathsIn = (result: string) => (JSON.parse(result) as CheckResult).files.map((f) => f.path);

describe('-o onto what is not a plain file', () => {
  it('writes through a symbolic link to the file it points at, and keeps the link', async () => {
    const { site, out } = siteAndOutputs();
    writeFileSync(join(out, 'real.json'), 'old');
    symlinkSync('real.json', join(out, 'link.json'));
    const { code } = await runCli(['check', ...AS_OF, '-f', 'json', '-o', join(out, 'link.json')], site);
    expect(code).toBe(1);
    expect([lstatSync(join(out, 'link.json')).isSymbolicLink(), readlinkSync(join(out, 'link.json'))]).toEqual([true, 'real.json']);
    expect(pathsIn(readFileSync(join(out, 'real.json'), 'utf8'))).toEqual(['story.html']);
    expect(readdirSync(out).sort()).toEqual(['link.json', 'real.json']);
  });

  it('creates the file a dangling link names, and keeps the link', async () => {
    const { site, out } = siteAndOutputs();
    symlinkSync('made.json', join(out, 'link.json'));
    await runCli(['check', ...AS_OF, '-f', 'json', '-o', join(out, 'link.json')], site);
    expect(lstatSync(join(out, 'link.json')).isSymbolicLink()).toBe(true);
    expect(pathsIn(readFileSync(join(out, 'made.json'), 'utf8'))).toEqual(['story.html']);
  });

  it('writes into a FIFO in place instead of replacing it with a plain file', async () => {
    const { site, out } = siteAndOutputs();
    const fifo = join(out, 'report.fifo');
    execFileSync('mkfifo', [fifo]);
    // A reader in another process, so that a FIFO replaced by the write cannot hang this one.
    const reader = spawn('cat', [fifo]);
    let read = '';
    reader.stdout.on('data', (chunk: Buffer) => (read += chunk.toString()));
    const closed = new Promise<void>((done) => reader.on('close', () => done()));
    const { code } = await runCli(['check', ...AS_OF, '-f', 'json', '-o', fifo], site);
    const timer = setTimeout(() => reader.kill(), 5000);
    await closed;
    clearTimeout(timer);
    expect(code).toBe(1);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(pathsIn(read)).toEqual(['story.html']);
    expect(readdirSync(out)).toEqual(['report.fifo']);
  });

  it('refuses a folder in one line, exit 2, leaving nothing behind', async () => {
    const { site } = siteAndOutputs();
    mkdirSync(join(site, 'reports'));
    const { code, stderr } = await runCli(['check', ...AS_OF, '-f', 'json', '-o', 'reports'], site);
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe('rightslint: Cannot write `reports`: it is a folder (give a file name)');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect([readdirSync(site).sort(), readdirSync(join(site, 'reports'))]).toEqual([['reports', 'story.html'], []]);
  });

  it('refuses a path whose folder does not exist in one line, exit 2, leaving nothing behind', async () => {
    const { site, out } = siteAndOutputs();
    const { code, stderr } = await runCli(['check', ...AS_OF, '-f', 'json', '-o', join(out, 'missing', 'report.json')], site);
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe(`rightslint: Cannot write \`${join(out, 'missing', 'report.json')}\`: its folder does not exist`);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(out)).toEqual([]);
  });

  it('is refused before any page is read, not after the whole scan', async () => {
    const { site, out } = siteAndOutputs();
    const { code } = await runCli(['check', ...AS_OF, '--cache', '-f', 'json', '-o', join(out, 'missing', 'report.json')], site);
    expect(code).toBe(2);
    // A scan would have left its cache of results behind.
    expect(readdirSync(site)).toEqual(['story.html']);
  });
});
