import { minimatch } from 'minimatch';
import type { Policy } from '../config/policy.js';
import { severityFor } from '../policy/severity.js';
import { detectHolders } from '../detect/holders.js';
import { firstPartyHolders } from '../detect/publisher.js';
import { findNotices, mayHoldNotice } from '../detect/notices.js';
import { findEvidence } from '../detect/signals.js';
import { decodePage } from '../document/decode.js';
import { buildHtmlTree } from '../document/html/html-tree.js';
import { formatOf, readPage } from '../document/page.js';
import type { TreeRoot } from '../document/tree.js';
import { MarkupRecord } from '../document/html/html-scan.js';
import { isBinary, readWithin } from '../workspace/read-file.js';
import type { FileResult } from '../workspace/result.js';
import { createFinding, fileFinding, holderEntry } from '../rules/finding.js';
import { RULES } from '../rules/index.js';
import { ALL_RULES, type RuleMeta } from '../rules/meta.js';
import { unscannableFile, unscannableSeverity } from '../rules/unscannable-file.js';
import { applyDirectives } from '../suppress/apply.js';
import { readDirectives } from '../suppress/directives.js';
import type { Target } from '../workspace/files.js';
import type { Prefilter } from '../detect/prefilter/prefilter.js';
import { contentDigest, type ResultCache } from '../workspace/cache.js';
import type { FileStat } from '../workspace/digest-index.js';

/** What a page is checked against, shared by every page of one run. */
export interface PageCheck {
  policy: Policy;
  asOf: string;
  /** The path reports show for a file (relative to the working folder). */
  displayPath(absolute: string): string;
  /** Skips the parser for pages that cannot have evidence or findings, and most of it for those that can have only notices; absent to read every page whole. */
  prefilter?: Prefilter;
  /** Results of earlier runs, when caching. */
  cache?: ResultCache;
}

/** A file read, and not answered by the cache: what is left is to decode, prefilter and judge it. */
export interface FileToCheck {
  path: string;
  policyPath: string;
  /** The file's own copy of its bytes, which can move to a worker thread. */
  bytes: Uint8Array<ArrayBuffer>;
}

/** A file to check, with the key its result is cached under when caching. */
export interface ReadFile {
  file: FileToCheck;
  cacheKey: string | undefined;
}

/**
 * Checks one file: detect the facts, then let each enabled rule judge them. A failure while
 * reading or checking becomes an `error` entry for this file alone.
 */
export async function checkTarget(target: Target, run: PageCheck): Promise<FileResult> {
  const read = readTarget(target, run);
  return 'file' in read ? remember(read.cacheKey, await checkFile(read.file, run), run) : read;
}

/**
 * Reads a file and answers what needs no decoding: a file skipped, unreadable, too large or
 * binary, or a result in the cache. Else the file to check, with its own copy of the bytes.
 * Given the file's digest (from the digest index, or read by another thread), a result in the
 * cache is found without reading the file here; on a miss the file is read and its key taken
 * from what was read. Given its metadata, taken before any reading, the digest index learns the
 * digest of what was read.
 */
export function readTarget(target: Target, run: PageCheck, known: { stat?: FileStat | undefined; digest?: string | undefined } = {}): FileResult | ReadFile {
  const path = run.displayPath(target.absolute);
  if (target.skipped) return { path, status: 'skipped', reason: target.skipped, holders: [], findings: [] };
  if (target.error) return unscannable(path, 'error', target.error, target.policyPath, run);
  const cache = run.cache;
  // Every digest, whatever it was read by, is of the content after `known.stat` was taken.
  const lookUp = (digest: string | undefined): FileResult | undefined => {
    if (digest === undefined || !cache) return undefined;
    if (known.stat) cache.digests.remember(target.absolute, known.stat, digest);
    const cached = cache.get(cache.keyOf(digest, target.policyPath));
    return cached && { ...cached, path };
  };
  const early = lookUp(known.digest);
  if (early) return early;
  try {
    const limit = run.policy.spec.maxFileSize;
    const read = readWithin(target.absolute, limit);
    if (typeof read === 'number') return unscannable(path, 'skipped', tooLarge(read, limit), target.policyPath, run);
    if (isBinary(read)) return unscannable(path, 'skipped', BINARY, target.policyPath, run);
    const digest = cache ? contentDigest(read) : undefined;
    const cached = lookUp(digest);
    if (cached) return cached;
    // The read buffer is reused for the next file: a file that waits to be checked keeps a copy.
    return { file: { path, policyPath: target.policyPath, bytes: new Uint8Array(read) }, cacheKey: digest === undefined ? undefined : cache?.keyOf(digest, target.policyPath) };
  } catch (error) {
    return unscannable(path, 'error', `Cannot check \`${path}\`: ${(error as Error).message}`, target.policyPath, run);
  }
}

/** Why a page of `size` bytes is not checked under a limit of `limit`. */
export function tooLarge(size: number, limit: number): string {
  return `larger than the size limit (${size} bytes, limit ${limit}: see \`maxFileSize\`)`;
}

/** Why a page that reads as binary is not checked. */
export const BINARY = 'binary file (a NUL byte in its first 8000 bytes)';

/**
 * Decodes a file and judges it, unless the prefilter finds nothing it could hold, or only
 * notices and its tree has none where they are read; a failure becomes an `error` entry for this
 * file alone.
 */
export async function checkFile(file: FileToCheck, run: PageCheck): Promise<FileResult> {
  const { path, policyPath } = file;
  try {
    const { text, encoding } = decodePage(file.bytes, encodingFor(run.policy, policyPath));
    const format = formatOf(path);
    // An HTML page's markup is scanned once, for the prefilter and the tree builder both.
    const markup = run.prefilter && format === 'html' ? MarkupRecord.of(text) : undefined;
    const scope = run.prefilter?.scope(text, format, markup) ?? 'everything';
    // A page the tree builder leaves to parse5 (null) is read whole, by parse5 at once.
    const tree = scope !== 'nothing' && format === 'html' ? (buildHtmlTree(text, markup) ?? null) : undefined;
    if (scope === 'nothing' || (scope === 'notices' && tree && !mayHoldNotice(tree))) return { path, status: 'scanned', holders: [], findings: [], encoding };
    return { ...(await checkText(text, path, policyPath, run, { tree, isNoticesOnly: scope === 'notices' })), encoding };
  } catch (error) {
    return unscannable(path, 'error', `Cannot check \`${path}\`: ${(error as Error).message}`, policyPath, run);
  }
}

/**
 * Stores a file's result in the run's cache, if any, and returns it. A cache that cannot be
 * written (a full disk, a folder made read-only) costs the next run time, never this run a result.
 */
export async function remember(cacheKey: string | undefined, result: FileResult, run: PageCheck): Promise<FileResult> {
  if (cacheKey !== undefined) await run.cache?.set(cacheKey, result, dependsOnAsOf(result, run.policy)).catch(() => undefined);
  return result;
}

/** A file that could not be checked: its status and reason, and the `unscannable-file` finding. */
export function unscannable(path: string, status: 'skipped' | 'error', reason: string, policyPath: string, run: PageCheck): FileResult {
  const severity = unscannableSeverity(run.policy, policyPath);
  const findings = severity === 'off' ? [] : [fileFinding(unscannableFile, severity, `Cannot check this file: ${reason}`, policyPath)];
  return { path, status, reason, holders: [], findings };
}


/** The encoding the policy imposes on a file, from the last override that names one. */
export function encodingFor(policy: Policy, policyPath: string): string | undefined {
  return policy.spec.overrides.filter((o) => o.encoding && o.files.some((glob) => minimatch(policyPath, glob, { dot: true }))).at(-1)?.encoding;
}

/** A result changes with `--as-of` when the page's date is that day, or a licence limits retention. */
function dependsOnAsOf(result: FileResult, policy: Policy): boolean {
  return result.holders.length > 0 && (result.publishedFrom === 'as-of' || policy.spec.licenses.some((l) => l.retention));
}

/**
 * What is known of a page before it is read: its HTML tree, if built (null where the builder
 * declined it), and whether the prefilter found it names no holder.
 */
interface Known {
  tree?: TreeRoot | null | undefined;
  isNoticesOnly?: boolean;
}

/** Checks a page's text; `path` is what reports show, `policyPath` what licence globs match. */
export async function checkText(text: string, path: string, policyPath: string, run: PageCheck, known: Known = {}): Promise<FileResult> {
  const page = await readPage(path, text, known.tree);
  const { catalogue } = run.policy;
  const detections = known.isNoticesOnly ? [] : detectHolders(findEvidence(page.regions, catalogue), firstPartyHolders(page.publisherNames, catalogue));
  const date = page.published?.date ?? run.asOf;
  const context = {
    page,
    policyPath,
    detections,
    notices: findNotices(page.regions),
    policy: run.policy,
    date,
    asOf: run.asOf,
  };
  const judged = RULES.flatMap((rule) => {
    const severity = severityFor(rule, run.policy, policyPath);
    if (severity === 'off') return [];
    return rule.check(context).flatMap((report) => {
      // A holder seen only in teasers, rails and galleries is judged by the policy's `asides`.
      const level = report.isAside ? run.policy.spec.asides : severity;
      return level === 'off' ? [] : [createFinding(rule, level, report, page, policyPath)];
    });
  });
  const { findings: accepted, problems } = applyDirectives(judged, readDirectives(page), ALL_RULES.map((rule) => rule.id));
  const findings = [
    ...accepted,
    ...problems.flatMap(({ ruleId, message, directive }) => {
      const rule = ALL_RULES.find((r) => r.id === ruleId) as RuleMeta;
      const severity = severityFor(rule, run.policy, policyPath);
      if (severity === 'off') return [];
      return [createFinding(rule, severity, { message, start: directive.start, end: directive.end, evidence: [] }, page, policyPath)];
    }),
  ].sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
  return {
    path,
    status: 'scanned',
    // The date matters, and is shown, only where there is agency content to judge by it.
    ...(detections.length > 0 ? { published: date, publishedFrom: page.published?.source ?? 'as-of' } : {}),
    holders: detections.map((d) => holderEntry(d, page)),
    findings,
  };
}
