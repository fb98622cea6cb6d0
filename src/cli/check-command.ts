import { check, type CheckResult, checkSource, MAX_TIMEOUT_MS } from '../index.js';
import { REPORTS } from '../report/index.js';
import { colorFlag, CommandLineError, parseCommandLine, wholeNumber, type CommandUsage } from './args.js';
import { COLOR_OPTIONS, isColored } from './color.js';
import { errorsOnly } from './errors-only.js';
import { EXIT, type Io } from './io.js';
import { checkOutputs, pairOutputs, writeOutputs } from './outputs.js';
import { printConfig } from './print-config.js';
import { REPORT_OPTIONS, reportOptions } from './report-options.js';
import { CACHE_OPTIONS, cacheLocation, JUDGING_OPTIONS } from './run-options.js';
import { reportSources } from './report-sources.js';

/** `rightslint check`: its options, each described once for parsing and for `--help`. */
export const CHECK_USAGE = {
  name: 'check',
  args: '[paths...]',
  summary: 'Check HTML and Markdown pages against the licence policy',
  options: {
    ...JUDGING_OPTIONS,
    quiet: { type: 'boolean', short: 'q', description: 'Report errors only, not warnings (see below)' },
    ...REPORT_OPTIONS,
    baseline: { type: 'string', value: 'FILE', description: 'Accept the findings recorded in FILE' },
    'update-baseline': { type: 'boolean', description: 'Rewrite --baseline for the pages this run checks' },
    'changed-since': { type: 'string', value: 'REF', description: 'Check only files changed since REF, and untracked' },
    'allow-empty': { type: 'boolean', description: 'Accept paths or include patterns matching no file' },
    'print-config': { type: 'string', value: 'FILE', description: 'Print the configuration for FILE as JSON, and exit' },
    stdin: { type: 'boolean', description: 'Check the page read from standard input' },
    'stdin-filename': { type: 'string', value: 'FILE', description: 'The file the page on standard input stands for (default stdin.html)' },
    ...CACHE_OPTIONS,
    shard: { type: 'string', value: 'i/n', description: 'Check only slice i of n of the files (CI matrix)' },
    workers: { type: 'string', value: 'N', description: 'Worker threads (default 1; 1 per core for runs over 32 MB, 128 MB on 2 cores)' },
    timeout: { type: 'string', value: 'SECONDS', description: 'Time limit of one page (default 30)' },
    ...COLOR_OPTIONS,
  },
  examples: [
    'rightslint check content/',
    'rightslint check --changed-since origin/main --quiet',
    'rightslint check -f sarif -o rightslint.sarif -f stylish',
    'rightslint check -f html -o report.html',
    'cat page.md | rightslint check --stdin --stdin-filename content/page.md',
  ],
  details: [
    'With --quiet, warnings are neither shown nor in the counts shown, in every format, but --max-warnings still counts them (as in ESLint), and says so on standard error when they fail the run.',
    '--max-evidence lists the first N pieces of evidence of each finding and counts the rest; `all` lists every piece the result keeps (at most 1,000 a finding).',
    'Exit codes: 0 no errors, 1 errors (or more warnings than --max-warnings), 2 a usage or policy error (nothing is checked then).',
  ],
} as const satisfies CommandUsage;


/** `rightslint check`: scan, report in each asked format, and exit by the findings. */
export async function checkCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals, given } = parseCommandLine(argv, CHECK_USAGE.options);
  if (values['print-config'] !== undefined) return printConfig(values['print-config'], values.config, io);
  const outputs = pairOutputs(values.format ?? ['stylish'], values['output-file'] ?? []);
  const options = reportOptions(values['max-evidence'], io);
  await checkOutputs(outputs, io);
  const maxWarnings = values['max-warnings'] === undefined ? -1 : wholeNumber('--max-warnings', values['max-warnings'], 0, 'leave the option out to allow any number of warnings');
  const workers = values.workers === undefined ? undefined : wholeNumber('--workers', values.workers, 1);
  const timeout = values.timeout === undefined ? undefined : seconds('--timeout', values.timeout);
  const result = values.stdin || values['stdin-filename'] !== undefined ? await checkStandardInput(values, positionals, io, timeout) : await check({
    paths: positionals,
    cwd: io.cwd,
    config: values.config,
    asOf: values['as-of'],
    baseline: values.baseline,
    updateBaseline: values['update-baseline'],
    changedSince: values['changed-since'],
    cacheLocation: cacheLocation(values),
    shard: values.shard,
    workers,
    ...(timeout === undefined ? {} : { timeoutMs: timeout * 1000 }),
    allowEmpty: values['allow-empty'],
    // No page may hold up a run: each is checked in a worker thread, where the time limit holds,
    // so a run in CI and on a desk read the same pages the same way.
    isolate: true,
  });
  for (const notice of result.notices ?? []) io.stderr.write(`rightslint: ${notice}\n`);
  const shown = values.quiet ? errorsOnly(result) : result;
  // The page on standard input is not the file it stands for, which may differ or not exist.
  const sources = outputs.some((output) => output.format === 'html') ? await reportSources(result, io, !values.stdin) : {};
  await writeOutputs(outputs, io, isColored(colorFlag(given), io), (format, color) => REPORTS[format](shown, { ...options, ...sources, color }));
  const { errors, warnings } = result.summary;
  // As ESLint does: when warnings alone fail the run, say so (with --quiet they were not shown).
  if (errors === 0 && maxWarnings >= 0 && warnings > maxWarnings) {
    io.stderr.write(`rightslint: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings} allows\n`);
  }
  return exitCode(result, maxWarnings);
}

// Options about a run over many files, which mean nothing for the one page on standard input.
const RUN_OPTIONS = ['baseline', 'update-baseline', 'changed-since', 'cache', 'cache-location', 'shard', 'workers', 'allow-empty'] as const;
// A page larger than this on standard input is refused before the policy's own limit applies.
const MAX_STDIN_BYTES = 256 * 1024 * 1024;

/** `check --stdin`: the page read from standard input, checked as the file `--stdin-filename` names. */
async function checkStandardInput(values: Record<string, unknown>, positionals: readonly string[], io: Io, timeout: number | undefined): Promise<CheckResult> {
  if (!values.stdin) throw new CommandLineError('Cannot use --stdin-filename without --stdin');
  if (positionals.length > 0) throw new CommandLineError(`Cannot check \`${positionals[0]}\` and --stdin in one run: give the paths or the page on standard input`);
  const conflicting = RUN_OPTIONS.find((name) => values[name] !== undefined);
  if (conflicting) throw new CommandLineError(`Cannot use --${conflicting} with --stdin: it applies to a run over files`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of io.stdin ?? process.stdin) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    size += bytes.length;
    if (size > MAX_STDIN_BYTES) throw new CommandLineError(`Cannot check standard input: larger than ${MAX_STDIN_BYTES} bytes`);
    chunks.push(bytes);
  }
  const named = values['stdin-filename'] as string | undefined;
  const result = await checkSource({
    bytes: Buffer.concat(chunks),
    filename: named ?? DEFAULT_STDIN_FILENAME,
    cwd: io.cwd,
    ...(values.config === undefined ? {} : { config: values.config as string }),
    ...(values['as-of'] === undefined ? {} : { asOf: values['as-of'] as string }),
    ...(timeout === undefined ? {} : { timeoutMs: timeout * 1000 }),
  });
  // A file the user names may be one the policy leaves out; the default name is no choice of
  // theirs, and a page left out under it would pass unchecked.
  const [file] = result.files;
  if (named === undefined && file?.status === 'skipped') {
    throw new CommandLineError(`Cannot check standard input as \`${DEFAULT_STDIN_FILENAME}\`: ${file.reason ?? 'the policy leaves it out'}; name the file the page stands for with --stdin-filename`);
  }
  return result;
}

const DEFAULT_STDIN_FILENAME = 'stdin.html';

/** A time limit in seconds that Node's timers can keep: from a millisecond to 2^31 - 1 of them. */
export function seconds(option: string, text: string): number {
  const value = Number(text);
  const ms = value * 1000;
  if (!/^\d*\.?\d+$/.test(text.trim()) || !(ms >= 1 && ms <= MAX_TIMEOUT_MS)) {
    throw new CommandLineError(`Cannot use ${option} \`${text}\`: expected a number of seconds from 0.001 to ${Math.floor(MAX_TIMEOUT_MS / 1000)} (the longest timer Node.js keeps)`);
  }
  return value;
}

/** 1 when there are errors, or more warnings than `maxWarnings` allows (-1: any number). */
export function exitCode(result: CheckResult, maxWarnings: number): number {
  const { errors, warnings } = result.summary;
  if (errors > 0 || (maxWarnings >= 0 && warnings > maxWarnings)) return EXIT.findings;
  return EXIT.clean;
}
