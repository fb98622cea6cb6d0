import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

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

describe('standard output closed early', () => {
  it('ends `holders --format json` quietly with exit 0', async () => {
    expect(await runIntoClosedPipe(['holders', '--format', 'json'], FIXTURES)).toEqual({ code: 0, signal: null, stderr: '' });
  });

  it('ends a check quietly with its own verdict, so a pipeline with pipefail still fails', async () => {
    const result = await runIntoClosedPipe(['check', '--as-of', '2026-01-15', '--format', 'json'], join(FIXTURES, 'wire-unlicensed'));
    expect(result).toEqual({ code: 1, signal: null, stderr: '' });
  });
});
