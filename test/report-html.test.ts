import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { check } from '../src/engine/check.js';
import { pageExcerpts } from '../src/report/excerpt.js';
import { escapeHtml } from '../src/report/html-escape.js';
import { formatHtml } from '../src/report/html.js';
import { docsUrl } from '../src/rules/meta.js';
import { summarise } from '../src/workspace/summary.js';
import type { CheckResult, FileResult } from '../src/workspace/result.js';
import { FIXTURE_DAY } from './support/fixture-day.js';
import { runCli } from './support/run-cli.js';
import { scratchFolder, scratchSite } from './support/scratch.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const DOCS = docsUrl('x').replace(/x\.md$/, '');
// Every element the report writes: one from a page would add a name, as `<` from a page is escaped.
const OWN_TAGS = new Set('a article body code dd div dl dt figcaption figure form g h1 h2 h3 h4 head header html input li main mark meta ol option output p pre q rect script section select small span style svg table tbody td text th thead title tr ul'.split(' '));

/** `check -f html -o report.html -f json` in `folder`: the report and the JSON result of the same run. */
async function reportOf(folder: string): Promise<{ html: string; json: CheckResult }> {
  const out = join(scratchFolder('html'), 'report.html');
  const run = await runCli(['check', '--as-of', FIXTURE_DAY, '-f', 'html', '-o', out, '-f', 'json'], folder);
  expect(run.stderr).toBe('');
  return { html: readFileSync(out, 'utf8'), json: JSON.parse(run.stdout) as CheckResult };
}

/** The report's elements as a browser's parser reads them (parse5, through rehype-parse). */
function elementsOf(html: string): Element[] {
  const elements: Element[] = [];
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type === 'element') {
        elements.push(child);
        walk(child);
        if (child.content) walk(child.content as unknown as Root);
      }
    }
  };
  walk(unified().use(rehypeParse).parse(html));
  return elements;
}

/** The names of the elements in the report. */
function tagNames(html: string): Set<string> {
  return new Set(elementsOf(html).map((element) => element.tagName.toLowerCase()));
}

/** Every address an element's attribute holds. */
function addressesOf(html: string): string[] {
  const names = ['href', 'src', 'action', 'data', 'formAction', 'xLinkHref', 'poster', 'srcSet'];
  return elementsOf(html).flatMap((element) => names.flatMap((name) => {
    const value = element.properties[name];
    return value === undefined || value === null ? [] : [String(value)];
  }));
}

/** The values of `data-count` in the report, by name. */
function counts(html: string): Record<string, number> {
  return Object.fromEntries([...html.matchAll(/data-count="([a-z]+)">(\d+)</g)].map(([, name, value]) => [name, Number(value)]));
}

describe('the html report', () => {
  it('loads nothing: no address but the rules\' documentation, no external style, font or image', async () => {
    const { html } = await reportOf(join(FIXTURES, 'wire-unlicensed'));
    expect(addressesOf(html).filter((address) => !address.startsWith('#'))).toEqual([`${DOCS}unlicensed-content.md`]);
    expect(html).not.toMatch(/<link\b|<img\b|<iframe\b|@import|url\(|@font-face/i);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[^']+'; script-src 'sha256-[^']+'/);
  });

  it.each(['wire-unlicensed', 'suppressions'])('shows the counts of the JSON summary of %s', async (fixture) => {
    const { html, json } = await reportOf(join(FIXTURES, fixture));
    const shown = counts(html);
    const { files, scanned, skipped, errored, errors, warnings, suppressed } = json.summary;
    expect(shown).toMatchObject({ scanned, skipped, errored, errors, warnings, suppressed });
    expect(html).toContain(`of ${files} file`);
    const holders = json.files.flatMap((file) => file.holders);
    expect(shown.holders).toBe(new Set(holders.map((holder) => holder.holder)).size);
    const statuses = ['unlicensed', 'expired', 'accepted', 'licensed', 'aside', 'own'].map((status) => shown[status] ?? NaN);
    expect(statuses.reduce((sum, n) => sum + n, 0)).toBe(holders.length);
  });

  it('lists every finding in the table and in detail, its evidence highlighted in the page\'s source', async () => {
    const { html, json } = await reportOf(join(FIXTURES, 'wire-unlicensed'));
    const findings = json.files.flatMap((file) => file.findings);
    expect(html.match(/<tr data-severity=/g)).toHaveLength(findings.length);
    expect(html.match(/<article class="finding /g)).toHaveLength(findings.length);
    // world/harbour-talks.html, line 13: the dateline at 13:21 within its paragraph.
    expect(html).toContain('<mark>Rotterdam, Netherlands, June 4 (AFP)</mark>');
    expect(html).toContain('aria-label="The page’s source from line 12"');
  });

  it('quotes the clause of the licence a finding names', async () => {
    const { html } = await reportOf(join(FIXTURES, 'wire-missing-attribution'));
    expect(html).toContain('Licence <code>afp-world-wire</code>');
    expect(html).toContain('<dt>paths</dt><dd>world/**</dd><dt>from</dt><dd>2025-01-01</dd><dt>until</dt><dd>2025-12-31</dd><dt>attribution</dt><dd>Copyright Agence France-Presse</dd>');
  });

  it('marks suppressed findings accepted, with their reason', async () => {
    const { html, json } = await reportOf(join(FIXTURES, 'suppressions'));
    const accepted = json.files.flatMap((file) => file.findings).filter((finding) => finding.suppression);
    expect(accepted.length).toBeGreaterThan(0);
    for (const finding of accepted) expect(html).toContain(`Accepted by a comment in the page: ${escapeHtml(finding.suppression?.justification ?? '')}`);
  });

  it('escapes a page\'s markup where it shows the page\'s source', async () => {
    const hostile = '<p>PARIS, June 3 (AFP) - Talks resumed.<script>alert("page")</script><img src=x onerror=alert(1)></p>';
    const site = scratchSite('hostile', { 'rightslint.yaml': '{}\n', 'world/talks.html': `<!doctype html><html><head><meta property="article:published_time" content="2025-06-03"></head><body><article>${hostile}</article></body></html>\n` });
    const { html } = await reportOf(site);
    expect(html).toContain('<mark>PARIS, June 3 (AFP)</mark> - Talks resumed.&lt;script&gt;alert(&quot;page&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html.match(/<script\b/gi)).toHaveLength(1);
    expect([...tagNames(html)].filter((name) => !OWN_TAGS.has(name))).toEqual([]);
  });

  it('escapes everything a result holds: paths, messages, evidence, reasons', () => {
    const attack = '"><script>alert(1)</script><a href="javascript:alert(2)">';
    const files: FileResult[] = [
      {
        path: `news/${attack}.html`,
        status: 'scanned',
        holders: [{ holder: attack, kinds: ['text'], evidence: [] }],
        findings: [{
          ruleId: 'unlicensed-content', severity: 'error', message: `content of ${attack}`, source: 'rightslint', url: 'javascript:alert(3)',
          holder: attack, line: 1, column: 1, endLine: 1, endColumn: 5, fingerprint: attack,
          evidence: [{ signal: attack, text: attack, line: 1, column: 1, endLine: 1, endColumn: 5, restrictions: [attack] }],
          suppression: { kind: 'external', justification: attack },
        }],
      },
      { path: attack, status: 'error', reason: attack, holders: [], findings: [] },
    ];
    const result: CheckResult = { version: 1, files, summary: summarise(files, FIXTURE_DAY, attack) };
    const html = formatHtml(result, { pageText: () => attack, holderNames: new Map([[attack, attack]]) });
    expect(html.match(/<script\b/gi)).toHaveLength(1);
    expect([...tagNames(html)].filter((name) => !OWN_TAGS.has(name))).toEqual([]);
    expect(addressesOf(html).filter((address) => !address.startsWith('#') && !address.startsWith(DOCS))).toEqual([]);
    expect(html).toContain(escapeHtml(attack));
  });

  it('shows evidence alone where the page\'s text is not at hand', async () => {
    const result = await check({ paths: [join(FIXTURES, 'wire-unlicensed')], asOf: FIXTURE_DAY });
    const html = formatHtml(result);
    expect(html).toContain('<code>afp/dateline</code> at 13:21: “Rotterdam, Netherlands, June 4 (AFP)”');
    expect(html).not.toContain('<mark>');
  });

  it('is written by merge from the shards\' JSON results, with the pages\' source where they are at hand', async () => {
    const folder = join(FIXTURES, 'wire-unlicensed');
    const out = scratchFolder('merge-html');
    const checked = await runCli(['check', '--as-of', FIXTURE_DAY, '-f', 'json', '-o', join(out, 'all.json')], folder);
    expect(checked.code).toBe(1);
    const merged = await runCli(['merge', '-f', 'html', '-o', join(out, 'report.html'), join(out, 'all.json')], folder);
    expect(merged).toMatchObject({ code: 1, stderr: '' });
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(counts(html)).toMatchObject({ scanned: 1, errors: 1 });
    expect(html).toContain('<mark>Rotterdam, Netherlands, June 4 (AFP)</mark>');
  });

  it('says on its first screen, before its counts, what it does not cover and why: an audit cut short, what the run noticed, and the pages not checked with their reasons', () => {
    const page = (path: string, status: FileResult['status'], reason?: string): FileResult => ({ path, status, ...(reason ? { reason } : {}), holders: [], findings: [] });
    const files = [
      page('https://news.example/', 'scanned'),
      page('https://news.example/down', 'error', 'HTTP 503 Service Unavailable (4 tries)'),
      ...Array.from({ length: 12 }, (_, i) => page(`https://news.example/photo-${String(i).padStart(2, '0')}.jpg`, 'skipped', 'not HTML (image/jpeg)')),
    ];
    const notice = 'The audit stopped at --max-pages 14, with 80 pages found and not visited: the site holds more than this report shows.';
    const result: CheckResult = { version: 1, files, summary: summarise(files, FIXTURE_DAY, null), notices: [notice], interrupted: true };
    const html = formatHtml(result);
    const coverage = html.slice(html.indexOf('<section id="coverage"'), html.indexOf('<section id="summary"'));
    expect(html.indexOf('<section id="coverage"')).toBeGreaterThan(html.indexOf('<main>'));
    expect(coverage).toContain('<li>The audit was interrupted: this report holds the 14 pages it had done, and none of those it had yet to visit.</li>');
    expect(coverage).toContain(`<li>${escapeHtml(notice)}</li>`);
    expect(coverage).toContain('<h3>1 page could not be read (each an error)</h3>\n<ul><li><code class="path">https://news.example/down</code>: HTTP 503 Service Unavailable (4 tries)</li></ul>');
    expect(coverage).toContain('<h3>12 pages skipped, each for its reason</h3>');
    expect(coverage.match(/: not HTML \(image\/jpeg\)<\/li>/g)).toHaveLength(10);
    expect(coverage).toContain('… and 2 more: the pages table lists them all.');
    expect([...tagNames(html)].filter((name) => !OWN_TAGS.has(name))).toEqual([]);
    // A run that checked every page it met, and noticed nothing, has nothing to say there.
    const whole: CheckResult = { version: 1, files: files.slice(0, 1), summary: summarise(files.slice(0, 1), FIXTURE_DAY, null) };
    expect(formatHtml(whole)).not.toContain('id="coverage"');
  });

  it('keeps what the shards noticed when merge makes the report', async () => {
    const out = scratchFolder('merge-notices');
    const shard = (index: number, notices: string[]): CheckResult => {
      const files: FileResult[] = [{ path: `https://news.example/${index}`, status: 'scanned', captured: '2026-01-15T10:00:00.000Z', holders: [], findings: [] }];
      return { version: 1, files, summary: summarise(files, FIXTURE_DAY, null), shard: `${index}/2`, judgedBy: 'same', notices };
    };
    const stopped = 'The audit stopped at --max-pages 1, with 9 pages found and not visited: the site holds more than this report shows.';
    writeFileSync(join(out, '1.json'), JSON.stringify(shard(1, [stopped])));
    writeFileSync(join(out, '2.json'), JSON.stringify(shard(2, [])));
    const merged = await runCli(['merge', '-f', 'html', '-o', join(out, 'report.html'), '-f', 'json', join(out, '1.json'), join(out, '2.json')], out);
    expect(merged.stderr).toBe(`rightslint: ${stopped}\n`);
    expect((JSON.parse(merged.stdout) as CheckResult).notices).toEqual([stopped]);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain(`<li>${escapeHtml(stopped)}</li>`);
  });

  it('reads without script: tables show every row and the filters wait for the script to show them', async () => {
    const { html } = await reportOf(join(FIXTURES, 'wire-unlicensed'));
    expect(html.match(/<form class="filters" data-filters="[a-z]+" hidden>/g)).toHaveLength(2);
    expect(html).not.toMatch(/<tr[^>]* hidden/);
  });
});

describe('pageExcerpts', () => {
  const text = 'line one\nsecond line with AFP in it\r\nthird\n';
  const excerptOf = pageExcerpts(text);

  it('splits the line before, the evidence and the rest of its line, lines counted at line feeds', () => {
    expect(excerptOf({ line: 2, column: 18, endLine: 2, endColumn: 21 })).toEqual({ line: 1, before: 'line one\nsecond line with ', match: 'AFP', after: ' in it' });
  });

  it('spans lines, and starts at the page\'s first line', () => {
    expect(excerptOf({ line: 1, column: 6, endLine: 2, endColumn: 7 })).toEqual({ line: 1, before: 'line ', match: 'one\nsecond', after: ' line with AFP in it' });
  });

  it('gives nothing for a place the text does not have (the page changed since)', () => {
    expect(excerptOf({ line: 9, column: 1, endLine: 9, endColumn: 2 })).toBeUndefined();
    expect(excerptOf({ line: 3, column: 40, endLine: 3, endColumn: 41 })).toBeUndefined();
  });

  it('cuts a long line to the evidence and some text either side', () => {
    const long = `${'a'.repeat(5000)}AFP${'b'.repeat(5000)}`;
    const cut = pageExcerpts(long)({ line: 1, column: 5001, endLine: 1, endColumn: 5004 });
    expect(cut?.match).toBe('AFP');
    expect(cut?.before).toBe(`…${'a'.repeat(120)}`);
    expect(cut?.after).toBe(`${'b'.repeat(120)}…`);
  });
});
