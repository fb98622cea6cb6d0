import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { checkSource } from '../src/engine/check-source.js';
import { UsageError } from '../src/errors.js';
import type { CheckResult } from '../src/workspace/result.js';
import { runCli } from './support/run-cli.js';
import { scratchSite } from './support/scratch.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const AS_OF = ['--as-of', '2026-01-15'];

/** Runs the command line with `input` on standard input. */
async function withStdin(args: string[], cwd: string, input: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    cwd,
    env: {},
    stdin: (async function* () {
      // In two pieces, as a pipe may give it.
      yield Buffer.from(input.slice(0, 10));
      yield Buffer.from(input.slice(10));
    })(),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

const findings = (stdout: string) => (JSON.parse(stdout) as CheckResult).files.map((f) => [f.path, f.status, f.reason ?? '', f.findings.map((x) => `${x.ruleId}@${x.line}:${x.column}`)]);

describe('check --stdin', () => {
  it('checks the page on standard input as the file it is named as, with that file\'s policy and positions', async () => {
    const folder = join(FIXTURES, 'wire-unlicensed');
    const page = readFileSync(join(folder, 'world/harbour-talks.html'), 'utf8');
    const fromFile = await runCli(['check', 'world/harbour-talks.html', '-f', 'json', ...AS_OF], folder);
    const piped = await withStdin(['check', '--stdin', '--stdin-filename', 'world/harbour-talks.html', '-f', 'json', ...AS_OF], folder, page);
    expect(piped.code).toBe(1);
    expect(findings(piped.stdout)).toEqual(findings(fromFile.stdout));
    expect(findings(piped.stdout)).toEqual([['world/harbour-talks.html', 'scanned', '', ['unlicensed-content@13:21']]]);
  });

  it('reads the page as Markdown when its name says so, and as HTML when no name is given', async () => {
    const folder = join(FIXTURES, 'wire-unlicensed');
    const markdown = '# Talks\n\nPARIS (AFP) - Talks resumed on Monday.\n';
    expect(findings((await withStdin(['check', '--stdin', '--stdin-filename', 'news/talks.md', '-f', 'json', ...AS_OF], folder, markdown)).stdout))
      .toEqual([['news/talks.md', 'scanned', '', ['unlicensed-content@3:1']]]);
    expect(findings((await withStdin(['check', '--stdin', '-f', 'json', ...AS_OF], folder, '<p>PARIS (AFP) - Talks resumed.</p>')).stdout))
      .toEqual([['stdin.html', 'scanned', '', ['unlicensed-content@1:4']]]);
  });

  it('reports a page that runs past --timeout, stopped between the stages of its check', async () => {
    const folder = join(FIXTURES, 'wire-unlicensed');
    // Some 3 MB of datelined paragraphs: seconds of work, far past a millisecond of CPU time.
    const page = `<article>${'<p>PARIS (AFP) - Talks resumed after a night of <em>long</em> debate.</p>\n'.repeat(45_000)}</article>`;
    const piped = await withStdin(['check', '--stdin', '--timeout', '0.001', '-f', 'json', ...AS_OF], folder, page);
    expect(piped.code).toBe(1);
    expect(findings(piped.stdout)).toEqual([['stdin.html', 'error', 'timed out after 0.001 s (see --timeout)', ['unscannable-file@1:1']]]);
    await expect(checkSource({ bytes: Buffer.from(page), filename: 'a.html', cwd: folder, timeoutMs: 0.5 })).rejects.toThrow(UsageError);
  });

  it('refuses to pass a page checked under the default name that the policy leaves out: nothing would be checked', async () => {
    const site = scratchSite('stdin-include', { 'rightslint.yaml': 'include: ["content/**/*.html"]\n' });
    const page = '<p>PARIS (AFP) - Talks resumed on Monday.</p>';
    expect(await withStdin(['check', '--stdin', ...AS_OF], site, page)).toMatchObject({ code: 2, stderr: expect.stringContaining('Cannot check standard input as `stdin.html`') });
    // A file the user names is theirs to name: one the policy leaves out is skipped, as it is in a run over files.
    expect(findings((await withStdin(['check', '--stdin', '--stdin-filename', 'drafts/a.html', '-f', 'json', ...AS_OF], site, page)).stdout)).toEqual([['drafts/a.html', 'skipped', expect.any(String), []]]);
    expect(findings((await withStdin(['check', '--stdin', '--stdin-filename', 'content/a.html', '-f', 'json', ...AS_OF], site, page)).stdout)).toEqual([['content/a.html', 'scanned', '', ['unlicensed-content@1:4']]]);
  });

  it('refuses paths and options of a run over files beside it, with exit 2', async () => {
    const folder = join(FIXTURES, 'wire-unlicensed');
    expect(await withStdin(['check', '--stdin', 'world'], folder, 'x')).toMatchObject({ code: 2, stderr: expect.stringContaining('Cannot check `world` and --stdin in one run') });
    expect(await withStdin(['check', '--stdin', '--cache'], folder, 'x')).toMatchObject({ code: 2, stderr: expect.stringContaining('Cannot use --cache with --stdin') });
    expect(await withStdin(['check', '--stdin-filename', 'a.html'], folder, 'x')).toMatchObject({ code: 2, stderr: expect.stringContaining('Cannot use --stdin-filename without --stdin') });
  });
});
