import { resolve } from 'node:path';
import { mergeResults, mergeSarif, readShard, UsageError } from '../index.js';
import { colorFlag, CommandLineError, parseCommandLine, type CommandUsage } from './args.js';
import { COLOR_OPTIONS, isColored } from './color.js';
import { errorsOnly } from './errors-only.js';
import { coalesce, jsonPieces } from '../report/chunks.js';
import { incompleteness } from '../report/incomplete.js';
import { FORMAT_NAMES, REPORTS } from '../report/index.js';
import { exitCode } from './check-command.js';
import { pairOutputs, writeOutputs } from './outputs.js';
import { EXIT, type Io } from './io.js';
import { REPORT_OPTIONS, reportOptions } from './report-options.js';
import { reportSources } from './report-sources.js';

/** `rightslint merge`: its options, each described once for parsing and for `--help`. */
export const MERGE_USAGE = {
  name: 'merge',
  args: 'FILE...',
  summary: 'Merge the JSON results (or SARIF logs) of shards into one report',
  options: {
    format: { type: 'string', short: 'f', multiple: true, value: 'NAME', choices: FORMAT_NAMES, description: 'Report format (default json); repeatable' },
    'output-file': { type: 'string', short: 'o', multiple: true, value: 'FILE', description: 'Write the report to FILE (pairs with --format)' },
    quiet: { type: 'boolean', short: 'q', description: 'Report errors only, as `check --quiet` does' },
    ...REPORT_OPTIONS,
    ...COLOR_OPTIONS,
  },
  examples: ['rightslint merge shard-1.json shard-2.json --format stylish', 'rightslint merge shard-*.sarif -o rightslint.sarif'],
  details: [
    'SARIF logs merge as they are, into one SARIF log (--quiet and --max-evidence need the JSON results). Exits as `check` would on the whole site: 1 when the merged results hold an error, or do not cover what the shards met (an audit interrupted or stopped at --max-pages, or no page checked of all the shards met), in JSON and SARIF alike.',
    'Results of `--shard i/n` runs merge only when all n are given, each once, judged by one policy and build (exit 2 otherwise), so that a shard whose job failed, or one of another commit, is not passed over.',
  ],
} as const satisfies CommandUsage;

/**
 * `rightslint merge FILE...`: one report from the results of shards. JSON results can be
 * written in any format; SARIF logs merge into one SARIF log. Exits as `check` would on the whole.
 */
export async function mergeCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals, given } = parseCommandLine(argv, MERGE_USAGE.options);
  const color = isColored(colorFlag(given), io);
  const options = reportOptions(values['max-evidence'], io);
  if (positionals.length === 0) throw new CommandLineError('Cannot merge: name the result files of the shards');
  const shards = await Promise.all(positionals.map((name) => readShard(resolve(io.cwd, name), name)));
  const kinds = new Set(shards.map((shard) => shard.kind));
  if (kinds.size > 1) throw new UsageError('Cannot merge JSON results with SARIF logs: give one kind');
  if (kinds.has('sarif')) {
    if (values.format?.some((f) => f !== 'sarif')) throw new CommandLineError('Cannot write SARIF logs in another format: merge the JSON results for that');
    // A SARIF log is merged as it is, never rebuilt from a result: nothing it holds is left out.
    const rebuilding = (['quiet', 'max-evidence'] as const).find((name) => values[name] !== undefined);
    if (rebuilding) throw new CommandLineError(`Cannot use --${rebuilding} on SARIF logs: they merge as they are (merge the JSON results for that)`);
    const merged = mergeSarif(shards.flatMap((shard) => (shard.kind === 'sarif' ? [shard.document] : [])));
    // In pieces, as the sarif format writes it (log, runs, a run, its results), so shards that
    // add up to more than the longest string still merge.
    await writeOutputs(pairOutputs(['sarif'], values['output-file'] ?? []), io, color, function* () {
      yield* coalesce(jsonPieces(merged, 4));
      yield '\n';
    });
    // A shard whose analysis did not complete leaves the merged log partial: it cannot pass, as
    // an interrupted shard's JSON result cannot.
    if (merged.runs.some((run) => run.invocations?.some((invocation) => invocation.executionSuccessful === false))) {
      io.stderr.write('rightslint: a shard\'s SARIF log says its run did not complete (`executionSuccessful: false`, its notifications say why): the merged log is partial\n');
      return EXIT.findings;
    }
    // As `check` exits: 1 where a result is an error that no suppression accepts (SARIF's level is `warning` where it names none).
    const isFailing = merged.runs.some((run) => (run.results ?? []).some((r) => (r.level ?? 'warning') === 'error' && (r.suppressions ?? []).length === 0));
    return isFailing ? EXIT.findings : EXIT.clean;
  }
  const outputs = pairOutputs(values.format ?? ['json'], values['output-file'] ?? []);
  const result = mergeResults(shards.flatMap((shard) => (shard.kind === 'json' ? [shard.document] : [])));
  for (const notice of result.notices ?? []) io.stderr.write(`rightslint: ${notice}\n`);
  const shown = values.quiet ? errorsOnly(result) : result;
  const sources = outputs.some((output) => output.format === 'html') ? await reportSources(result, io, true) : {};
  await writeOutputs(outputs, io, color, (format, colored) => REPORTS[format](shown, { ...options, ...sources, color: colored }));
  // A shard's audit stopped half way leaves the merged report partial: it cannot pass.
  if (result.interrupted) {
    io.stderr.write('rightslint: an audit among the shards was interrupted: the merged report is partial (resume that shard, then merge again)\n');
    return EXIT.findings;
  }
  // Nor can one of a crawl stopped at --max-pages, or of shards that between them checked none
  // of the pages they met: judged as the merged SARIF log of the same shards is.
  const incomplete = incompleteness(result);
  if (incomplete !== undefined) {
    io.stderr.write(`rightslint: the merged report does not cover what the shards met: ${incomplete}\n`);
    return EXIT.findings;
  }
  return exitCode(result, -1);
}
