import { tracePage } from '../index.js';
import { formatTrace } from '../report/trace.js';
import { colorFlag, CommandLineError, parseCommandLine, type CommandUsage } from './args.js';
import { COLOR_OPTIONS, isColored } from './color.js';
import { EXIT, type Io } from './io.js';

/** `rightslint trace`: its options, each described once for parsing and for `--help`. */
export const TRACE_USAGE = {
  name: 'trace',
  args: 'PAGE',
  summary: 'Show every candidate match on one page, and why it was kept or dropped',
  options: {
    config: { type: 'string', short: 'c', value: 'FILE', description: 'Policy file (default: the nearest rightslint.yaml)' },
    format: { type: 'string', short: 'f', value: 'NAME', choices: ['stylish', 'json'], description: 'Output format, stylish by default' },
    'as-of': { type: 'string', value: 'DATE', description: 'Judge retention as of DATE (default today)' },
    ...COLOR_OPTIONS,
  },
  examples: ['rightslint trace content/world/harbour-talks.html --as-of 2026-01-15'],
  details: ['A trace is a report, not a verdict: it exits 0 whatever the page holds (docs/trace.md).'],
} as const satisfies CommandUsage;

/**
 * `rightslint trace PAGE`: every candidate match on one page and why it was kept or dropped, as
 * text or JSON. A trace is a report, not a verdict: it exits 0 whatever the page holds.
 */
export async function traceCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals, given } = parseCommandLine(argv, TRACE_USAGE.options);
  const format = values.format ?? 'stylish';
  const [page, ...others] = positionals;
  if (page === undefined || others.length > 0) throw new CommandLineError(`Cannot trace ${page === undefined ? 'nothing' : `${positionals.length} pages`}: name one page`);
  const trace = await tracePage(page, { cwd: io.cwd, config: values.config, asOf: values['as-of'] });
  io.stdout.write(format === 'json' ? `${JSON.stringify(trace, null, 2)}\n` : formatTrace(trace, { color: isColored(colorFlag(given), io) }));
  return EXIT.clean;
}
