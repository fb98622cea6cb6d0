import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { check } from '../check.js';
import { PolicyError, UsageError } from '../errors.js';
import { FORMATS, type FormatName } from '../report/index.js';
import type { CheckResult } from '../result.js';
import { HELP } from './help.js';

/** Where the command line writes, so tests can run it in-process. */
export interface Io {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  cwd: string;
}

/** Exit codes: 0 clean, 1 findings over the threshold, 2 usage or configuration error. */
export const EXIT = { clean: 0, findings: 1, usage: 2 } as const;

/** Runs the command line and returns its exit code. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof PolicyError) {
      io.stderr.write(`rightslint: the policy has ${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}:\n${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`rightslint: ${error.message}\nRun \`rightslint --help\` for usage.\n`);
      return EXIT.usage;
    }
    throw error;
  }
}

async function dispatch(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(HELP);
    return EXIT.clean;
  }
  if (command === '--version' || command === '-v') {
    io.stdout.write(`${await version()}\n`);
    return EXIT.clean;
  }
  if (command === 'check') return runCheck(rest, io);
  throw new UsageError(`Cannot run \`${command}\`: unknown command`);
}

async function runCheck(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCheckArgs(argv);
  const format = values.format ?? 'stylish';
  if (!(format in FORMATS)) throw new UsageError(`Cannot use --format \`${format}\`: expected one of ${Object.keys(FORMATS).join(', ')}`);
  const maxWarnings = values['max-warnings'] === undefined ? -1 : Number(values['max-warnings']);
  if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new UsageError(`Cannot use --max-warnings \`${values['max-warnings']}\`: expected a whole number`);
  const result = await check({ paths: positionals, cwd: io.cwd, config: values.config, asOf: values['as-of'] });
  const output = FORMATS[format as FormatName](result, { color: values['output-file'] === undefined && io.stdout.isTTY === true && !process.env.NO_COLOR });
  if (values['output-file']) await writeFile(resolve(io.cwd, values['output-file']), output);
  else io.stdout.write(output);
  return exitCode(result, maxWarnings);
}

function parseCheckArgs(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        config: { type: 'string', short: 'c' },
        format: { type: 'string', short: 'f' },
        'output-file': { type: 'string', short: 'o' },
        'as-of': { type: 'string' },
        'max-warnings': { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError(`Cannot read the command line: ${(error as Error).message}`, { cause: error });
  }
}

/** 1 when there are errors, or more warnings than `maxWarnings` allows (-1: any number). */
export function exitCode(result: CheckResult, maxWarnings: number): number {
  const { errors, warnings } = result.summary;
  if (errors > 0 || (maxWarnings >= 0 && warnings > maxWarnings)) return EXIT.findings;
  return EXIT.clean;
}

async function version(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const manifest = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}
