import { minimatch } from 'minimatch';
import type { Policy } from '../config/policy.js';
import { mayHoldNotice } from '../detect/notices.js';
import { buildPrefilter, type Prefilter } from '../detect/prefilter/prefilter.js';
import { decodePage } from '../document/decode.js';
import { MarkupRecord } from '../document/html/html-scan.js';
import { parseHtml } from '../document/html/parse-html.js';
import { formatOf } from '../document/format.js';
import { type Page, readPage } from '../document/page.js';
import type { Run } from './run.js';
import { LeftToWorker, type StageDeadline } from './thread-clock.js';
import type { FileToCheck } from './target.js';

// The first half of a page's check: from the bytes of a file to its page read into regions, or to
// nothing to judge (judge.ts is the second).

/** A file decoded and read: its page, unless it holds nothing to judge, and what the prefilter found. */
export interface FileRead {
  /** The page, or undefined where the prefilter finds nothing it could hold, or only notices and none stands where they are read. */
  page: Page | undefined;
  encoding: string;
  /** Whether the prefilter found the page names no holder, so that only its notices are looked for. */
  isNoticesOnly: boolean;
}

/**
 * Decodes a file, prefilters it and reads it into regions. An HTML page's markup is scanned
 * once, for the prefilter and the tree builder both. A `deadline` is looked at after each stage.
 */
export async function readFile(file: FileToCheck, run: Run, deadline?: StageDeadline): Promise<FileRead> {
  const { text, encoding } = decodePage(file.bytes, encodingFor(run.policy, file.policyPath) ?? file.charset);
  deadline?.check();
  const format = file.format ?? formatOf(file.path);
  const prefilter = prefilterOf(run);
  const markup = prefilter && format === 'html' ? MarkupRecord.of(text) : undefined;
  const scope = prefilter?.scope(text, format, markup) ?? 'everything';
  const isNoticesOnly = scope === 'notices';
  if (scope === 'nothing') return { page: undefined, encoding, isNoticesOnly };
  deadline?.check();
  const beforeParse5 = deadline?.canLeave && text.length > PARSE5_IN_THREAD_CHARS ? leaveToWorker : undefined;
  const html = format === 'html' ? await parseHtml(text, { markup, beforeParse5 }) : undefined;
  if (isNoticesOnly && html && !mayHoldNotice(html.tree)) return { page: undefined, encoding, isNoticesOnly };
  deadline?.check();
  const page = await readPage(file.path, text, html);
  deadline?.check();
  return { page, encoding, isNoticesOnly };
}

/**
 * The longest page parse5 reads in a thread that checks against a `StageDeadline`, where a worker
 * is at hand: nothing can stop it mid-way there, and on hostile markup it reads some 2 µs a
 * character (a megabyte in two seconds, 5 MB in ten). The tree builder, which reads all but a few
 * pages, leaves a longer one to it only on markup it does not handle; the page then goes to a
 * worker, whose time limit stops parse5 where it stands.
 */
const PARSE5_IN_THREAD_CHARS = 1_000_000;

function leaveToWorker(): never {
  throw new LeftToWorker('a page this long that the tree builder leaves to parse5 is parsed in a worker');
}

/** The encoding the policy imposes on a file, from the last override that names one. */
export function encodingFor(policy: Policy, policyPath: string): string | undefined {
  return policy.spec.overrides.filter((o) => o.encoding && o.files.some((glob) => minimatch(policyPath, glob, { dot: true }))).at(-1)?.encoding;
}

// The prefilter of each policy, built when a page of a run that prefilters first needs it.
const prefilters = new WeakMap<Policy, Prefilter>();

/** The run's prefilter, or undefined where the run reads every page whole. */
export function prefilterOf(run: Run): Prefilter | undefined {
  if (!run.isPrefiltered) return undefined;
  let prefilter = prefilters.get(run.policy);
  if (!prefilter) prefilters.set(run.policy, (prefilter = buildPrefilter(run.policy.catalogue, { notices: isNoticeRuleOn(run.policy) })));
  return prefilter;
}

/** Whether `unknown-notice` can report anywhere: the prefilter then looks for notices too. */
function isNoticeRuleOn(policy: Policy): boolean {
  const overrides = policy.spec.overrides.flatMap((o) => o.rules['unknown-notice'] ?? []);
  return [policy.spec.rules['unknown-notice'] ?? 'warning', ...overrides].some((setting) => setting !== 'off');
}
