import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { check } from '../src/engine/check.js';
import { CSV_COLUMNS, csvField, formatCsv } from '../src/report/csv.js';
import { summarise } from '../src/workspace/summary.js';
import type { CheckResult, FileResult } from '../src/workspace/result.js';
import { FIXTURE_DAY } from './support/fixture-day.js';
import { runCli } from './support/run-cli.js';
import { scratchFolder } from './support/scratch.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');

type Record = { [column in (typeof CSV_COLUMNS)[number]]: string };

/** The CSV read back by a parser of its own (csv-parse), strict about RFC 4180's quoting. */
function readCsv(text: string): Record[] {
  return parse(text, { bom: true, columns: true, relax_quotes: false, relax_column_count: false }) as Record[];
}

async function checked(fixture: string): Promise<CheckResult> {
  return check({ paths: [join(FIXTURES, fixture)], asOf: FIXTURE_DAY });
}

/** What a row says of a finding, as the finding itself says it. */
function expectedRow(file: FileResult, finding: FileResult['findings'][number]): Partial<Record> {
  return {
    path: file.path,
    status: file.status,
    line: String(finding.line),
    column: String(finding.column),
    end_line: String(finding.endLine),
    end_column: String(finding.endColumn),
    rule: finding.ruleId,
    severity: finding.severity,
    holder: finding.holder ?? '',
    license: finding.license ?? '',
    message: finding.message,
    evidence_count: String(finding.evidence.length),
    suppression: finding.suppression?.kind ?? '',
    suppression_reason: finding.suppression?.justification ?? '',
    fingerprint: finding.fingerprint,
  };
}

describe('formatCsv', () => {
  it.each(['wire-unlicensed', 'suppressions'])('gives back the findings of %s, one row each, suppressed ones marked with their reason', async (fixture) => {
    const result = await checked(fixture);
    const rows = readCsv(formatCsv(result));
    const findings = result.files.flatMap((file) => file.findings.map((finding) => expectedRow(file, finding)));
    expect(findings.length).toBeGreaterThan(0);
    expect(rows).toHaveLength(findings.length);
    rows.forEach((row, i) => expect(row).toMatchObject(findings[i] as Partial<Record>));
  });

  it('lists each piece of evidence on its own line in the cell, where it stands and which signal found it', async () => {
    const result = await checked('wire-unlicensed');
    const [row] = readCsv(formatCsv(result));
    const finding = result.files[0]?.findings[0];
    expect(row?.evidence.split('\n')).toEqual(finding?.evidence.map((item) => `${item.line}:${item.column} ${item.signal} "${item.text}"`));
  });

  it('suppressions in the fixture read as accepted in the page, with the reason written there', async () => {
    const rows = readCsv(formatCsv(await checked('suppressions')));
    const accepted = rows.filter((row) => row.suppression === 'inSource');
    expect(accepted.length).toBeGreaterThan(0);
    for (const row of accepted) expect(row.suppression_reason).not.toBe('');
  });

  it('gives a row to a file that was not checked, with its status and reason', () => {
    const files: FileResult[] = [
      { path: 'drafts/embargo.html', status: 'skipped', reason: 'not included by the policy', holders: [], findings: [] },
      { path: 'archive/old, "page".html', status: 'error', reason: 'Cannot read it:\nbroken link', holders: [], findings: [] },
    ];
    const result: CheckResult = { version: 1, files, summary: summarise(files, FIXTURE_DAY, null) };
    const rows = readCsv(formatCsv(result));
    expect(rows.map((row) => [row.path, row.status, row.reason, row.rule])).toEqual([
      ['drafts/embargo.html', 'skipped', 'not included by the policy', ''],
      ['archive/old, "page".html', 'error', 'Cannot read it:\nbroken link', ''],
    ]);
  });

  it('opens with a byte order mark and the header, and ends each record in CRLF (RFC 4180 §2)', () => {
    const text = formatCsv({ version: 1, files: [], summary: summarise([], FIXTURE_DAY, null) });
    expect(text).toBe(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`);
  });
});

describe('csvField', () => {
  it('quotes a field only when it holds a comma, a quote or a line break, doubling inner quotes', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "AFP"')).toBe('"say ""AFP"""');
    expect(csvField('one\r\ntwo')).toBe('"one\r\ntwo"');
    expect(csvField(12)).toBe('12');
    expect(csvField(undefined)).toBe('');
  });

  it('keeps page text that starts like a formula from running in a spreadsheet', () => {
    expect(csvField('=HYPERLINK("http://example.test")')).toBe('"\'=HYPERLINK(""http://example.test"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@AFP')).toBe("'@AFP");
    expect(csvField('-AFP')).toBe("'-AFP");
  });
});

describe('check -f csv', () => {
  it('writes the report to the file -o names, and another format beside it', async () => {
    const out = join(scratchFolder('csv'), 'report.csv');
    const run = await runCli(['check', '--as-of', FIXTURE_DAY, '-f', 'csv', '-o', out, '-f', 'json'], join(FIXTURES, 'wire-unlicensed'));
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as CheckResult;
    const rows = readCsv(readFileSync(out, 'utf8'));
    expect(rows.map((row) => [row.path, row.rule, row.line])).toEqual(json.files.flatMap((file) => file.findings.map((f) => [file.path, f.ruleId, String(f.line)])));
  });
});
