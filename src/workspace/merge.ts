import { createReadStream } from 'node:fs';
import { parseChunked } from '@discoveryjs/json-ext';
import { UsageError } from '../errors.js';
import { incompleteness, type RunCoverage } from '../report/incomplete.js';
import { fileErrorReason } from '../file-error.js';
import type { CheckResult, FileResult } from './result.js';
import { summarise } from './summary.js';

/** A SARIF log, as far as merging needs to know it. */
export interface SarifLog {
  version: string;
  $schema?: string;
  runs: Array<{ tool: { driver: { rules?: Array<{ id: string }> } }; results?: SarifResult[]; invocations?: Array<{ executionSuccessful?: boolean; toolExecutionNotifications?: SarifNotification[]; properties?: { shard?: string; judgedBy?: string; coverage?: RunCoverage } }> }>;
}

/** A SARIF notification, as far as merging needs to know it. */
export interface SarifNotification {
  message?: { text?: string };
  locations?: unknown[];
}

/** A SARIF result, as far as merging needs to know it: its level (`warning` where it names none) and suppressions. */
export interface SarifResult {
  level?: string;
  suppressions?: unknown[];
}

/**
 * Combines the JSON results of shards into one, as if one run had checked every file: files in
 * path order, the summary counted again, the root kept where the shards share it. A file
 * reported by two shards is an error, since shards are disjoint.
 */
export function mergeResults(results: readonly CheckResult[]): CheckResult {
  assertAllShards(results.map(({ shard, judgedBy }) => ({ shard, judgedBy })));
  const files = new Map<string, FileResult>();
  for (const result of results) {
    for (const file of result.files) {
      // A web archive may hold a page captured twice: there a record, not a URL, is a page.
      const key = file.archive ?? file.path;
      if (files.has(key)) throw new UsageError(`Cannot merge: \`${key}\` is in two of the results (were the shards disjoint?)`);
      files.set(key, file);
    }
  }
  const sorted = [...files.values()].sort(comparePages);
  const [first] = results;
  // Shards of one job check out the repository at one place; where they did not, no one folder anchors the paths.
  const root = first?.root !== undefined && results.every((result) => result.root === first.root) ? { root: first.root } : {};
  // A merged report of an audit with a shard stopped half way is a partial report, and says so.
  const interrupted = results.some((result) => result.interrupted) ? { interrupted: true as const } : {};
  // What a shard noticed is the whole's too (an audit shard stopped at --max-pages leaves the
  // site not fully crawled); shards walking the same folders notice the same things once.
  const notices = [...new Set(results.flatMap((result) => result.notices ?? []))];
  // As is a shard's crawl stopped at --max-pages: the whole holds less than the site.
  const unvisited = results.reduce((sum, result) => sum + (result.unvisited ?? 0), 0);
  return {
    version: 1, ...root, files: sorted, summary: summarise(sorted, first?.summary.asOf ?? '', first?.summary.policy ?? null),
    ...(notices.length > 0 ? { notices } : {}), ...interrupted, ...(unvisited > 0 ? { unvisited } : {}),
  };
}

/**
 * Refuses results of shards that do not make one whole: a shard missing (its job failed before
 * writing), given twice, or of another split. A merged report of part of a site would pass over
 * pages nobody checked. So are shards judged by different policies or builds (`judgedBy`): one
 * of another commit may pass pages this policy fails. Results of no shard (whole runs, or runs
 * of other paths) merge as they are.
 */
function assertAllShards(given: ReadonlyArray<{ shard: string | undefined; judgedBy: string | undefined }>): void {
  const shards = given.flatMap(({ shard }) => (shard === undefined ? [] : [shard]));
  if (shards.length === 0) return;
  if (shards.length !== given.length) throw new UsageError('Cannot merge the results of shards with results of whole runs');
  const other = given.find(({ judgedBy }) => judgedBy !== given[0]?.judgedBy);
  if (other) {
    throw new UsageError(`Cannot merge: shards ${given[0]?.shard} and ${other.shard} were judged by different policies, holder files or builds of rightslint; check every shard out of one commit, with one install`);
  }
  const counts = new Set(shards.map((shard) => shard.split('/')[1]));
  if (counts.size > 1) throw new UsageError(`Cannot merge shards of different splits (${[...counts].map((count) => `of ${count}`).join(', ')})`);
  const count = Number([...counts][0]);
  const twice = shards.find((shard, i) => shards.indexOf(shard) !== i);
  if (twice) throw new UsageError(`Cannot merge: shard ${twice} is given twice`);
  const missing = Array.from({ length: count }, (_, i) => `${i + 1}/${count}`).filter((shard) => !shards.includes(shard));
  if (missing.length > 0) throw new UsageError(`Cannot merge: shard${missing.length === 1 ? '' : 's'} ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing, and a report without ${missing.length === 1 ? 'it' : 'them'} would pass over pages nobody checked`);
}

/** The order of a run's pages: by path (or URL), then by capture time. */
export function comparePages(a: FileResult, b: FileResult): number {
  return compare(a.path, b.path) || compare(a.captured ?? '', b.captured ?? '');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Combines SARIF logs of shards into one log with one run: results and notifications added up,
 * rules once. The shard each run says it is must make one whole, as JSON results must.
 */
export function mergeSarif(logs: readonly SarifLog[]): SarifLog {
  const [first] = logs;
  const runs = logs.flatMap((log) => log.runs);
  const [base] = runs;
  if (!first || !base) throw new UsageError('Cannot merge: no SARIF runs');
  assertAllShards(runs.map((run) => ({ shard: run.invocations?.[0]?.properties?.shard, judgedBy: run.invocations?.[0]?.properties?.judgedBy })));
  const rules = new Map(runs.flatMap((run) => run.tool.driver.rules ?? []).map((rule) => [rule.id, rule]));
  const { shard: _shard, judgedBy: _judgedBy, coverage: _coverage, ...properties } = base.invocations?.[0]?.properties ?? {};
  const invocations = runs.flatMap((run) => run.invocations ?? []);
  const whole = wholeCoverage(invocations);
  // The merged run is the whole, no shard of it: complete or not as one run with the shards'
  // pages would be (a shard that checked none of its pages, in a whole that checked some, is no
  // failure), where every shard's log gives its coverage and a failure it explains; else complete
  // only where each shard was (a log of an older rightslint, or a failure it does not explain).
  const incomplete = whole && incompleteness(whole);
  const executionSuccessful = whole ? incomplete === undefined : invocations.every((invocation) => invocation.executionSuccessful !== false);
  const notifications = invocations.flatMap((invocation) => (invocation.toolExecutionNotifications ?? []).filter((notification) => !(whole && isRunNotification(notification, invocation))));
  const invocation = {
    ...(base.invocations?.[0] ?? {}), executionSuccessful,
    properties: { ...properties, ...(whole ? { coverage: whole } : {}) },
    toolExecutionNotifications: [...(incomplete ? [{ level: 'error', message: { text: incomplete } }] : []), ...notifications],
  };
  return {
    ...first,
    runs: [{
      ...base,
      tool: { ...base.tool, driver: { ...base.tool.driver, rules: [...rules.values()] } },
      results: runs.flatMap((run) => run.results ?? []),
      invocations: [invocation],
    }],
  };
}

type SarifInvocation = NonNullable<SarifLog['runs'][number]['invocations']>[number];

/**
 * The coverage of the shards' runs as one, or undefined where a log gives none, or says its run
 * failed for a reason its coverage does not explain: the merge then cannot tell, and keeps each.
 */
function wholeCoverage(invocations: readonly SarifInvocation[]): RunCoverage | undefined {
  const coverages = invocations.map((invocation) => invocation.properties?.coverage);
  if (coverages.some((coverage) => coverage === undefined)) return undefined;
  if (invocations.some((invocation) => invocation.executionSuccessful === false && incompleteness(invocation.properties?.coverage as RunCoverage) === undefined)) return undefined;
  const sum = (count: (coverage: RunCoverage) => number) => coverages.reduce((total, coverage) => total + (coverage ? count(coverage) : 0), 0);
  const interrupted = coverages.some((coverage) => coverage?.interrupted);
  const unvisited = sum((coverage) => coverage.unvisited ?? 0);
  return {
    summary: { files: sum((c) => c.summary.files), scanned: sum((c) => c.summary.scanned), skipped: sum((c) => c.summary.skipped), errored: sum((c) => c.summary.errored) },
    ...(interrupted ? { interrupted: true as const } : {}),
    ...(unvisited > 0 ? { unvisited } : {}),
  };
}

/** Whether a notification is the one that says its shard's run was incomplete: the whole says its own. */
function isRunNotification(notification: SarifNotification, invocation: SarifInvocation): boolean {
  const own = invocation.properties?.coverage && incompleteness(invocation.properties.coverage);
  return own !== undefined && notification.locations === undefined && notification.message?.text === own;
}

/** A shard's file, parsed: a rightslint JSON result or a SARIF log. */
export type Shard = { kind: 'json'; document: CheckResult } | { kind: 'sarif'; document: SarifLog };

/**
 * Reads and parses a shard's file (`name` as the user gave it) as it streams in, 64 kB at a time:
 * the result of a shard of a large archive can be longer than the longest string V8 makes (about
 * 512 MB), so it is never read into one string for JSON.parse. A file that cannot be read or
 * parsed, or that is cut short, is a usage error naming it.
 */
export async function readShard(file: string, name: string): Promise<Shard> {
  let document: unknown;
  try {
    // The document is taken once its last bracket closes: parseChunked's own result for a file
    // cut short just after a bracket (`{"files": [`) is what it holds so far, with no error.
    const count = await parseChunked(createReadStream(file), { onRootValue: (value) => (document = value) });
    if (count === 0) throw new SyntaxError('Unexpected end of JSON input: the file ends before its brackets close (was it cut short?)');
  } catch (error) {
    const isUnread = (error as NodeJS.ErrnoException).code !== undefined;
    throw new UsageError(isUnread ? `Cannot read \`${name}\`: ${fileErrorReason(error)}` : `Cannot merge \`${name}\`: ${parseProblem(error as Error)}`, { cause: error });
  }
  return shardOf(document, name);
}

/**
 * A parse error as the parser words it, with its position in the file. Node.js 22 and later add
 * the line and column within the chunk being parsed, which are not the file's: they go.
 */
function parseProblem(error: Error): string {
  return error.message.replace(/ \(line \d+ column \d+\)$/, '');
}

/** Tells a rightslint JSON result from a SARIF log, refusing anything else. */
function shardOf(document: unknown, name: string): Shard {
  const value = document as { version?: unknown; files?: unknown; runs?: unknown };
  if (value.version === 1 && Array.isArray(value.files)) return { kind: 'json', document: document as CheckResult };
  if (value.version === '2.1.0' && Array.isArray(value.runs)) return { kind: 'sarif', document: document as SarifLog };
  throw new UsageError(`Cannot merge \`${name}\`: neither a rightslint JSON result (version 1) nor a SARIF 2.1.0 log`);
}
