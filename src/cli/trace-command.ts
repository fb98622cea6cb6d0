import { UsageError } from '../errors.js';
import { formatTrace } from '../report/trace.js';
import { tracePage } from '../trace/trace-page.js';
import { parseCommandLine } from './args.js';
import { EXIT, type Io } from './io.js';

const OPTIONS = {
  config: { type: 'string', short: 'c' },
  format: { type: 'string', short: 'f' },
  'as-of': { type: 'string' },
} as const;

const FORMATS = ['stylish', 'json'];

/**
 * `rightslint trace PAGE`: every candidate match on one page and why it was kept or dropped, as
 * text or JSON. A trace is a report, not a verdict: it exits 0 whatever the page holds.
 */
export async function runTrace(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, OPTIONS);
  const format = values.format ?? 'stylish';
  if (!FORMATS.includes(format)) throw new UsageError(`Cannot use --format \`${format}\`: expected one of ${FORMATS.join(', ')}`);
  const [page, ...others] = positionals;
  if (page === undefined || others.length > 0) throw new UsageError(`Cannot trace ${page === undefined ? 'nothing' : `${positionals.length} pages`}: name one page`);
  const trace = await tracePage(page, { cwd: io.cwd, config: values.config, asOf: values['as-of'] });
  const env = io.env ?? process.env;
  io.stdout.write(format === 'json' ? `${JSON.stringify(trace, null, 2)}\n` : formatTrace(trace, { color: io.stdout.isTTY === true && !env.NO_COLOR }));
  return EXIT.clean;
}
