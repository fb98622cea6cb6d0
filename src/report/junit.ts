import type { CheckResult, FileResult, Finding } from '../workspace/result.js';
import { coalesce, joinChunks, type ReportChunks } from './chunks.js';
import { incompleteness } from './incomplete.js';

/**
 * The JUnit XML report: one test case a file, for CI systems that show test results (Jenkins,
 * GitLab). It lists findings, not their evidence, so a finding's line is small however much
 * evidence it has.
 */
export function formatJunit(result: CheckResult): string {
  return joinChunks(junitChunks(result));
}

/** The JUnit report in chunks, a test case at a time. */
export function* junitChunks(result: CheckResult): ReportChunks {
  // A run that did not complete is a case of its own, in error: its pages' cases, all skipped or
  // none, would otherwise read as a suite that passed.
  const incomplete = incompleteness(result);
  const run: TestCase[] = incomplete === undefined ? [] : [{ outcome: 'error', lines: [`    <testcase classname="rightslint" name="(the run)">`, `      <error message="${escapeAttribute(incomplete)}" type="rightslint"/>`, '    </testcase>'] }];
  const cases = [...run, ...result.files.map(testCase)];
  const counts = {
    tests: cases.length,
    failures: cases.filter((c) => c.outcome === 'failure').length,
    errors: cases.filter((c) => c.outcome === 'error').length,
    skipped: cases.filter((c) => c.outcome === 'skipped').length,
  };
  const totals = `tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}"`;
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="rightslint" ${totals}>\n  <testsuite name="rightslint" ${totals} skipped="${counts.skipped}">\n`;
  yield* coalesce(cases.map((c) => `${c.lines.join('\n')}\n`));
  yield '  </testsuite>\n</testsuites>\n';
}

interface TestCase {
  outcome: 'pass' | 'failure' | 'error' | 'skipped';
  lines: string[];
}

function testCase(file: FileResult): TestCase {
  const open = `    <testcase classname="rightslint" name="${escapeAttribute(file.path)}"`;
  if (file.status === 'error') {
    return { outcome: 'error', lines: [`${open}>`, `      <error message="${escapeAttribute(file.reason ?? 'the file could not be checked')}" type="rightslint"/>`, '    </testcase>'] };
  }
  const shown = file.findings.filter((finding) => !finding.suppression);
  const suppressed = file.findings.filter((finding) => finding.suppression);
  const hasErrors = shown.some((finding) => finding.severity === 'error');
  // A file left unchecked is skipped, but one the policy says must be checked (an `unscannable-file`
  // error: too large, binary, a link out of the folder) fails, as it fails the run.
  if (file.status === 'skipped' && !hasErrors) {
    return { outcome: 'skipped', lines: [`${open}>`, `      <skipped message="${escapeAttribute(file.reason ?? 'not checked')}"/>`, '    </testcase>'] };
  }
  const body: string[] = [];
  // An error fails the file and the failure lists everything; warnings alone only inform.
  if (hasErrors) {
    body.push(`      <failure message="${escapeAttribute(problems(shown))}" type="rightslint">${escapeText(shown.map(findingLine).join('\n'))}</failure>`);
  }
  const notes = [...(hasErrors ? [] : shown.map(findingLine)), ...suppressed.map(suppressedLine)];
  if (notes.length > 0) body.push(`      <system-out>${escapeText(notes.join('\n'))}</system-out>`);
  if (body.length === 0) return { outcome: 'pass', lines: [`${open}/>`] };
  return { outcome: hasErrors ? 'failure' : 'pass', lines: [`${open}>`, ...body, '    </testcase>'] };
}

function problems(findings: readonly Finding[]): string {
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(findings.length, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
}

function findingLine(finding: Finding): string {
  return `${finding.line}:${finding.column} ${finding.severity} ${finding.message} [${finding.ruleId}]`;
}

function suppressedLine(finding: Finding): string {
  return `${findingLine(finding)} (suppressed: ${finding.suppression?.justification ?? ''})`;
}

// XML 1.0 allows only tab, line feed, carriage return and U+0020 up, without surrogates, U+FFFE and
// U+FFFF (XML 1.0 §2.2 `Char`); not even a character reference may name the others.
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes element content; `>` too, so that no `]]>` appears. */
function escapeText(text: string): string {
  return text
    .replace(FORBIDDEN, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    // A parser turns a raw carriage return into a line feed (XML 1.0 §2.11); a reference keeps it.
    .replace(/\r/g, '&#13;');
}

/** Escapes a double-quoted attribute value. */
function escapeAttribute(text: string): string {
  return escapeText(text)
    .replace(/"/g, '&quot;')
    // Attribute-value normalisation turns raw tabs and line feeds into spaces (XML 1.0 §3.3.3).
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;');
}
