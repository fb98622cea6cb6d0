import { isAbsolute, join, relative, sep } from 'node:path';
import type { CheckResult, FileResult, Finding } from '../workspace/result.js';
import { coalesce, joinChunks, type ReportChunks } from './chunks.js';
import { incompleteness } from './incomplete.js';

/** What the annotations need besides the result. */
export interface GithubOptions {
  /** The job's `GITHUB_WORKSPACE`: paths are made relative to it, where the result's root is known. */
  workspace?: string | undefined;
}

/**
 * GitHub Actions workflow commands: each finding becomes an annotation on the pull request. An
 * annotation carries the finding's message, not its evidence, so it is small whatever the page.
 */
export function formatGithub(result: CheckResult, options: GithubOptions = {}): string {
  return joinChunks(githubChunks(result, options));
}

/** The workflow commands in chunks, a command at a time. */
export function* githubChunks(result: CheckResult, options: GithubOptions = {}): ReportChunks {
  // A run that did not complete says so first, as SARIF and JUnit do: its pages' annotations, few
  // or none, would otherwise read as a pull request that passed.
  const incomplete = incompleteness(result);
  if (incomplete) yield `${command('error', { title: 'rightslint: the run is incomplete' }, incomplete)}\n`;
  const over = overLimits(result, incomplete === undefined ? 0 : 1);
  if (over) yield `${command('warning', { title: 'rightslint: more annotations than GitHub shows' }, over)}\n`;
  yield* coalesce(commands(result, annotatedPath(result, options)));
  yield `${summaryLine(result)}\n`;
}

/**
 * GitHub shows 10 error, 10 warning and 10 notice annotations of a step, and drops the rest
 * without a word (actions/toolkit, docs/problem-matchers.md): where a run makes more, a first
 * annotation, which is always shown, says how many of each there are and where the rest are.
 */
function overLimits(result: CheckResult, runErrors: number): string | undefined {
  const counts = { error: runErrors, warning: 0, notice: 0 };
  for (const file of result.files) for (const { name } of annotations(file)) counts[name]++;
  if (counts.error <= ANNOTATIONS_SHOWN && counts.warning <= ANNOTATIONS_SHOWN && counts.notice <= ANNOTATIONS_SHOWN) return undefined;
  const made = `${counts.error} error, ${counts.warning} warning and ${counts.notice} notice annotations`;
  return `GitHub shows the first ${ANNOTATIONS_SHOWN} annotations of each kind a step makes (this one among the warnings), and this run made ${made}: the step's log lists them all. ${summaryLine(result)}`;
}

/** The annotations of each kind GitHub shows for a step. */
const ANNOTATIONS_SHOWN = 10;

/**
 * A file's path as GitHub attaches annotations: relative to the workspace (the repository's
 * checkout), where the policy, and so the result's paths, may stand in a folder below it.
 */
function annotatedPath(result: CheckResult, { workspace }: GithubOptions): (file: FileResult) => string {
  const { root } = result;
  if (!workspace || !root || !isAbsolute(workspace)) return (file) => file.path;
  return (file) => relative(workspace, join(root, file.path)).split(sep).join('/');
}

function* commands(result: CheckResult, pathOf: (file: FileResult) => string): Generator<string> {
  for (const file of result.files) {
    const path = pathOf(file);
    for (const { name, where, message } of annotations(file)) yield `${command(name, { file: path, ...where }, message)}\n`;
  }
}

/** An annotation, but for the file it is on. */
interface Annotation {
  name: 'error' | 'warning' | 'notice';
  where: Record<string, number | string>;
  message: string;
}

/**
 * A file's annotations: its findings, suppressed ones left out (they are accepted: annotating
 * them would only be noise), or where it was not checked and no finding says so (an
 * `unscannable-file` error does, in the same words), its status.
 */
function* annotations(file: FileResult): Generator<Annotation> {
  const shown = file.findings.filter((finding) => !finding.suppression);
  if (shown.length === 0 && file.status === 'error') yield { name: 'error', where: {}, message: file.reason ?? 'the file could not be checked' };
  else if (shown.length === 0 && file.status === 'skipped') yield { name: 'notice', where: {}, message: `Skipped: ${file.reason ?? 'not checked'}` };
  for (const finding of shown) yield findingAnnotation(finding);
}

function findingAnnotation(finding: Finding): Annotation {
  // GitHub accepts columns only when the annotation starts and ends on the same line.
  const where: Record<string, number | string> = finding.line === finding.endLine
    ? { line: finding.line, col: finding.column, endLine: finding.endLine, endColumn: finding.endColumn }
    : { line: finding.line, endLine: finding.endLine };
  return { name: finding.severity, where: { ...where, title: finding.ruleId }, message: finding.message };
}

function command(name: 'error' | 'warning' | 'notice', properties: Record<string, string | number>, message: string): string {
  const list = Object.entries(properties).map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::${name} ${list}::${escapeData(message)}`;
}

// The runner reads a command up to the end of its line, its message after the second `::`, and
// its properties split on `,` and `=`: so these characters are percent-encoded, `%` first.
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function summaryLine(result: CheckResult): string {
  const { errors, warnings, scanned, skipped, errored, suppressed } = result.summary;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const files = [
    `${plural(scanned, 'file')} checked`,
    ...(skipped ? [`${skipped} skipped`] : []),
    ...(errored ? [`${errored} could not be read`] : []),
    ...(suppressed ? [`${suppressed} suppressed`] : []),
  ].join(', ');
  const problems = errors + warnings;
  if (problems === 0) return `rightslint: no problems (${files})`;
  return `rightslint: ${plural(problems, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) in ${files}`;
}
