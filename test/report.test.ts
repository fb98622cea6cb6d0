import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Log, Result } from 'sarif';
import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../src/engine/check.js';
import { summarise } from '../src/workspace/summary.js';
import type { CheckResult, FileResult, Finding } from '../src/workspace/result.js';
import { formatCsv } from '../src/report/csv.js';
import { formatGithub } from '../src/report/github.js';
import { formatHtml } from '../src/report/html.js';
import { FORMAT_NAMES, REPORTS } from '../src/report/index.js';
import { formatJunit } from '../src/report/junit.js';
import { formatSarif } from '../src/report/sarif.js';
import { formatStylish } from '../src/report/stylish.js';
import { fileFinding } from '../src/rules/finding.js';
import { RULES } from '../src/rules/index.js';
import { unscannableFile } from '../src/rules/unscannable-file.js';
import { ALL_RULES } from '../src/rules/meta.js';
import { copyOfFixture } from './support/scratch.js';
import { FIXTURE_DAY } from './support/fixture-day.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
/** A fixed version, so that the golden files do not change with each release. */
const OPTIONS = { version: '0.0.0-test', color: false };

const HARBOUR = 'wire-unlicensed/world/harbour-talks.html';
const AWKWARD = 'notes/50%, part: two #1.md';

/** The results of two fixture folders, as if checked from `test/fixtures`, plus the cases no fixture has. */
async function sampleResult(): Promise<CheckResult> {
  const files = [
    ...await checkedFrom('wire-unlicensed'),
    ...await checkedFrom('overrides'),
  ];
  const harbour = files.find((file) => file.path === HARBOUR);
  const [finding] = harbour?.findings ?? [];
  if (!finding) throw new Error(`Cannot build the sample: no finding in \`${HARBOUR}\``);
  files.push(
    {
      path: 'syndicated/harbour-talks.html',
      status: 'scanned',
      holders: [],
      findings: [{
        ...finding,
        message: finding.message.replace('world/harbour-talks.html', 'syndicated/harbour-talks.html'),
        fingerprint: 'fedcba9876543210fedcba9876543210',
        suppression: { kind: 'external', justification: 'Syndication contract SYN-2025-14' },
      }],
    },
    { path: 'drafts/embargo.html', status: 'skipped', reason: 'not included by the policy (`include`/`exclude`)', holders: [], findings: [] },
    { path: 'archive/old page.html', status: 'error', reason: 'Cannot read `archive/old page.html`: broken symbolic link (ENOENT)', holders: [], findings: [] },
    { path: AWKWARD, status: 'scanned', holders: [], findings: [awkwardFinding(finding)] },
  );
  return withSummary(files);
}

async function checkedFrom(name: string): Promise<FileResult[]> {
  const result = await check({ cwd: join(FIXTURES, name), asOf: FIXTURE_DAY });
  return result.files.map((file) => ({ ...file, path: `${name}/${file.path}` }));
}

/** A finding whose message and position exercise every escaping rule; it spans two lines. */
function awkwardFinding(model: Finding): Finding {
  return {
    ...model,
    message: 'Credit "A & B" <b>50%</b>: first, second\nnext line\u0007 end\r',
    line: 3, column: 5, endLine: 4, endColumn: 2,
    evidence: [{ signal: 'afp/credit', text: 'A & B', line: 3, column: 5, endLine: 3, endColumn: 10 }],
    fingerprint: '0123456789abcdef0123456789abcdef',
  };
}

function withSummary(files: FileResult[]): CheckResult {
  return { version: 1, files, summary: summarise(files, FIXTURE_DAY, 'rightslint.yaml') };
}

function sarifLog(result: CheckResult): Log {
  return JSON.parse(formatSarif(result, OPTIONS)) as Log;
}

function resultsFor(log: Log, path: string): Result[] {
  const uri = path.split('/').map(encodeURIComponent).join('/');
  return (log.runs[0]?.results ?? []).filter((r) => r.locations?.[0]?.physicalLocation?.artifactLocation?.uri === uri);
}

let sample: CheckResult;
beforeAll(async () => {
  sample = await sampleResult();
});

describe('REPORTS', () => {
  it('offers every reporter by name, sorted', () => {
    expect(Object.keys(REPORTS)).toEqual(['csv', 'github', 'html', 'json', 'junit', 'sarif', 'stylish']);
    expect(FORMAT_NAMES).toEqual(Object.keys(REPORTS));
  });
});

describe('formatSarif', () => {
  it('writes a log that validates against the SARIF 2.1.0 schema', () => {
    const schema = JSON.parse(readFileSync(join(import.meta.dirname, 'schemas/sarif-schema-2.1.0.json'), 'utf8')) as object;
    // Both are CommonJS with `exports.default`; under NodeNext that is where their types sit.
    const ajv = new ajvDraft04.default({ strict: false, allErrors: true });
    ajvFormats.default(ajv);
    const validate = ajv.compile(schema);
    for (const result of [sample, withSummary([])]) {
      expect(validate(sarifLog(result)), ajv.errorsText(validate.errors)).toBe(true);
    }
  });

  it('describes every rule with its docs and default level, content rules and directive rules', () => {
    const driver = sarifLog(sample).runs[0]?.tool.driver;
    expect(driver).toMatchObject({ name: 'rightslint', version: '0.0.0-test', informationUri: 'https://github.com/rightslint/rightslint' });
    const rules = driver?.rules ?? [];
    expect(rules.map((rule) => rule.id)).toEqual(ALL_RULES.map((rule) => rule.id));
    for (const rule of RULES) {
      expect(rules.find((descriptor) => descriptor.id === rule.id)).toMatchObject({
        shortDescription: { text: rule.description },
        helpUri: `https://github.com/rightslint/rightslint/blob/main/docs/rules/${rule.id}.md`,
        defaultConfiguration: { level: rule.defaultSeverity },
      });
    }
    expect(rules.find((rule) => rule.id === 'unlicensed-content')?.name).toBe('UnlicensedContent');
  });

  it('locates a finding with its region, rule index, fingerprint and evidence', () => {
    const log = sarifLog(sample);
    const [result] = resultsFor(log, HARBOUR);
    expect(result).toMatchObject({
      ruleId: 'unlicensed-content',
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: HARBOUR, uriBaseId: '%SRCROOT%' }, region: { startLine: 13, startColumn: 21, endLine: 13, endColumn: 57 } } }],
      partialFingerprints: { 'rightslint/v2': expect.stringMatching(/^[0-9a-f]{32}$/) },
      properties: { holder: 'afp', kinds: ['text'], evidence: [{ signal: 'afp/dateline', line: 13, column: 21 }, { signal: 'afp/notice', line: 23, column: 52 }] },
    });
    expect(log.runs[0]?.tool.driver.rules?.[result?.ruleIndex ?? -1]?.id).toBe('unlicensed-content');
    expect(result?.suppressions).toBeUndefined();
    expect(resultsFor(log, 'overrides/news/wire.md')).toMatchObject([{ level: 'warning', locations: [{ physicalLocation: { region: { startLine: 9, startColumn: 1 } } }] }]);
  });

  it('marks an accepted finding with its suppression', () => {
    const [result] = resultsFor(sarifLog(sample), 'syndicated/harbour-talks.html');
    expect(result?.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'Syndication contract SYN-2025-14' }]);
  });

  it('reports skipped and unreadable files as notifications of a successful run', () => {
    const [invocation] = sarifLog(sample).runs[0]?.invocations ?? [];
    expect(invocation?.executionSuccessful).toBe(true);
    expect(invocation?.toolExecutionNotifications).toEqual([
      { level: 'note', message: { text: 'Skipped: not included by the policy (`include`/`exclude`)' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'drafts/embargo.html', uriBaseId: '%SRCROOT%' } } }] },
      { level: 'error', message: { text: 'Cannot read `archive/old page.html`: broken symbolic link (ENOENT)' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'archive/old%20page.html', uriBaseId: '%SRCROOT%' } } }] },
    ]);
  });

  it('reports a run that checked none of the pages it met, or was interrupted, as an unsuccessful execution: its empty results are no clean pass', () => {
    const skipped = sample.files.filter((file) => file.status === 'skipped');
    const nothing = sarifLog(withSummary(skipped)).runs[0];
    expect(nothing?.results).toEqual([]);
    expect(nothing?.invocations?.[0]?.executionSuccessful).toBe(false);
    expect(nothing?.invocations?.[0]?.toolExecutionNotifications?.[0]).toEqual({ level: 'error', message: { text: 'No page was checked: 1 skipped, 0 could not be read.' } });
    const interrupted = sarifLog({ ...sample, interrupted: true }).runs[0]?.invocations?.[0];
    expect(interrupted?.executionSuccessful).toBe(false);
    expect(interrupted?.toolExecutionNotifications?.[0]).toEqual({ level: 'error', message: { text: `The audit was interrupted after ${sample.files.length} pages: the pages it had yet to check are in no result.` } });
    // A run with nothing to check (a pull request that changes no page) did all it had to.
    expect(sarifLog(withSummary([])).runs[0]?.invocations?.[0]?.executionSuccessful).toBe(true);
  });

  it('percent-encodes paths into URIs relative to %SRCROOT%, anchored at the result\'s root', () => {
    expect(resultsFor(sarifLog(sample), AWKWARD)[0]?.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe('notes/50%25%2C%20part%3A%20two%20%231.md');
    const anchored = JSON.parse(formatSarif({ ...sample, root: '/srv/site' }, OPTIONS)) as Log;
    expect(anchored.runs[0]?.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///srv/site/' } });
  });

  it('anchors %SRCROOT% at the policy\'s folder, whatever folder the run started in', async () => {
    const fromBelow = await check({ cwd: join(FIXTURES, 'wire-unlicensed', 'world'), asOf: FIXTURE_DAY });
    const log = sarifLog(fromBelow);
    expect(log.runs[0]?.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: `${pathToFileURL(join(FIXTURES, 'wire-unlicensed')).href}/` } });
    expect(log.runs[0]?.results?.[0]?.locations?.[0]?.physicalLocation?.artifactLocation).toEqual({ uri: 'world/harbour-talks.html', uriBaseId: '%SRCROOT%' });
    // In GitHub Actions, relative to the checkout: code scanning reads a relative URI from there.
    const inActions = JSON.parse(formatSarif(fromBelow, { ...OPTIONS, workspace: join(FIXTURES, '..') })) as Log;
    expect(inActions.runs[0]?.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: `${pathToFileURL(join(FIXTURES, '..')).href}/` } });
    expect(inActions.runs[0]?.results?.[0]?.locations?.[0]?.physicalLocation?.artifactLocation).toEqual({ uri: 'fixtures/wire-unlicensed/world/harbour-talks.html', uriBaseId: '%SRCROOT%' });
  });

  it('gives findings of the suppression-comment rules a rule index too', async () => {
    const log = sarifLog(await check({ cwd: join(FIXTURES, 'suppressions'), asOf: FIXTURE_DAY }));
    const directive = (log.runs[0]?.results ?? []).filter((r) => r.ruleId === 'invalid-suppression' || r.ruleId === 'unused-suppression');
    expect(directive.length).toBeGreaterThan(0);
    for (const result of directive) expect(log.runs[0]?.tool.driver.rules?.[result.ruleIndex ?? -1]?.id).toBe(result.ruleId);
  });

  it('shows a finding accepted by a suppression comment as suppressed in source, with its reason', async () => {
    const log = sarifLog(await check({ cwd: join(FIXTURES, 'suppressions'), asOf: FIXTURE_DAY }));
    const accepted = (log.runs[0]?.results ?? []).filter((r) => r.suppressions);
    expect(accepted.map((r) => [r.locations?.[0]?.physicalLocation?.artifactLocation?.uri, r.suppressions?.[0]?.kind, r.suppressions?.[0]?.justification])).toContainEqual(
      ['news/next-line.html', 'inSource', 'licensed by email from AFP, 2025-06-02'],
    );
  });

  it('keeps partial fingerprints when lines are inserted above a finding', async () => {
    const folder = copyOfFixture('wire-unlicensed');
    try {
      const page = join(folder, 'world/harbour-talks.html');
      writeFileSync(page, readFileSync(page, 'utf8').replace('<body>\n', '<body>\n<p>One.</p>\n<p>Two.</p>\n<p>Three.</p>\n'));
      const before = sarifLog(await check({ cwd: join(FIXTURES, 'wire-unlicensed'), asOf: FIXTURE_DAY })).runs[0]?.results?.[0];
      const after = sarifLog(await check({ cwd: folder, asOf: FIXTURE_DAY })).runs[0]?.results?.[0];
      const startLine = (r: Result | undefined) => r?.locations?.[0]?.physicalLocation?.region?.startLine;
      expect([startLine(before), startLine(after)]).toEqual([13, 16]);
      expect(after?.partialFingerprints).toEqual(before?.partialFingerprints);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('matches the golden file', async () => {
    await expect(formatSarif(sample, OPTIONS)).toMatchFileSnapshot('./snapshots/report.sarif');
  });
});

describe('formatJunit', () => {
  const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testcase' }).parse(xml) as {
    testsuites: { tests: string; failures: string; errors: string; testsuite: { testcase: Record<string, unknown>[] } };
  };

  it('writes well-formed XML with one test case a file', () => {
    const xml = formatJunit(sample);
    expect(XMLValidator.validate(xml)).toBe(true);
    const { testsuites } = parse(xml);
    expect(testsuites.testsuite.testcase.map((c) => c.name)).toEqual(sample.files.map((file) => file.path));
    expect(testsuites).toMatchObject({ tests: String(sample.files.length), failures: '2', errors: '1' });
  });

  it('fails a page with errors, listing each finding with its position and rule', () => {
    const harbour = parse(formatJunit(sample)).testsuites.testsuite.testcase.find((c) => c.name === HARBOUR);
    expect(harbour?.failure).toEqual({
      message: '1 problem (1 error, 0 warnings)',
      type: 'rightslint',
      '#text': '13:21 error Agence France-Presse text content is not covered by any licence for `world/harbour-talks.html` [unlicensed-content]',
    });
  });

  it('passes a page with warnings only, and one whose findings are suppressed, listing them as output', () => {
    const cases = parse(formatJunit(sample)).testsuites.testsuite.testcase;
    const wire = cases.find((c) => c.name === 'overrides/news/wire.md');
    expect(wire?.failure).toBeUndefined();
    expect(wire?.['system-out']).toBe('9:1 warning Agence France-Presse text content is not covered by any licence for `news/wire.md` [unlicensed-content]');
    const syndicated = cases.find((c) => c.name === 'syndicated/harbour-talks.html');
    expect(syndicated?.failure).toBeUndefined();
    expect(syndicated?.['system-out']).toMatch(/^13:21 error .* \[unlicensed-content\] \(suppressed: Syndication contract SYN-2025-14\)$/);
  });

  it('reports unreadable files as errors and skipped files as skipped, with the reason', () => {
    const cases = parse(formatJunit(sample)).testsuites.testsuite.testcase;
    expect(cases.find((c) => c.name === 'archive/old page.html')?.error).toEqual({ message: 'Cannot read `archive/old page.html`: broken symbolic link (ENOENT)', type: 'rightslint' });
    expect(cases.find((c) => c.name === 'drafts/embargo.html')?.skipped).toEqual({ message: 'not included by the policy (`include`/`exclude`)' });
  });

  it('fails a file left unchecked that the policy says must be checked, as the run fails', () => {
    const [finding] = sample.files.find((file) => file.path === HARBOUR)?.findings ?? [];
    const unscannable: Finding = { ...(finding as Finding), ruleId: 'unscannable-file', severity: 'error', message: 'Cannot check `big.html`: it is larger than `maxFileSize`' };
    const xml = formatJunit(withSummary([{ path: 'big.html', status: 'skipped', reason: 'larger than maxFileSize', holders: [], findings: [unscannable] }]));
    const testcase = parse(xml).testsuites.testsuite.testcase.find((c) => c.name === 'big.html');
    expect(testcase?.failure).toMatchObject({ message: '1 problem (1 error, 0 warnings)' });
    expect(testcase?.skipped).toBeUndefined();
    expect(xml).toContain('failures="1"');
  });

  it('adds a case in error for a run that met pages and checked none, or was interrupted: its skipped cases are no suite that passed', () => {
    const skipped = sample.files.filter((file) => file.status === 'skipped');
    const xml = formatJunit(withSummary(skipped));
    const { testsuites } = parse(xml);
    expect(testsuites.testsuite.testcase[0]).toEqual({ classname: 'rightslint', name: '(the run)', error: { message: 'No page was checked: 1 skipped, 0 could not be read.', type: 'rightslint' } });
    expect(testsuites).toMatchObject({ tests: '2', errors: '1' });
    expect(parse(formatJunit({ ...sample, interrupted: true })).testsuites.testsuite.testcase[0]?.error).toMatchObject({ message: expect.stringMatching(/^The audit was interrupted after \d+ pages/) });
    // A run with nothing to check has nothing to report.
    expect(parse(formatJunit(withSummary([]))).testsuites).toMatchObject({ tests: '0', errors: '0' });
  });

  it('escapes markup, quotes and line breaks, and replaces characters XML 1.0 forbids', () => {
    const xml = formatJunit(sample);
    expect(xml).toContain('<testcase classname="rightslint" name="notes/50%, part: two #1.md">');
    expect(xml).toContain('<failure message="1 problem (1 error, 0 warnings)" type="rightslint">3:5 error Credit "A &amp; B" &lt;b&gt;50%&lt;/b&gt;: first, second\nnext line\uFFFD end&#13; [unlicensed-content]</failure>');
    expect(xml).not.toMatch(/\u0007/);
    const attribute = formatJunit(withSummary([{ path: 'a"b\n\t<c>&.md', status: 'skipped', reason: 'tab\there', holders: [], findings: [] }]));
    expect(XMLValidator.validate(attribute)).toBe(true);
    expect(attribute).toContain('name="a&quot;b&#10;&#9;&lt;c&gt;&amp;.md"');
    expect(attribute).toContain('message="tab&#9;here"');
  });

  it('matches the golden file', async () => {
    await expect(formatJunit(sample)).toMatchFileSnapshot('./snapshots/report.junit.xml');
  });
});

describe('formatGithub', () => {
  it('annotates each unsuppressed finding with its position and rule', () => {
    const lines = formatGithub(sample).split('\n');
    expect(lines).toContain('::error file=wire-unlicensed/world/harbour-talks.html,line=13,col=21,endLine=13,endColumn=57,title=unlicensed-content::Agence France-Presse text content is not covered by any licence for `world/harbour-talks.html`');
    expect(lines).toContain('::warning file=overrides/news/wire.md,line=9,col=1,endLine=9,endColumn=11,title=unlicensed-content::Agence France-Presse text content is not covered by any licence for `news/wire.md`');
    expect(lines.filter((line) => line.includes('syndicated/'))).toEqual([]);
  });

  it('escapes data and properties, and leaves out columns for a finding over several lines', () => {
    expect(formatGithub(sample).split('\n')).toContain(
      '::error file=notes/50%25%2C part%3A two #1.md,line=3,endLine=4,title=unlicensed-content::Credit "A & B" <b>50%25</b>: first, second%0Anext line\u0007 end%0D',
    );
  });

  it('gives paths relative to the workspace, where the policy stands in a folder below it', async () => {
    const result = await check({ cwd: join(FIXTURES, 'wire-unlicensed', 'world'), asOf: FIXTURE_DAY });
    expect(result.files.map((file) => file.path)).toEqual(['world/harbour-talks.html']);
    const [annotation] = formatGithub(result, { workspace: join(FIXTURES, '..') }).split('\n');
    expect(annotation).toMatch(/^::error file=fixtures\/wire-unlicensed\/world\/harbour-talks\.html,line=13,col=21,/);
    // Without a workspace (not in GitHub Actions), the result's own paths.
    expect(formatGithub(result).split('\n')[0]).toMatch(/^::error file=world\/harbour-talks\.html,/);
  });

  it('reports unreadable and skipped files, then a summary', () => {
    const lines = formatGithub(sample).trimEnd().split('\n');
    expect(lines).toContain('::error file=archive/old page.html::Cannot read `archive/old page.html`: broken symbolic link (ENOENT)');
    expect(lines).toContain('::notice file=drafts/embargo.html::Skipped: not included by the policy (`include`/`exclude`)');
    expect(lines.at(-1)).toBe('rightslint: 3 problems (2 errors, 1 warning) in 5 files checked, 1 skipped, 1 could not be read, 1 suppressed');
    expect(formatGithub(withSummary([]))).toBe('rightslint: no problems (0 files checked)\n');
  });

  it('annotates a file that could not be checked once: by its `unscannable-file` finding, or by its status where no finding says so', () => {
    const unreadable: FileResult = {
      path: 'archive/gone.html', status: 'error', reason: 'Cannot read `archive/gone.html`: broken symbolic link (ENOENT)', holders: [],
      findings: [fileFinding(unscannableFile, 'error', 'Cannot check this file: Cannot read `archive/gone.html`: broken symbolic link (ENOENT)', 'archive/gone.html')],
    };
    const tooLarge: FileResult = { path: 'big.html', status: 'skipped', reason: 'larger than the size limit', holders: [], findings: [fileFinding(unscannableFile, 'error', 'Cannot check this file: larger than the size limit', 'big.html')] };
    expect(formatGithub(withSummary([unreadable, tooLarge])).trimEnd().split('\n')).toEqual([
      '::error title=rightslint%3A the run is incomplete::No page was checked: 1 skipped, 1 could not be read.',
      '::error file=archive/gone.html,line=1,col=1,endLine=1,endColumn=1,title=unscannable-file::Cannot check this file: Cannot read `archive/gone.html`: broken symbolic link (ENOENT)',
      '::error file=big.html,line=1,col=1,endLine=1,endColumn=1,title=unscannable-file::Cannot check this file: larger than the size limit',
      'rightslint: 2 problems (2 errors, 0 warnings) in 0 files checked, 1 skipped, 1 could not be read',
    ]);
  });

  it('says first, in an error annotation, that a run met pages and checked none, or was interrupted: its few annotations are no pull request that passed', () => {
    const skipped = sample.files.filter((file) => file.status === 'skipped');
    expect(formatGithub(withSummary(skipped)).split('\n')[0]).toBe('::error title=rightslint%3A the run is incomplete::No page was checked: 1 skipped, 0 could not be read.');
    expect(formatGithub({ ...sample, interrupted: true }).split('\n')[0]).toMatch(/^::error title=rightslint%3A the run is incomplete::The audit was interrupted after \d+ pages: the pages it had yet to check are in no result\.$/);
    // A run with nothing to check, or that checked what it met, says nothing of the kind.
    expect(formatGithub(withSummary([]))).toBe('rightslint: no problems (0 files checked)\n');
    expect(formatGithub(sample)).not.toMatch(/incomplete/);
  });

  it('says first, where a step makes more annotations of a kind than the 10 GitHub shows, how many it made and where they all are', () => {
    const gone = Array.from({ length: 11 }, (_, i): FileResult => ({ path: `gone-${i}.html`, status: 'error', reason: 'broken symbolic link', holders: [], findings: [] }));
    const lines = formatGithub(withSummary([...gone, ...sample.files])).trimEnd().split('\n');
    expect(lines[0]).toBe(
      "::warning title=rightslint%3A more annotations than GitHub shows::GitHub shows the first 10 annotations of each kind a step makes (this one among the warnings), and this run made 14 error, 1 warning and 1 notice annotations: the step's log lists them all. "
        + 'rightslint: 3 problems (2 errors, 1 warning) in 5 files checked, 1 skipped, 12 could not be read, 1 suppressed',
    );
    expect(lines.filter((line) => line.startsWith('::error '))).toHaveLength(14);
    expect(formatGithub(withSummary([...gone.slice(0, 7), ...sample.files])).split('\n')[0]).not.toMatch(/^::warning title=rightslint%3A more/);
  });

  it('matches the golden file', async () => {
    await expect(formatGithub(sample)).toMatchFileSnapshot('./snapshots/report.github.txt');
  });
});

describe('the reports of a URL captured twice', () => {
  const files: FileResult[] = ['2025-06-20T08:00:00.000Z', '2025-07-20T08:00:00.000Z'].map((captured, i) => ({
    path: 'https://news.example/x.html', status: 'error', reason: `Cannot read the payload (${i})`, captured, archive: `crawl.warc#${i * 900}`, holders: [], findings: [],
  }));

  it('tell the captures apart in stylish, by their capture and record', () => {
    expect(formatStylish(withSummary(files), { color: false }).split('\n').filter((line) => line.startsWith('https://'))).toEqual([
      'https://news.example/x.html  (captured 2025-06-20T08:00:00.000Z, crawl.warc#0)',
      'https://news.example/x.html  (captured 2025-07-20T08:00:00.000Z, crawl.warc#900)',
    ]);
  });

  it('tell the captures apart in CSV, by their capture and record', () => {
    const lines = formatCsv(withSummary(files)).split('\r\n');
    expect(lines[0]?.endsWith(',captured,archive')).toBe(true);
    expect(lines.slice(1, 3).map((line) => line.split(',').slice(-2).join(','))).toEqual(['2025-06-20T08:00:00.000Z,crawl.warc#0', '2025-07-20T08:00:00.000Z,crawl.warc#900']);
  });
});

describe('formatCsv', () => {
  it('matches the golden file', async () => {
    await expect(formatCsv(sample, OPTIONS)).toMatchFileSnapshot('./snapshots/report.csv');
  });
});

describe('formatHtml', () => {
  it('matches the golden file', async () => {
    await expect(formatHtml(sample, OPTIONS)).toMatchFileSnapshot('./snapshots/report.html');
  });
});
