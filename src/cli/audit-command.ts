import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { audit, auditStateFile, type AuditOptions, type CheckResult, type FileResult } from '../index.js';
import { REPORTS } from '../report/index.js';
import { colorFlag, CommandLineError, parseCommandLine, wholeNumber, type CommandUsage } from './args.js';
import { exitCode, seconds } from './check-command.js';
import { COLOR_OPTIONS, isColored } from './color.js';
import { errorsOnly } from './errors-only.js';
import { EXIT, type Io } from './io.js';
import { checkOutputs, pairOutputs, writeOutputs } from './outputs.js';
import { progressBar } from './progress.js';
import { REPORT_OPTIONS, reportOptions } from './report-options.js';
import { CACHE_OPTIONS, cacheLocation, JUDGING_OPTIONS } from './run-options.js';
import { reportSources } from './report-sources.js';

/** `rightslint audit`: its options, each described once for parsing and for `--help`. */
export const AUDIT_USAGE = {
  name: 'audit',
  args: 'URL...|--warc FILE...',
  summary: 'Audit a live site (from page or sitemap URLs) or web archives against the policy',
  options: {
    warc: { type: 'boolean', description: 'The arguments are web archives (.warc, .warc.gz), not URLs' },
    ...JUDGING_OPTIONS,
    quiet: { type: 'boolean', short: 'q', description: 'Report errors only, not warnings' },
    ...REPORT_OPTIONS,
    scope: { type: 'string', multiple: true, value: 'GLOB', description: 'Crawl only URLs matching GLOB (default: the seeds\' origins); repeatable' },
    'no-follow': { type: 'boolean', description: 'Fetch only the URLs given and listed in sitemaps, not the links in pages' },
    'max-pages': { type: 'string', value: 'N', description: 'Stop after N pages (exit 1 when pages are left unvisited)' },
    concurrency: { type: 'string', value: 'N', description: 'Requests in flight (default 4)' },
    delay: { type: 'string', value: 'SECONDS', description: 'Wait between requests to one host (default 0; robots.txt may ask more)' },
    timeout: { type: 'string', value: 'SECONDS', description: 'Time limit of one request (default 30)' },
    retries: { type: 'string', value: 'N', description: 'Retries on 429, 5xx and network errors (default 3)' },
    'user-agent': { type: 'string', value: 'TEXT', description: 'User-Agent sent, and matched in robots.txt' },
    shard: { type: 'string', value: 'i/n', description: 'Audit only slice i of n of the pages or archives' },
    state: { type: 'string', value: 'FILE', description: 'State file, for --resume (default .rightslint-audit[-i-of-n].jsonl)' },
    resume: { type: 'boolean', description: 'Go on with the interrupted audit the state file records' },
    ...CACHE_OPTIONS,
    ...COLOR_OPTIONS,
  },
  examples: [
    'rightslint audit https://www.example.com/',
    'rightslint audit https://www.example.com/sitemap.xml --no-follow -f html -o audit.html',
    'rightslint audit --warc crawl-*.warc.gz -f csv -o audit.csv',
    'rightslint audit https://www.example.com/sitemap.xml --shard 2/8 -f json -o shard-2.json',
  ],
  details: [
    'Each page is checked as `check` checks a file, by the same policy: its URL\'s path (`/world/x.html` as `world/x.html`) is what licence `paths` match. A page that could not be fetched or read is reported, never dropped.',
    'Ctrl-C stops the audit: the report shows the pages done, and --resume goes on from the state file, which is written as the audit goes (a killed audit resumes too).',
    'Exit codes: 0 no errors, 1 errors (or more warnings than --max-warnings), or a crawl stopped at --max-pages with pages not visited, 2 a usage or policy error or no page checked, 130 interrupted (SIGINT or SIGTERM).',
  ],
} as const satisfies CommandUsage;

/** The exit code of a command stopped by Ctrl-C, as shells report it (128 + SIGINT). */
const INTERRUPTED = 130;

/** `rightslint audit`: crawl or read the archives, report in each asked format, and exit by the findings. */
export async function auditCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals, given } = parseCommandLine(argv, AUDIT_USAGE.options);
  const outputs = pairOutputs(values.format ?? ['stylish'], values['output-file'] ?? []);
  const options = reportOptions(values['max-evidence'], io);
  await checkOutputs(outputs, io);
  const maxWarnings = values['max-warnings'] === undefined ? -1 : wholeNumber('--max-warnings', values['max-warnings'], 0, 'leave the option out to allow any number of warnings');
  if (values.warc) {
    const crawling = (['scope', 'no-follow', 'max-pages', 'concurrency', 'delay', 'timeout', 'retries', 'user-agent'] as const).find((name) => values[name] !== undefined);
    if (crawling) throw new CommandLineError(`Cannot use --${crawling} with --warc: it applies to a crawl`);
  }
  const wantsText = outputs.some((output) => output.format === 'html');
  const texts = new PageTexts();
  const controller = new AbortController();
  const progress = progressBar(io);
  // The first Ctrl-C (or the SIGTERM a CI job's cancel sends) stops the audit cleanly; a second
  // one, once the handlers are gone, ends the process.
  const stop = () => {
    for (const signal of STOPS) process.off(signal, stop);
    controller.abort();
  };
  for (const signal of STOPS) process.on(signal, stop);
  let result: CheckResult;
  try {
    result = await audit({
      sources: positionals,
      warc: values.warc,
      cwd: io.cwd,
      config: values.config,
      asOf: values['as-of'],
      crawl: crawlOptions(values),
      shard: values.shard,
      state: values.state,
      resume: values.resume,
      // Removed below, once the reports are written: a failure to write them loses no audit.
      keepState: true,
      cacheLocation: cacheLocation(values),
      signal: controller.signal,
      onPage: (file, done, page) => {
        progress?.update(file, done);
        if (wantsText) texts.keep(file, page.bytes);
      },
    });
  } finally {
    progress?.stop();
    for (const signal of STOPS) process.off(signal, stop);
  }
  for (const notice of result.notices ?? []) io.stderr.write(`rightslint: ${notice}\n`);
  const shown = values.quiet ? errorsOnly(result) : result;
  const sources = wantsText ? { ...(await reportSources(result, io, false)), pageText: texts.reader() } : {};
  await writeOutputs(outputs, io, isColored(colorFlag(given), io), (format, color) => REPORTS[format](shown, { ...options, ...sources, color }));
  if (result.interrupted) return INTERRUPTED;
  rmSync(resolve(io.cwd, values.state ?? auditStateFile(values.shard)), { force: true });
  // As `check` refuses paths that match no file: an audit that checked no page vouches for nothing.
  if (result.summary.scanned === 0) {
    io.stderr.write(`rightslint: Cannot audit ${positionals.map((source) => `\`${source}\``).join(', ')}: no page was checked (the report says what became of each URL met)\n`);
    return EXIT.usage;
  }
  // A crawl stopped at --max-pages with pages left vouches for part of the site: as an
  // interrupted shard fails a merge, it cannot pass as the whole (its notice says how much is left).
  if (result.unvisited !== undefined && result.unvisited > 0) {
    io.stderr.write('rightslint: the audit did not cover the site (stopped at --max-pages with pages not visited): it cannot pass; raise --max-pages to audit it all\n');
    return EXIT.findings;
  }
  return exitCode(result, maxWarnings);
}

/** The signals that stop an audit cleanly: Ctrl-C, and what a CI job's cancel or Kubernetes sends. */
const STOPS = ['SIGINT', 'SIGTERM'] as const;

/** The crawl's options as given; those left out take the crawler's defaults. */
function crawlOptions(values: Record<string, unknown>): AuditOptions['crawl'] {
  const text = (name: string) => values[name] as string | undefined;
  const whole = (name: string, min: number) => (text(name) === undefined ? undefined : wholeNumber(`--${name}`, text(name) ?? '', min));
  const ms = (name: string) => (text(name) === undefined ? undefined : seconds(`--${name}`, text(name) ?? '') * 1000);
  return {
    scope: values.scope as string[] | undefined,
    follow: values['no-follow'] ? false : undefined,
    maxPages: whole('max-pages', 1),
    concurrency: whole('concurrency', 1),
    delayMs: Number(text('delay')) === 0 ? 0 : ms('delay'),
    timeoutMs: ms('timeout'),
    retries: whole('retries', 0),
    userAgent: text('user-agent'),
  };
}

/**
 * The bytes of the pages whose findings the html report shows in their context, kept as the audit
 * goes, since the pages are on no disk to read again; at most `MAX_TEXT_BYTES` of them, after
 * which the report shows later findings' evidence without its context, and says so. A URL
 * captured twice in a web archive has no one text: its context is left out too.
 */
class PageTexts {
  readonly #bytes = new Map<string, Uint8Array | undefined>();
  #size = 0;

  keep(file: FileResult, bytes: Uint8Array | undefined): void {
    if (file.findings.length === 0 || bytes === undefined) return;
    if (this.#bytes.has(file.path)) {
      this.#bytes.set(file.path, undefined);
      return;
    }
    if (this.#size + bytes.length > MAX_TEXT_BYTES) return;
    this.#size += bytes.length;
    this.#bytes.set(file.path, bytes);
  }

  reader(): (path: string, encoding: string | undefined) => string | undefined {
    return (path, encoding) => {
      const bytes = this.#bytes.get(path);
      return bytes && new TextDecoder(encoding ?? 'utf-8').decode(bytes);
    };
  }
}

/** The most page bytes kept for the html report's excerpts. */
const MAX_TEXT_BYTES = 256 * 1024 * 1024;
