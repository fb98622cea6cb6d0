import { check } from '../check.js';
import { UsageError } from '../errors.js';
import { FORMATS } from '../report/index.js';
import type { CheckResult } from '../result.js';
import { VERSION } from '../version.js';
import { parseCommandLine } from './args.js';
import { EXIT, type Io } from './io.js';
import { pairOutputs, writeOutputs } from './outputs.js';
import { printConfig } from './print-config.js';

const OPTIONS = {
  config: { type: 'string', short: 'c' },
  format: { type: 'string', short: 'f', multiple: true },
  'output-file': { type: 'string', short: 'o', multiple: true },
  'as-of': { type: 'string' },
  'max-warnings': { type: 'string' },
  baseline: { type: 'string' },
  'update-baseline': { type: 'boolean' },
  'changed-since': { type: 'string' },
  'print-config': { type: 'string' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  shard: { type: 'string' },
  workers: { type: 'string' },
  timeout: { type: 'string' },
} as const;

/** Where `--cache` keeps results unless `--cache-location` says otherwise. */
const DEFAULT_CACHE = '.rightslintcache';

/** `rightslint check`: scan, report in each asked format, and exit by the findings. */
export async function runCheck(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, OPTIONS);
  if (values['print-config'] !== undefined) return printConfig(values['print-config'], values.config, io);
  const outputs = pairOutputs(values.format ?? ['stylish'], values['output-file'] ?? []);
  const maxWarnings = values['max-warnings'] === undefined ? -1 : Number(values['max-warnings']);
  if (!Number.isInteger(maxWarnings) || (values['max-warnings'] !== undefined && maxWarnings < 0)) {
    throw new UsageError(`Cannot use --max-warnings \`${values['max-warnings']}\`: expected a whole number`);
  }
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 1)) throw new UsageError(`Cannot use --workers \`${values.workers}\`: expected a whole number from 1`);
  const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
  if (timeout !== undefined && !(timeout > 0)) throw new UsageError(`Cannot use --timeout \`${values.timeout}\`: expected a number of seconds`);
  const cacheLocation = values['cache-location'] ?? (values.cache ? DEFAULT_CACHE : undefined);
  const result = await check({
    paths: positionals,
    cwd: io.cwd,
    config: values.config,
    asOf: values['as-of'],
    baseline: values.baseline,
    updateBaseline: values['update-baseline'],
    changedSince: values['changed-since'],
    cacheLocation,
    shard: values.shard,
    workers,
    ...(timeout === undefined ? {} : { timeoutMs: timeout * 1000 }),
    // No page may hold up a run: each is checked in a worker thread, where the time limit holds,
    // so a run in CI and on a desk read the same pages the same way.
    isolate: true,
  });
  for (const notice of result.notices ?? []) io.stderr.write(`rightslint: ${notice}\n`);
  await writeOutputs(outputs, io, (format, color) => FORMATS[format](result, { color, version: VERSION }));
  return exitCode(result, maxWarnings);
}

/** 1 when there are errors, or more warnings than `maxWarnings` allows (-1: any number). */
export function exitCode(result: CheckResult, maxWarnings: number): number {
  const { errors, warnings } = result.summary;
  if (errors > 0 || (maxWarnings >= 0 && warnings > maxWarnings)) return EXIT.findings;
  return EXIT.clean;
}
