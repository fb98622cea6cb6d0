import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { XMLValidator } from 'fast-xml-parser';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { boundResult } from '../src/report/bound.js';
import { joinChunks, jsonPieces } from '../src/report/chunks.js';
import { REPORT_SCRIPT } from '../src/report/html-script.js';
import { REPORT_STYLE } from '../src/report/html-style.js';
import { FORMAT_NAMES, REPORTS, type FormatName } from '../src/report/index.js';
import { formatJson } from '../src/report/json.js';
import { formatSarif } from '../src/report/sarif.js';
import { formatStylish } from '../src/report/stylish.js';
import { DEFAULT_MAX_EVIDENCE } from '../src/report/options.js';
import type { CheckResult, EvidenceEntry, FileResult, Finding } from '../src/workspace/result.js';
import { summarise } from '../src/workspace/summary.js';

const OPTIONS = { version: '0.0.0-test', color: false };
const HUGE = 200_000;
const PAGE = 'photos/wall.html';

/** `alt="AFP/X"` on line n + 1, as a page of repeated credits gives it. */
function credit(n: number): EvidenceEntry {
  return { signal: 'afp/photo-credit', text: 'AFP/X', line: n + 2, column: 11, endLine: n + 2, endColumn: 16 };
}

function finding(evidence: EvidenceEntry[], fields: Partial<Finding> = {}): Finding {
  const [first] = evidence;
  return {
    ruleId: 'unlicensed-content',
    severity: 'error',
    message: 'Agence France-Presse photo content is not covered by any licence for `photos/wall.html`',
    source: 'rightslint',
    url: 'https://github.com/rightslint/rightslint/blob/main/docs/rules/unlicensed-content.md',
    holder: 'afp',
    kind: 'photo',
    kinds: ['photo'],
    line: first?.line ?? 1,
    column: first?.column ?? 1,
    endLine: first?.endLine ?? 1,
    endColumn: first?.endColumn ?? 1,
    evidence,
    fingerprint: '0123456789abcdef0123456789abcdef',
    ...fields,
  };
}

function page(path: string, evidence: EvidenceEntry[], findings = [finding(evidence)]): FileResult {
  return { path, status: 'scanned', holders: [{ holder: 'afp', kinds: ['photo'], evidence }], findings };
}

function withSummary(files: FileResult[]): CheckResult {
  return { version: 1, files, summary: summarise(files, '2025-07-01', 'rightslint.yaml') };
}

/** One page with 200,000 credits, as a 3.6 MB page of `<img alt="AFP/X">` gives, and a small one. */
function hugeResult(): CheckResult {
  const evidence = Array.from({ length: HUGE }, (_, n) => credit(n));
  return withSummary([page(PAGE, evidence), page('photos/one.html', [credit(0)])]);
}

describe('reports of a page with 200,000 pieces of evidence', () => {
  const result = hugeResult();
  const summary = structuredClone(result.summary);
  const reports = new Map(FORMAT_NAMES.map((name) => [name, joinChunks(REPORTS[name](result, OPTIONS))]));
  const report = (name: FormatName) => reports.get(name) ?? '';

  it.each(FORMAT_NAMES)('writes %s in a few kilobytes, not the 90 MB that listing every item took', (name) => {
    // The html report carries its style sheet and script, whatever the result's size.
    const overhead = name === 'html' ? REPORT_STYLE.length + REPORT_SCRIPT.length : 0;
    expect(report(name).length).toBeLessThan(20_000 + overhead);
    expect(report(name).endsWith('\n')).toBe(true);
  });

  it('lists the first 20 in stylish and counts the rest, with the summary of the whole run', () => {
    const lines = report('stylish').split('\n');
    const first = lines.indexOf(PAGE);
    expect(lines[first + 1]).toMatch(/^ {2}2:11 {2}error {2}Agence France-Presse photo content/);
    expect(lines.slice(first + 2, first + 2 + DEFAULT_MAX_EVIDENCE)).toEqual(
      Array.from({ length: DEFAULT_MAX_EVIDENCE }, (_, n) => `      ${n + 2}:11  afp/photo-credit  "AFP/X"`),
    );
    expect(lines[first + 2 + DEFAULT_MAX_EVIDENCE]).toBe('      … and 199,980 more');
    expect(lines).toContain('✖ 2 problems (2 errors, 0 warnings) in 2 files checked');
  });

  it('writes JSON that parses, with the first 20 of each list and the full count beside them', () => {
    const parsed = JSON.parse(report('json')) as CheckResult;
    const [wall, one] = parsed.files;
    expect(wall?.findings[0]?.evidence).toEqual(result.files[0]?.findings[0]?.evidence.slice(0, DEFAULT_MAX_EVIDENCE));
    expect(wall?.findings[0]).toMatchObject({ evidenceCount: HUGE });
    expect(wall?.holders[0]).toMatchObject({ evidenceCount: HUGE });
    expect(wall?.holders[0]?.evidence).toHaveLength(DEFAULT_MAX_EVIDENCE);
    // Nothing is left out of the small page, so nothing is added to it either.
    expect(one).toEqual(result.files[1]);
    expect(parsed.summary).toEqual(summary);
  });

  it('writes a SARIF log that validates, with the full count in the result\'s properties', () => {
    const log = JSON.parse(report('sarif')) as Log;
    const schema = JSON.parse(readFileSync(join(import.meta.dirname, 'schemas/sarif-schema-2.1.0.json'), 'utf8')) as object;
    const ajv = new ajvDraft04.default({ strict: false, allErrors: true });
    ajvFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(log), ajv.errorsText(validate.errors)).toBe(true);
    const [wall, one] = log.runs[0]?.results ?? [];
    expect(wall?.properties).toMatchObject({ evidenceCount: HUGE });
    expect(wall?.properties?.evidence).toHaveLength(DEFAULT_MAX_EVIDENCE);
    expect(one?.properties).not.toHaveProperty('evidenceCount');
  });

  it('writes well-formed JUnit XML and GitHub annotations, which list findings and not evidence', () => {
    expect(XMLValidator.validate(report('junit'))).toBe(true);
    expect(report('junit')).toContain('tests="2" failures="2" errors="0"');
    expect(report('github').trimEnd().split('\n')).toHaveLength(3);
  });

  it('leaves the result as it was: every item, and the counts the exit code is judged by', () => {
    expect(result.files[0]?.findings[0]?.evidence).toHaveLength(HUGE);
    expect(result.files[0]?.holders[0]?.evidence).toHaveLength(HUGE);
    expect(result.summary).toEqual(summary);
  });
});

describe('maxEvidence', () => {
  const result = withSummary([page(PAGE, Array.from({ length: 1234 }, (_, n) => credit(n)))]);

  it('shows as many items as asked, and none with 0, always with the count of the rest', () => {
    const three = formatStylish(result, { ...OPTIONS, maxEvidence: 3 }).split('\n');
    expect(three.filter((line) => line.includes('afp/photo-credit'))).toHaveLength(3);
    expect(three).toContain('      … and 1,231 more');
    const none = formatStylish(result, { ...OPTIONS, maxEvidence: 0 }).split('\n');
    expect(none.some((line) => line.includes('afp/photo-credit'))).toBe(false);
    expect(none).toContain('      … and 1,234 more');
    const sarif = JSON.parse(formatSarif(result, { ...OPTIONS, maxEvidence: 0 })) as Log;
    expect(sarif.runs[0]?.results?.[0]?.properties).toMatchObject({ evidence: [], evidenceCount: 1234 });
  });

  it('lists everything with Infinity, as the JSON report did before it was bounded', () => {
    const json = formatJson(result, { ...OPTIONS, maxEvidence: Number.POSITIVE_INFINITY });
    expect(json).toBe(`${JSON.stringify(result, null, 2)}\n`);
    expect(formatStylish(result, { ...OPTIONS, maxEvidence: Number.POSITIVE_INFINITY })).not.toContain('more');
  });

  it('keeps the count of a JSON result already bounded, as `merge` reads it from shards', () => {
    const shard = JSON.parse(formatJson(result, OPTIONS)) as CheckResult;
    const merged = formatStylish(shard, { ...OPTIONS, maxEvidence: 5 }).split('\n');
    expect(merged).toContain('      … and 1,229 more');
    expect(JSON.parse(formatJson(shard, { ...OPTIONS, maxEvidence: Number.POSITIVE_INFINITY }))).toMatchObject({
      files: [{ findings: [{ evidenceCount: 1234 }], holders: [{ evidenceCount: 1234 }] }],
    });
    expect(JSON.parse(formatSarif(shard, OPTIONS))).toMatchObject({ runs: [{ results: [{ properties: { evidenceCount: 1234 } }] }] });
  });
});

describe('reports in chunks', () => {
  it('writes the JSON of a result exactly as JSON.stringify does, whatever its shape', () => {
    const odd = {
      version: 1, empty: [], none: {}, gone: undefined, list: [1, undefined, 'a\nb', { x: null }],
      files: [{ path: 'a', findings: [{ message: 'two\nlines', evidence: [] }], holders: [] }],
    };
    for (const depth of [0, 1, 2, 4, 8]) expect([...jsonPieces(odd, depth)].join('')).toBe(JSON.stringify(odd, null, 2));
  });

  it('never makes one string of a large report: chunks of about a megabyte, however many findings', () => {
    // 60,000 pages each with a finding of 20 credits: a JSON report of some 300 MB.
    const evidence = Array.from({ length: DEFAULT_MAX_EVIDENCE }, (_, n) => credit(n));
    const one = page('p', evidence);
    const files = Array.from({ length: 60_000 }, (_, n) => ({ ...one, path: `pages/${n}.html` }));
    const result = withSummary(files);
    for (const name of ['json', 'sarif'] as const) {
      let total = 0;
      let longest = 0;
      let count = 0;
      for (const chunk of REPORTS[name](result, OPTIONS)) {
        total += chunk.length;
        longest = Math.max(longest, chunk.length);
        count++;
        if (count > 8) break;
      }
      expect(longest).toBeLessThan(2 ** 21);
      expect(count).toBeGreaterThan(8);
      expect(total).toBeGreaterThan(8 * 2 ** 20);
    }
  });

  it('bounds a result it writes in JSON without changing it', () => {
    const result = hugeResult();
    const bounded = boundResult(result, 2);
    expect(bounded.files[0]?.findings[0]?.evidence).toHaveLength(2);
    expect(bounded.files[1]).toBe(result.files[1]);
    expect(result.files[0]?.findings[0]?.evidence).toHaveLength(HUGE);
  });
});
