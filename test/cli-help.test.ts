import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandHelp } from '../src/cli/help.js';
import { main } from '../src/cli/main.js';
import { CHECK_USAGE } from '../src/cli/check-command.js';
import { EXPLAIN_USAGE } from '../src/cli/explain-command.js';
import { HOLDERS_USAGE } from '../src/cli/holders-command.js';
import { INIT_USAGE } from '../src/cli/init-usage.js';
import { MERGE_USAGE } from '../src/cli/merge-command.js';
import { TRACE_USAGE } from '../src/cli/trace-command.js';
import { isColored } from '../src/cli/color.js';
import type { CommandUsage } from '../src/cli/args.js';
import { copyOfFixture, scratchFolder } from './support/scratch.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const AS_OF = ['--as-of', '2026-01-15'];
const USAGES: CommandUsage[] = [CHECK_USAGE, INIT_USAGE, EXPLAIN_USAGE, HOLDERS_USAGE, MERGE_USAGE, TRACE_USAGE];
const ESCAPE = '\u001b[';
const literally = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Runs the command line in-process, as a terminal (or not) with exactly the environment given. */
async function cli(args: string[], cwd: string, terminal: { isTTY?: boolean; env?: Record<string, string> } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    cwd,
    env: terminal.env ?? {},
    stdout: { write: (text: string) => (stdout += text), isTTY: terminal.isTTY ?? false },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

describe('help', () => {
  it.each(USAGES.map((usage) => [usage.name, usage] as const))('shows `%s`\'s usage, every option with its description, and an example', async (name, usage) => {
    const folder = scratchFolder(`help-${name}`);
    const help = await cli([name, '--help'], folder);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toMatch(new RegExp(`^Usage: rightslint ${name}\\b`));
    for (const [option, spec] of Object.entries(usage.options)) {
      expect(help.stdout).toMatch(new RegExp(`^ {2}(-${spec.short ?? ''}, |    )--${option}\\b.* {2}${literally(spec.description.slice(0, 20))}`, 'm'));
    }
    expect(help.stdout).toMatch(/^ {2}-h, --help +Show this help$/m);
    expect(help.stdout).toMatch(new RegExp(`^Examples?:\\n {2}rightslint ${name}\\b`, 'm'));
    // Help fits a terminal of 80 columns.
    expect(help.stdout.split('\n').filter((line) => line.length > 80)).toEqual([]);
    // -h and `help NAME` say the same; asking for help does nothing else (`init` writes no policy).
    expect(await cli([name, '-h'], folder)).toEqual(help);
    expect(await cli(['help', name], folder)).toEqual(help);
    expect(existsSync(join(folder, 'rightslint.yaml'))).toBe(false);
  });

  it('gives each option of each command a one-line description, and leaves -h to help', () => {
    for (const usage of USAGES) {
      for (const [name, spec] of Object.entries(usage.options)) {
        expect(spec.description, `${usage.name} --${name}`).toMatch(/^[A-Z][^\n]+[^.]$/);
        expect(spec.short, `${usage.name} --${name}`).not.toBe('h');
        expect(spec.value === undefined, `${usage.name} --${name} names its value`).toBe(spec.type === 'boolean');
      }
    }
  });

  it('lists the commands at the top level, with where their options are, from --help, -h, help or nothing', async () => {
    const top = await cli(['--help'], scratchFolder('help'));
    expect(top).toMatchObject({ code: 0, stderr: '' });
    for (const usage of USAGES) expect(top.stdout).toMatch(new RegExp(`^ {2}${usage.name}\\b.* {2}${literally(usage.summary.slice(0, 30))}`, 'm'));
    expect(top.stdout).toContain('Run `rightslint <command> --help` (or `rightslint help <command>`)');
    expect(top.stdout).not.toContain('--max-warnings N');
    for (const args of [['-h'], ['help'], []]) expect(await cli(args, scratchFolder('help'))).toEqual(top);
  });

  it('is shown for --help whatever else the line holds, but not after `--`', async () => {
    const folder = join(FIXTURES, 'wire-licensed');
    const help = await cli(['check', '--formt', 'x', '-qh'], folder);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: rightslint check/);
    const path = await cli(['check', '--', '--help'], folder);
    expect(path.code).toBe(2);
    expect(path.stderr).toContain('Cannot check `--help`: no such file or folder');
  });

  it('tells how --quiet counts and lists the rules explain knows', async () => {
    expect((await cli(['check', '--help'], FIXTURES)).stdout).toContain('--max-warnings still counts them (as in ESLint)');
    const explain = (await cli(['explain', '--help'], FIXTURES)).stdout;
    expect(explain).toMatch(/^Rules: invalid-suppression, /m);
    expect(explain).toMatch(/\bunlicensed-content,/);
  });
});

describe('a command line that does not parse', () => {
  const refused = async (...args: string[]) => {
    const { code, stdout, stderr } = await cli(args, join(FIXTURES, 'wire-licensed'));
    return { code, stdout, stderr };
  };
  const usage = (message: string, help = 'rightslint check --help') => ({ code: 2, stdout: '', stderr: `rightslint: ${message}\nRun \`${help}\` for usage.\n` });

  it('names the nearest command or option for a typo', async () => {
    expect(await refused('chek')).toEqual(usage('Cannot run `chek`: unknown command; did you mean `check`?', 'rightslint --help'));
    expect(await refused('help', 'tarce')).toEqual(usage('Cannot run `tarce`: unknown command; did you mean `trace`?', 'rightslint --help'));
    expect(await refused('check', '--formt', 'json')).toEqual(usage('Cannot use `--formt`: unknown option; did you mean `--format`?'));
    expect(await refused('check', '--formt=json')).toEqual(usage('Cannot use `--formt`: unknown option; did you mean `--format`?'));
    // Not its opposite: `--cache` is nearest to `--no-cache` by spelling.
    expect(await refused('check', '--no-cache')).toEqual(usage('Cannot use `--no-cache`: `--cache` is off unless given, so leave both out'));
    expect(await refused('check', '--colour')).toEqual(usage('Cannot use `--colour`: unknown option; did you mean `--color`?'));
    expect(await refused('check', '-F', 'json')).toEqual(usage('Cannot use `-F`: unknown option; did you mean `-f`?'));
    expect(await refused('trace', '--as-off', '2026-01-15', 'x.html')).toEqual(usage('Cannot use `--as-off`: unknown option; did you mean `--as-of`?', 'rightslint trace --help'));
    expect(await refused('--hlep')).toEqual(usage('Cannot use `--hlep`: unknown option; did you mean `--help`?', 'rightslint --help'));
  });

  it('names the nearest value of an option that takes one of a list', async () => {
    expect(await refused('check', '--format', 'jsn')).toEqual(usage('Cannot use --format `jsn`: expected one of csv, github, html, json, junit, sarif, stylish; did you mean `json`?'));
    expect(await refused('check', '-f', 'json', '-f', 'sarif', '-o', 'a.json', '-f', 'stylsh')).toEqual(usage('Cannot use --format `stylsh`: expected one of csv, github, html, json, junit, sarif, stylish; did you mean `stylish`?'));
    expect(await refused('merge', '-f', 'srif', 'a.json')).toEqual(usage('Cannot use --format `srif`: expected one of csv, github, html, json, junit, sarif, stylish; did you mean `sarif`?', 'rightslint merge --help'));
    expect(await refused('trace', '-f', 'sarif', 'x.html')).toEqual(usage('Cannot use --format `sarif`: expected one of stylish, json', 'rightslint trace --help'));
    expect(await refused('holders', '--format', 'jsno')).toEqual(usage('Cannot use --format `jsno`: expected one of table, json; did you mean `json`?', 'rightslint holders --help'));
  });

  it('says in one line of its own words what is wrong, where parseArgs would not', async () => {
    expect(await refused('check', '-x')).toEqual(usage('Cannot use `-x`: unknown option (an argument that starts with a dash goes after `--`)'));
    expect(await refused('check', '--cache=yes')).toEqual(usage('Cannot use `--cache=yes`: `--cache` takes no value'));
    expect(await refused('check', '--config')).toEqual(usage('Cannot use `--config`: it needs a value'));
    expect(await refused('check', '-c', '-x')).toEqual(usage('Cannot use `-c`: it needs a value (for one that starts with a dash, write `--config=-x`)'));
    expect(await refused('check', '--constructor')).toEqual(usage('Cannot use `--constructor`: unknown option (an argument that starts with a dash goes after `--`)'));
    expect(await refused('--no-color')).toEqual(usage('Cannot use `--no-color`: name the command it is for (`rightslint <command> --no-color`)', 'rightslint --help'));
    expect(await refused('holders', 'extra')).toEqual(usage('Cannot use `extra`: `holders` takes no arguments (a policy is named with --config)', 'rightslint holders --help'));
    expect(await refused('explain', '--verbose')).toEqual(usage('Cannot use `--verbose`: unknown option (an argument that starts with a dash goes after `--`)', 'rightslint explain --help'));
    expect(await refused('explain', 'unlicenced-content')).toEqual(usage('Cannot explain `unlicenced-content`: no such rule; did you mean `unlicensed-content`?', 'rightslint explain --help'));
  });
});

describe('options before the command', () => {
  const folder = join(FIXTURES, 'wire-unlicensed');

  it('are read as the command\'s own, as git and npm read them', async () => {
    const after = await cli(['check', ...AS_OF, '--no-color', '--quiet', '-c', 'rightslint.yaml'], folder, { isTTY: true });
    expect(after).toMatchObject({ code: 1, stdout: expect.stringContaining('✖ 1 problem') });
    expect(await cli(['--no-color', '--quiet', 'check', ...AS_OF, '-c', 'rightslint.yaml'], folder, { isTTY: true })).toEqual(after);
    // An option's value before the command is its value, not the command's name.
    expect(await cli(['-q', '-c', 'rightslint.yaml', '--as-of', '2026-01-15', '--no-color', 'check'], folder, { isTTY: true })).toEqual(after);
    expect((await cli(['--color', 'trace', 'world/harbour-talks.html', ...AS_OF], folder)).stdout).toContain(ESCAPE);
    expect((await cli(['--no-color', 'check', '--help'], folder)).stdout).toBe(commandHelp(CHECK_USAGE));
  });

  it('are refused, as after it, where the command has no such option, with the nearest one', async () => {
    const refused = async (...args: string[]) => {
      const { code, stderr } = await cli(args, folder);
      return { code, stderr: stderr.split('\n')[0] };
    };
    expect(await refused('--quiet', 'trace', 'world/harbour-talks.html')).toEqual({ code: 2, stderr: 'rightslint: Cannot use `--quiet`: unknown option (an argument that starts with a dash goes after `--`)' });
    expect(await refused('--colr', 'check')).toEqual({ code: 2, stderr: 'rightslint: Cannot use `--colr`: unknown option; did you mean `--color`?' });
    expect(await refused('--no-color', 'chek')).toEqual({ code: 2, stderr: 'rightslint: Cannot run `chek`: unknown command; did you mean `check`?' });
    expect(await refused('-c', 'rightslint.yaml', 'chek')).toEqual({ code: 2, stderr: 'rightslint: Cannot run `chek`: unknown command; did you mean `check`?' });
    expect(await refused('--formt', 'json', 'check')).toEqual({ code: 2, stderr: 'rightslint: Cannot use `--formt`: unknown option; did you mean `--format`?' });
  });
});

describe('check --quiet', () => {
  /** A site with an error (an AFP story under world/) and a warning (one under news/). */
  function mixedSite(): string {
    const folder = copyOfFixture('overrides');
    writeFileSync(join(folder, 'rightslint.yaml'), 'rules:\n  unlicensed-content: warning\noverrides:\n  - files: ["world/**"]\n    rules:\n      unlicensed-content: error\n  - files: ["blog/**"]\n    rules:\n      unlicensed-content: "off"\n');
    mkdirSync(join(folder, 'world'));
    copyFileSync(join(FIXTURES, 'wire-unlicensed/world/harbour-talks.html'), join(folder, 'world/harbour-talks.html'));
    return folder;
  }

  it('reports errors only, and counts only them in the summary', async () => {
    const folder = mixedSite();
    const loud = await cli(['check', ...AS_OF], folder);
    expect(loud.stdout).toContain('9:1  warning');
    expect(loud.stdout).toContain('✖ 2 problems (1 error, 1 warning) in 3 files checked');
    for (const flag of ['--quiet', '-q']) {
      const quiet = await cli(['check', flag, ...AS_OF], folder);
      expect(quiet.code).toBe(1);
      expect(quiet.stdout).toContain('13:21  error  Agence France-Presse text content is not covered by any licence for `world/harbour-talks.html`');
      expect(quiet.stdout).not.toContain('news/wire.md');
      expect(quiet.stdout).toContain('✖ 1 problem (1 error, 0 warnings) in 3 files checked');
    }
  });

  it('leaves warnings out of every format', async () => {
    const json = JSON.parse((await cli(['check', '-q', '-f', 'json', ...AS_OF], mixedSite())).stdout) as { files: Array<{ path: string; findings: Array<{ severity: string }> }>; summary: { errors: number; warnings: number } };
    expect(json.files.flatMap((file) => file.findings.map((finding) => [file.path, finding.severity]))).toEqual([['world/harbour-talks.html', 'error']]);
    expect(json.summary).toMatchObject({ errors: 1, warnings: 0 });
  });

  it('still counts warnings for --max-warnings, as ESLint does, and says so when they fail the run', async () => {
    const folder = join(FIXTURES, 'overrides');
    expect(await cli(['check', '-q', ...AS_OF], folder)).toMatchObject({ code: 0, stderr: '' });
    const over = await cli(['check', '-q', '--max-warnings', '0', ...AS_OF], folder);
    expect(over.code).toBe(1);
    expect(over.stdout).not.toContain('warning  ');
    expect(over.stdout).toContain('✔ no problems (2 files checked)');
    expect(over.stderr).toBe('rightslint: 1 warning, more than --max-warnings 0 allows\n');
    expect(await cli(['check', '-q', '--max-warnings', '1', ...AS_OF], folder)).toMatchObject({ code: 0, stderr: '' });
  });

  it('is taken by merge too, so that shards report as the whole would', async () => {
    const folder = mixedSite();
    await cli(['check', '-f', 'json', '-o', 'all.json', ...AS_OF], folder);
    const merged = await cli(['merge', '-q', '-f', 'stylish', 'all.json'], folder);
    expect(merged.code).toBe(1);
    expect(merged.stdout).not.toContain('news/wire.md');
    expect(merged.stdout).toContain('✖ 1 problem (1 error, 0 warnings) in 3 files checked');
  });
});

describe('colour', () => {
  const folder = join(FIXTURES, 'wire-unlicensed');
  const io = (isTTY: boolean, env: Record<string, string>) => ({ cwd: '.', env, stdout: { write: () => true, isTTY }, stderr: { write: () => true } });

  it('is on for a terminal, off for a pipe, and off under NO_COLOR (unless empty) or a dumb terminal', () => {
    expect(isColored(undefined, io(true, {}))).toBe(true);
    expect(isColored(undefined, io(false, {}))).toBe(false);
    expect(isColored(undefined, io(true, { NO_COLOR: '1' }))).toBe(false);
    expect(isColored(undefined, io(true, { NO_COLOR: '' }))).toBe(true);
    expect(isColored(undefined, io(true, { TERM: 'dumb' }))).toBe(false);
  });

  it('follows FORCE_COLOR over NO_COLOR and the terminal, and --color or --no-color over both', () => {
    expect(isColored(undefined, io(false, { FORCE_COLOR: '1' }))).toBe(true);
    expect(isColored(undefined, io(false, { FORCE_COLOR: '', NO_COLOR: '1' }))).toBe(true);
    expect(isColored(undefined, io(true, { FORCE_COLOR: '0' }))).toBe(false);
    expect(isColored(undefined, io(true, { FORCE_COLOR: 'false' }))).toBe(false);
    expect(isColored(true, io(false, { NO_COLOR: '1' }))).toBe(true);
    expect(isColored(false, io(true, { FORCE_COLOR: '3' }))).toBe(false);
  });

  it('colours check\'s report on a terminal, and takes the last of --color and --no-color', async () => {
    const colored = async (args: string[], isTTY: boolean, env: Record<string, string> = {}) => (await cli(['check', ...AS_OF, ...args], folder, { isTTY, env })).stdout.includes(ESCAPE);
    expect(await colored([], true)).toBe(true);
    expect(await colored([], false)).toBe(false);
    expect(await colored([], true, { NO_COLOR: '1' })).toBe(false);
    expect(await colored(['--color'], false, { NO_COLOR: '1' })).toBe(true);
    expect(await colored(['--color', '--no-color'], true)).toBe(false);
  });

  it('never goes into a report file, nor into other formats', async () => {
    const out = scratchFolder('colour');
    const written = await cli(['check', ...AS_OF, '--color', '-f', 'stylish', '-o', join(out, 'report.txt'), '-f', 'json'], folder, { isTTY: true });
    expect(readFileSync(join(out, 'report.txt'), 'utf8')).toContain('✖ 1 problem');
    expect(readFileSync(join(out, 'report.txt'), 'utf8')).not.toContain(ESCAPE);
    expect(written.stdout).not.toContain(ESCAPE);
  });

  it('is decided the same way by trace and merge', async () => {
    const trace = (args: string[], env: Record<string, string>) => cli(['trace', 'world/harbour-talks.html', ...AS_OF, ...args], folder, { isTTY: false, env });
    expect((await trace(['--color'], {})).stdout).toContain(ESCAPE);
    expect((await trace([], { FORCE_COLOR: '1' })).stdout).toContain(ESCAPE);
    expect((await trace(['--no-color'], { FORCE_COLOR: '1' })).stdout).not.toContain(ESCAPE);
    const shards = scratchFolder('colour-merge');
    await cli(['check', ...AS_OF, '-f', 'json', '-o', join(shards, 'all.json')], folder);
    expect((await cli(['merge', '-f', 'stylish', '--color', join(shards, 'all.json')], shards)).stdout).toContain(ESCAPE);
    expect((await cli(['merge', '-f', 'stylish', join(shards, 'all.json')], shards, { isTTY: true, env: { NO_COLOR: 'yes' } })).stdout).not.toContain(ESCAPE);
  });
});
