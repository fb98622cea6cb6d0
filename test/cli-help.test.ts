import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import { CHECK_USAGE } from '../src/cli/check-command.js';
import { EXPLAIN_USAGE } from '../src/cli/explain-command.js';
import { HOLDERS_USAGE } from '../src/cli/holders-command.js';
import { INIT_USAGE } from '../src/cli/init-usage.js';
import { MERGE_USAGE } from '../src/cli/merge-command.js';
import { TRACE_USAGE } from '../src/cli/trace-command.js';
import type { CommandUsage } from '../src/cli/args.js';
import { scratchFolder } from './support/scratch.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const USAGES: CommandUsage[] = [CHECK_USAGE, INIT_USAGE, EXPLAIN_USAGE, HOLDERS_USAGE, MERGE_USAGE, TRACE_USAGE];
const literally = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Runs the command line in-process, as a terminal (or not) with exactly the environment given. */
async function cli(args: string[], cwd: string, terminal: { isTTY?: boolean; env?: Record<string, string> } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
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

  it('lists the rules explain knows', async () => {
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
    expect(await refused('check', '--cahce')).toEqual(usage('Cannot use `--cahce`: unknown option; did you mean `--cache`?'));
    expect(await refused('check', '-F', 'json')).toEqual(usage('Cannot use `-F`: unknown option; did you mean `-f`?'));
    expect(await refused('trace', '--as-off', '2026-01-15', 'x.html')).toEqual(usage('Cannot use `--as-off`: unknown option; did you mean `--as-of`?', 'rightslint trace --help'));
    expect(await refused('--hlep')).toEqual(usage('Cannot use `--hlep`: unknown option; did you mean `--help`?', 'rightslint --help'));
  });

  it('names the nearest value of an option that takes one of a list', async () => {
    expect(await refused('check', '--format', 'jsn')).toEqual(usage('Cannot use --format `jsn`: expected one of github, json, junit, sarif, stylish; did you mean `json`?'));
    expect(await refused('check', '-f', 'json', '-f', 'sarif', '-o', 'a.json', '-f', 'stylsh')).toEqual(usage('Cannot use --format `stylsh`: expected one of github, json, junit, sarif, stylish; did you mean `stylish`?'));
    expect(await refused('merge', '-f', 'srif', 'a.json')).toEqual(usage('Cannot use --format `srif`: expected one of github, json, junit, sarif, stylish; did you mean `sarif`?', 'rightslint merge --help'));
    expect(await refused('trace', '-f', 'sarif', 'x.html')).toEqual(usage('Cannot use --format `sarif`: expected one of stylish, json', 'rightslint trace --help'));
    expect(await refused('holders', '--format', 'jsno')).toEqual(usage('Cannot use --format `jsno`: expected one of table, json; did you mean `json`?', 'rightslint holders --help'));
  });

  it('says in one line of its own words what is wrong, where parseArgs would not', async () => {
    expect(await refused('check', '-x')).toEqual(usage('Cannot use `-x`: unknown option (an argument that starts with a dash goes after `--`)'));
    expect(await refused('check', '--cache=yes')).toEqual(usage('Cannot use `--cache=yes`: `--cache` takes no value'));
    expect(await refused('check', '--config')).toEqual(usage('Cannot use `--config`: it needs a value'));
    expect(await refused('check', '-c', '-x')).toEqual(usage('Cannot use `-c`: it needs a value (for one that starts with a dash, write `--config=-x`)'));
    expect(await refused('check', '--constructor')).toEqual(usage('Cannot use `--constructor`: unknown option (an argument that starts with a dash goes after `--`)'));
    expect(await refused('--format', 'json', 'check')).toEqual(usage('Cannot use `--format`: options follow the command (`rightslint <command> --format`)', 'rightslint --help'));
    expect(await refused('holders', 'extra')).toEqual(usage('Cannot use `extra`: `holders` takes no arguments (a policy is named with --config)', 'rightslint holders --help'));
    expect(await refused('explain', '--verbose')).toEqual(usage('Cannot use `--verbose`: unknown option (an argument that starts with a dash goes after `--`)', 'rightslint explain --help'));
    expect(await refused('explain', 'unlicenced-content')).toEqual(usage('Cannot explain `unlicenced-content`: no such rule; did you mean `unlicensed-content`?', 'rightslint explain --help'));
  });
});
