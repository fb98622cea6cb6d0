import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../src/workspace/result.js';
import { runCli } from './support/run-cli.js';
import { scratchFolder } from './support/scratch.js';

const BIN = join(import.meta.dirname, '../bin/rightslint.js');
const FIXTURES = join(import.meta.dirname, 'fixtures');

/** Runs the built CLI with its standard output piped to a reader that closes before anything is read. */
function runIntoClosedPipe(args: string[], cwd: string): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  // Closing our end at once makes every write of the child fail with EPIPE, as after `| head -1`.
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done) => child.on('close', (code, signal) => done({ code, signal, stderr })));
}

/** The JSON result of 3,000 unlicensed pages (its report is several megabytes, several chunks). */
async function largeResult(): Promise<string> {
  const folder = scratchFolder('large');
  await runCli(['check', '--as-of', '2026-01-15', '-f', 'json', '-o', join(folder, 'one.json')], join(FIXTURES, 'wire-unlicensed'));
  const result = JSON.parse(readFileSync(join(folder, 'one.json'), 'utf8')) as CheckResult;
  const [page] = result.files;
  if (!page) throw new Error('Cannot make a large result: the fixture gave no page');
  result.files = Array.from({ length: 3000 }, (_, i) => ({ ...page, path: `world/page-${i}.html` }));
  writeFileSync(join(folder, 'large.json'), JSON.stringify(result));
  return folder;
}

describe('standard output closed early', () => {
  it('ends `holders --format json` quietly with exit 0', async () => {
    expect(await runIntoClosedPipe(['holders', '--format', 'json'], FIXTURES)).toEqual({ code: 0, signal: null, stderr: '' });
  });

  it('ends a check quietly with its own verdict, so a pipeline with pipefail still fails', async () => {
    const result = await runIntoClosedPipe(['check', '--as-of', '2026-01-15', '--format', 'json'], join(FIXTURES, 'wire-unlicensed'));
    expect(result).toEqual({ code: 1, signal: null, stderr: '' });
  });

  it('ends a report of several chunks quietly with its own verdict', async () => {
    const folder = await largeResult();
    expect(await runIntoClosedPipe(['merge', '-f', 'stylish', 'large.json'], folder)).toEqual({ code: 1, signal: null, stderr: '' });
  });
});

describe('standard output read through a pipe', () => {
  it('carries a report of several chunks whole, as its file holds it', async () => {
    const folder = await largeResult();
    await runCli(['merge', '-o', join(folder, 'merged.json'), 'large.json'], folder);
    const child = spawn(process.execPath, [BIN, 'merge', 'large.json'], { cwd: folder, stdio: ['ignore', 'pipe', 'inherit'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    const code = await new Promise((done) => child.on('close', done));
    const piped = Buffer.concat(chunks).toString();
    expect(code).toBe(1);
    expect(piped.length).toBeGreaterThan(3 << 20);
    expect(piped === readFileSync(join(folder, 'merged.json'), 'utf8')).toBe(true);
  });
});

describe('standard output that refuses what is written to it', () => {
  /** Runs the built CLI with its standard output on Linux's /dev/full, which answers every write "no space left" (ENOSPC), as a full disk under `> report.txt` does. */
  function runIntoFullDisk(args: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
    const full = openSync('/dev/full', 'w');
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', full, 'pipe'] });
    closeSync(full);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    return new Promise((done) => child.on('close', (code) => done({ code, stderr })));
  }

  it.runIf(existsSync('/dev/full'))('ends a clean check with exit 2 and one line naming what failed', async () => {
    const folder = scratchFolder('full-disk');
    writeFileSync(join(folder, 'calm.html'), '<p>Nothing from the wires.</p>');
    for (const format of ['stylish', 'json']) {
      expect(await runIntoFullDisk(['check', '-f', format], folder)).toEqual({ code: 2, stderr: 'rightslint: Cannot write standard output: no space left on the device\n' });
    }
  });

  it.runIf(existsSync('/dev/full'))('ends a check with findings with exit 2, not 1, with one line and no stack trace', async () => {
    expect(await runIntoFullDisk(['check', '--as-of', '2026-01-15', '-f', 'json'], join(FIXTURES, 'wire-unlicensed'))).toEqual({ code: 2, stderr: 'rightslint: Cannot write standard output: no space left on the device\n' });
  });
});
