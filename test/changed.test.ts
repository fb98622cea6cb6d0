import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../src/result.js';
import { runCli } from './support/run-cli.js';
import { copyOfFixture } from './support/scratch.js';

function git(folder: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd: folder, stdio: 'pipe' });
}

describe('--changed-since', () => {
  it('checks only the pages changed since the ref, plus untracked ones', async () => {
    const folder = copyOfFixture('overrides');
    git(folder, 'init', '-q');
    git(folder, 'add', '.');
    git(folder, 'commit', '-qm', 'first');
    writeFileSync(join(folder, 'news/wire.md'), '# Bridge\n\nLYON (AFP) - Edited after the first commit.\n');
    git(folder, 'commit', '-qam', 'edit one page');
    writeFileSync(join(folder, 'news/draft.md'), '# Draft\n\nNothing from the wires.\n');

    const { stdout } = await runCli(['check', '--changed-since', 'HEAD~1', '--format', 'json'], folder);
    expect((JSON.parse(stdout) as CheckResult).files.map((f) => f.path)).toEqual(['news/draft.md', 'news/wire.md']);
  });

  it('exits 2 naming the ref when git cannot resolve it', async () => {
    const folder = copyOfFixture('overrides');
    git(folder, 'init', '-q');
    const { code, stderr } = await runCli(['check', '--changed-since', 'no-such-ref'], folder);
    expect(code).toBe(2);
    expect(stderr).toContain('Cannot list the files changed since `no-such-ref`');
  });
});
