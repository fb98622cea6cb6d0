import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, check, type CheckResult, type FileResult } from '../src/index.js';
import { runCli } from './support/run-cli.js';
import { scratchFolder, scratchSite } from './support/scratch.js';
import { serveFolder, type SiteServer } from './support/site-server.js';
import { archive, http, record, response } from './support/warc-records.js';

const NEWSROOM = join(import.meta.dirname, '../examples/newsroom');
const BIN = join(import.meta.dirname, '../bin/rightslint.js');
const AS_OF = '2026-01-15';

/** The example's pages, as paths from its folder, each its own kind of page for the sitemap. */
function pagesOf(folder: string, extension: RegExp): string[] {
  return readdirSync(join(folder, 'content'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && extension.test(entry.name))
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}
const HTML_PAGES = pagesOf(NEWSROOM, /\.html$/);
const ALL_PAGES = pagesOf(NEWSROOM, /\.(html|md)$/);

/** What a page's check found, as a person compares two runs: no URL, no time of fetching, no archive record. */
function verdicts(file: FileResult) {
  const { path: _, captured: __, archive: ___, ...rest } = file;
  return rest;
}

describe('rightslint audit of a site served on 127.0.0.1', () => {
  let site: SiteServer;
  beforeAll(async () => {
    site = await serveFolder(NEWSROOM, { sitemap: ALL_PAGES });
  });
  afterAll(() => site.close());

  it('gives the findings check gives on the same HTML files, page by page', async () => {
    const checked = await check({ cwd: NEWSROOM, asOf: AS_OF, workers: 1 });
    const audited = await audit({ sources: [`${site.origin}/sitemap.xml`], cwd: NEWSROOM, asOf: AS_OF, state: join(scratchFolder('state'), 'state.jsonl') });
    expect(HTML_PAGES.length).toBeGreaterThan(5);
    for (const page of HTML_PAGES) {
      const fromCheck = checked.files.find((file) => file.path === page);
      const fromAudit = audited.files.find((file) => file.path === `${site.origin}/${page}`);
      expect(fromAudit && verdicts(fromAudit), page).toEqual(fromCheck && verdicts(fromCheck));
    }
    expect(audited.summary.errors).toBe(checked.files.filter((file) => HTML_PAGES.includes(file.path)).flatMap((file) => file.findings).filter((finding) => finding.severity === 'error' && !finding.suppression).length);
    // The Markdown files are served as text/markdown: met, and reported as not checked, with why.
    for (const page of ALL_PAGES.filter((path) => path.endsWith('.md'))) {
      expect(audited.files.find((file) => file.path === `${site.origin}/${page}`)).toMatchObject({ status: 'skipped', reason: expect.stringContaining('not HTML') });
    }
  });

  it('merges the results of its shards into the result of one audit', async () => {
    const folder = scratchFolder('shards');
    const sitemap = `${site.origin}/sitemap.xml`;
    const whole = await runCli(['audit', sitemap, '--as-of', AS_OF, '--no-follow', '--state', join(folder, 'whole.jsonl'), '-f', 'json', '-o', join(folder, 'whole.json')], NEWSROOM);
    expect(whole.code, whole.stderr).toBe(1);
    for (const shard of ['1/2', '2/2']) {
      const name = `shard-${shard[0]}`;
      await runCli(['audit', sitemap, '--as-of', AS_OF, '--no-follow', '--shard', shard, '--state', join(folder, `${name}.jsonl`), '-f', 'json', '-o', join(folder, `${name}.json`)], NEWSROOM);
    }
    const parts = ['shard-1', 'shard-2'].map((name) => JSON.parse(readFileSync(join(folder, `${name}.json`), 'utf8')) as CheckResult);
    expect(parts.every((part) => part.files.length > 0 && part.files.length < ALL_PAGES.length)).toBe(true);
    const merged = await runCli(['merge', join(folder, 'shard-1.json'), join(folder, 'shard-2.json'), '-f', 'json'], NEWSROOM);
    const one = JSON.parse(readFileSync(join(folder, 'whole.json'), 'utf8')) as CheckResult;
    const both = JSON.parse(merged.stdout) as CheckResult;
    expect(both.files.map(({ path }) => path)).toEqual(one.files.map(({ path }) => path));
    expect(both.files.map(verdicts)).toEqual(one.files.map(verdicts));
    expect(both.summary).toEqual(one.summary);
  });

  it('with --cache, asks again only whether each page changed, and answers from the cache', async () => {
    const folder = scratchFolder('cache');
    const args = ['audit', `${site.origin}/sitemap.xml`, '--as-of', AS_OF, '--cache-location', join(folder, 'cache'), '--state', join(folder, 'state.jsonl'), '-f', 'json'];
    const first = await runCli(args, NEWSROOM);
    const before = site.statuses.length;
    const second = await runCli(args, NEWSROOM);
    const answers = site.statuses.slice(before);
    // Every HTML page (and nothing else) was answered 304 Not Modified the second time.
    expect(answers.filter((status) => status === 304)).toHaveLength(HTML_PAGES.length);
    expect((JSON.parse(second.stdout) as CheckResult).files.map(verdicts)).toEqual((JSON.parse(first.stdout) as CheckResult).files.map(verdicts));
  });

  it('writes an html report that names each page by its URL and each finding', async () => {
    const folder = scratchFolder('report');
    const report = join(folder, 'audit.html');
    const run = await runCli(['audit', `${site.origin}/sitemap.xml`, '--as-of', AS_OF, '--state', join(folder, 'state.jsonl'), '-f', 'html', '-o', report, '-f', 'json'], NEWSROOM);
    const json = JSON.parse(run.stdout) as CheckResult;
    const html = readFileSync(report, 'utf8');
    for (const file of json.files) expect(html).toContain(`href="${file.path}"`);
    for (const finding of json.files.flatMap((file) => file.findings)) expect(html).toContain(finding.ruleId);
    // Self-contained: nothing is loaded from anywhere when the report is opened.
    expect(html).not.toMatch(/<(?:script|link|img)[^>]+(?:src|href)="https?:/);
    // No progress bar where standard error is not a terminal.
    expect(run.stderr).toBe('');
  });
});

describe('an audit stopped at --max-pages', () => {
  const calm = (title: string, links: string[]) => `<!doctype html><html><head><title>${title}</title></head><body><p>A calm page.</p>${links.map((link) => `<a href="${link}">${link}</a>`).join('')}</body></html>`;
  const folder = scratchSite('max-pages', {
    'rightslint.yaml': 'include: ["**/*.html"]\n',
    'index.html': calm('Home', ['/a.html', '/b.html', '/c.html']),
    'a.html': calm('A', []),
    'b.html': calm('B', []),
    'c.html': calm('C', []),
  });
  let site: SiteServer;
  beforeAll(async () => {
    site = await serveFolder(folder, { sitemap: [] });
  });
  afterAll(() => site.close());

  it('fails where pages were left unvisited, in its exit code and in SARIF, JUnit and GitHub annotations, and passes the site it covered whole', async () => {
    const state = (name: string) => join(scratchFolder('max-pages-state'), `${name}.jsonl`);
    const whole = await runCli(['audit', `${site.origin}/index.html`, '--state', state('whole'), '--max-pages', '9', '-f', 'json'], folder);
    expect({ code: whole.code, stderr: whole.stderr }).toEqual({ code: 0, stderr: '' });
    expect((JSON.parse(whole.stdout) as CheckResult).unvisited).toBeUndefined();
    const out = scratchFolder('max-pages-out');
    const part = await runCli(['audit', `${site.origin}/index.html`, '--state', state('part'), '--max-pages', '2', '-f', 'json', '-o', join(out, 'part.json'), '-f', 'sarif', '-o', join(out, 'part.sarif'), '-f', 'junit', '-o', join(out, 'part.xml'), '-f', 'github'], folder);
    expect(part.code).toBe(1);
    expect(part.stderr).toMatch(/stopped at --max-pages 2, with 2 pages found and not visited/);
    expect(part.stderr).toMatch(/did not cover the site .*it cannot pass/);
    const result = JSON.parse(readFileSync(join(out, 'part.json'), 'utf8')) as CheckResult;
    expect({ scanned: result.summary.scanned, errors: result.summary.errors, unvisited: result.unvisited }).toEqual({ scanned: 2, errors: 0, unvisited: 2 });
    const sarif = JSON.parse(readFileSync(join(out, 'part.sarif'), 'utf8')) as { runs: Array<{ invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: Array<{ message: { text: string } }> }> }> };
    expect(sarif.runs[0]?.invocations[0]).toMatchObject({ executionSuccessful: false, toolExecutionNotifications: [{ message: { text: expect.stringMatching(/^The audit stopped at --max-pages with 2 pages found and not visited/) } }] });
    expect(readFileSync(join(out, 'part.xml'), 'utf8')).toMatch(/<testcase classname="rightslint" name="\(the run\)">\s*<error message="The audit stopped at --max-pages/);
    expect(part.stdout).toMatch(/^::error title=rightslint%3A the run is incomplete::The audit stopped at --max-pages/m);
    // Merged, alone or with others, it still does not pass.
    const merged = await runCli(['merge', join(out, 'part.json'), '-f', 'json'], folder);
    expect(merged.code).toBe(1);
    expect((JSON.parse(merged.stdout) as CheckResult).unvisited).toBe(2);
  });
});

describe('an interrupted audit', () => {
  let site: SiteServer;
  /** What one audit, not interrupted, reports: the sitemap's pages and the pages they link to. */
  let whole: string[];
  beforeAll(async () => {
    // Slow pages, so that the audit is stopped half way.
    site = await serveFolder(NEWSROOM, { sitemap: HTML_PAGES, delayMs: 150 });
    const result = await audit({ sources: [`${site.origin}/sitemap.xml`], cwd: NEWSROOM, asOf: AS_OF, crawl: { concurrency: 4 }, state: join(scratchFolder('whole'), 'state.jsonl') });
    whole = result.files.map((file) => file.path);
  });
  afterAll(() => site.close());

  /** Runs the command line in a child process, sending `signal` once `pages` pages were served. */
  function auditStopped(args: string[], signal: NodeJS.Signals | undefined, pages: number): Promise<number | null> {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: NEWSROOM, stdio: 'ignore', env: { ...process.env, CI: '1' } });
    const served = () => site.requests.filter((path) => path.endsWith('.html')).length;
    const start = served();
    const watch = setInterval(() => {
      if (signal && served() - start >= pages) {
        clearInterval(watch);
        child.kill(signal);
      }
    }, 10);
    return new Promise((done) => child.on('exit', (code) => {
      clearInterval(watch);
      done(code);
    }));
  }

  for (const signal of ['SIGINT', 'SIGKILL'] as const) {
    it(`resumed after ${signal}, checks each page once and reports them all`, async () => {
      const folder = scratchFolder('resume');
      const state = join(folder, 'state.jsonl');
      const args = ['audit', `${site.origin}/sitemap.xml`, '--as-of', AS_OF, '--concurrency', '1', '--state', state, '-f', 'json', '-o', join(folder, 'report.json')];
      site.requests.length = 0;
      const first = await auditStopped(args, signal, 3);
      expect(signal === 'SIGINT' ? first : 'killed').toBe(signal === 'SIGINT' ? 130 : 'killed');
      expect(existsSync(state)).toBe(true);
      const recorded = readFileSync(state, 'utf8').split('\n').slice(1).filter(Boolean).map((line) => (JSON.parse(line) as { key: string }).key);
      expect(recorded.length).toBeGreaterThan(0);
      expect(recorded.length).toBeLessThan(whole.length);
      if (signal === 'SIGINT') {
        const partial = JSON.parse(readFileSync(join(folder, 'report.json'), 'utf8')) as CheckResult;
        expect(partial.interrupted).toBe(true);
        expect(partial.files.map((file) => file.path).sort()).toEqual([...recorded].sort());
      }
      const servedBefore = site.requests.length;
      expect(await auditStopped([...args, '--resume'], undefined, 0)).toBe(1);
      const fetchedAfter = site.requests.slice(servedBefore).map((path) => `${site.origin}${path}`);
      for (const url of recorded) expect(fetchedAfter, `${url} was fetched again`).not.toContain(url);
      const final = JSON.parse(readFileSync(join(folder, 'report.json'), 'utf8')) as CheckResult;
      expect(final.interrupted).toBeUndefined();
      expect(final.files.map((file) => file.path)).toEqual(whole);
      expect(whole).toEqual(expect.arrayContaining(HTML_PAGES.map((page) => `${site.origin}/${page}`)));
      // The audit is over: nothing is left to resume.
      expect(existsSync(state)).toBe(false);
    });
  }
});

describe('rightslint audit --warc', () => {
  const SITE = 'https://harbourcourier.example';
  /**
   * The example's pages as a crawler would have archived them, over four files (two gzipped),
   * captured on `day`, with an image among them.
   */
  function archives(day: string): string[] {
    const folder = scratchFolder('warcs');
    const records = HTML_PAGES.map((page, i) => response(`${SITE}/${page}`, `${day}T08:00:${String(i).padStart(2, '0')}Z`, http('200 OK', { 'Content-Type': 'text/html; charset=utf-8' }, readFileSync(join(NEWSROOM, page)))));
    records.push(response(`${SITE}/logo.png`, `${day}T09:00:00Z`, http('200 OK', { 'Content-Type': 'image/png' }, 'PNG')));
    return [0, 1, 2, 3].map((n) => {
      const file = join(folder, `crawl-${n}.warc${n % 2 ? '.gz' : ''}`);
      writeFileSync(file, archive(records.filter((_, i) => i % 4 === n), n % 2 === 1).bytes);
      return file;
    });
  }

  it('gives the findings check gives on the same pages, and dates an undated page by its capture', async () => {
    const checked = await check({ cwd: NEWSROOM, asOf: AS_OF, workers: 1 });
    // Captured on the day check judges by: an undated page is judged as of the same day.
    const audited = await audit({ sources: archives(AS_OF), warc: true, cwd: NEWSROOM, asOf: AS_OF, state: join(scratchFolder('state'), 'state.jsonl') });
    for (const page of HTML_PAGES) {
      const fromCheck = checked.files.find((file) => file.path === page) as FileResult;
      const fromAudit = audited.files.find((file) => file.path === `${SITE}/${page}`) as FileResult;
      const { publishedFrom, ...rest } = verdicts(fromAudit);
      const { publishedFrom: checkedFrom, ...expected } = verdicts(fromCheck);
      expect(rest, page).toEqual(expected);
      expect(publishedFrom, page).toBe(checkedFrom === 'as-of' ? 'captured' : checkedFrom);
      expect(fromAudit.captured?.slice(0, 10)).toBe(AS_OF);
    }
    expect(audited.files.find((file) => file.path === `${SITE}/logo.png`)).toMatchObject({ status: 'skipped', reason: 'not HTML (image/png)' });
    // Captured in 2025: what has no date of its own is judged as of then, not as of the audit's day.
    // AFP's World wire is licensed for 2025: the undated dispatch is covered as of its capture.
    const dispatch = '<!doctype html><title>Heat plan</title><article><p>PARIS (AFP) - The city opens its cool rooms today.</p><p>Copyright Agence France-Presse</p></article>';
    const undated = join(scratchFolder('undated'), 'undated.warc');
    writeFileSync(undated, archive([response(`${SITE}/content/world/heat.html`, '2025-06-20T08:00:00Z', http('200 OK', { 'Content-Type': 'text/html' }, dispatch))], false).bytes);
    const earlier = await audit({ sources: [undated], warc: true, cwd: NEWSROOM, asOf: AS_OF, state: join(scratchFolder('state'), 'state.jsonl') });
    expect(earlier.files).toMatchObject([{ path: `${SITE}/content/world/heat.html`, status: 'scanned', published: '2025-06-20', publishedFrom: 'captured', holders: [{ holder: 'afp' }], findings: [] }]);
  });

  it('merges its shards (by archive) into the result of one audit', async () => {
    const files = archives(AS_OF);
    const folder = scratchFolder('warc-shards');
    const run = (extra: string[], name: string) => runCli(['audit', '--warc', ...files, '--as-of', AS_OF, '--state', join(folder, `${name}.jsonl`), ...extra, '-f', 'json', '-o', join(folder, `${name}.json`)], NEWSROOM);
    await run([], 'whole');
    await run(['--shard', '1/2'], 'shard-1');
    await run(['--shard', '2/2'], 'shard-2');
    const merged = await runCli(['merge', join(folder, 'shard-1.json'), join(folder, 'shard-2.json'), '-f', 'json'], NEWSROOM);
    const whole = readFileSync(join(folder, 'whole.json'), 'utf8');
    expect(JSON.parse(merged.stdout)).toEqual(JSON.parse(whole));
  });

  it('resumed after a stop, reads each record once', async () => {
    const files = archives(AS_OF);
    const state = join(scratchFolder('warc-resume'), 'state.jsonl');
    const stop = new AbortController();
    const seen: string[] = [];
    const first = await audit({
      sources: files, warc: true, cwd: NEWSROOM, asOf: AS_OF, state, signal: stop.signal,
      onPage: (file) => {
        seen.push(`${file.path} ${file.captured}`);
        if (seen.length === 4) stop.abort();
      },
    });
    expect(first.interrupted).toBe(true);
    expect(first.files).toHaveLength(4);
    const second = await audit({ sources: files, warc: true, cwd: NEWSROOM, state, resume: true, onPage: (file) => seen.push(`${file.path} ${file.captured}`) });
    expect(second.interrupted).toBeUndefined();
    expect(second.summary.asOf).toBe(AS_OF);
    expect(seen).toHaveLength(HTML_PAGES.length + 1);
    expect(new Set(seen).size).toBe(seen.length);
    expect(second.files.map((file) => `${file.path} ${file.captured}`).sort()).toEqual([...seen].sort());
  });
});

describe('an audit fails closed', () => {
  const SITE = 'https://harbourcourier.example';
  const dispatch = (notice: string) => `<!doctype html><title>Heat plan</title><article><p>PARIS (AFP) - The city opens its cool rooms today.</p><p>${notice}</p></article>`;
  const warc = (name: string, records: Buffer[], isGzip = false) => {
    const file = join(scratchFolder('closed'), name);
    writeFileSync(file, archive(records, isGzip).bytes);
    return file;
  };

  it('checks a revisit with the payload of the capture it repeats, in any archive read, and fails one whose capture is in none', async () => {
    const page = `${SITE}/content/world/heat.html`;
    const revisit = (date: string, headers: Record<string, string>, uri = page) => record({ 'WARC-Type': 'revisit', 'WARC-Target-URI': uri, 'WARC-Date': date, 'WARC-Profile': 'http://netpreserve.org/warc/1.1/revisit/identical-payload-digest', 'Content-Type': 'application/http; msgtype=response', ...headers }, http('200 OK', { 'Content-Type': 'text/html' }));
    const capture = record({ 'WARC-Type': 'response', 'WARC-Record-ID': '<urn:uuid:00000000-0000-4000-8000-0000000000aa>', 'WARC-Target-URI': page, 'WARC-Date': '2025-06-20T08:00:00Z', 'WARC-Payload-Digest': 'sha1:HEATPLAN', 'Content-Type': 'application/http; msgtype=response' }, http('200 OK', { 'Content-Type': 'text/html' }, dispatch('Nothing else')));
    // The revisits come first, in another archive: each is checked once the capture is read.
    const later = warc('later.warc', [
      revisit('2025-07-01T08:00:00Z', { 'WARC-Refers-To': '<urn:uuid:00000000-0000-4000-8000-0000000000aa>' }),
      revisit('2025-07-02T08:00:00Z', { 'WARC-Payload-Digest': 'sha1:HEATPLAN' }),
      revisit('2025-07-03T08:00:00Z', { 'WARC-Refers-To-Target-URI': `${SITE}/content/world/gone.html`, 'WARC-Refers-To-Date': '2025-05-01T08:00:00Z' }, `${SITE}/content/world/gone.html`),
    ]);
    const first = warc('first.warc', [capture]);
    const folder = scratchFolder('revisits');
    const run = await runCli(['audit', '--warc', later, first, '--as-of', AS_OF, '--state', join(folder, 'state.jsonl'), '-f', 'json'], NEWSROOM);
    expect(run.code).toBe(1);
    const files = (JSON.parse(run.stdout) as CheckResult).files;
    const seen = files.map((file) => [file.path, file.captured, file.status, file.reason ?? '', file.findings.map((finding) => finding.ruleId)]);
    const findings = files.find((file) => file.captured === '2025-06-20T08:00:00.000Z')?.findings.map((finding) => finding.ruleId);
    expect(findings?.length).toBeGreaterThan(0);
    expect(seen).toEqual([
      [`${SITE}/content/world/gone.html`, '2025-07-03T08:00:00.000Z', 'error', 'Cannot check this revisit of the capture of `https://harbourcourier.example/content/world/gone.html` at 2025-05-01T08:00:00.000Z: it holds no payload of its own, and none of the archives read holds that capture (audit them together)', ['unscannable-file']],
      [page, '2025-06-20T08:00:00.000Z', 'scanned', '', findings],
      [page, '2025-07-01T08:00:00.000Z', 'scanned', '', findings],
      [page, '2025-07-02T08:00:00.000Z', 'scanned', '', findings],
    ]);
  });

  it('checks a response answered 304 Not Modified with another capture of its URL, before or after it, and fails one whose URL no archive read holds a page of', async () => {
    const page = (name: string) => `${SITE}/content/world/${name}.html`;
    const notModified = (name: string, date: string) => record({ 'WARC-Type': 'response', 'WARC-Record-ID': `<urn:uuid:${name}-${date}>`, 'WARC-Target-URI': page(name), 'WARC-Date': date, 'Content-Type': 'application/http; msgtype=response' }, http('304 Not Modified', { ETag: '"v1"' }));
    // A revisit of a 304 stands for what that one stands for.
    const revisitOf = (name: string, date: string, of: string) => record({ 'WARC-Type': 'revisit', 'WARC-Target-URI': page(name), 'WARC-Date': date, 'WARC-Refers-To': `<urn:uuid:${name}-${of}>`, 'Content-Type': 'application/http; msgtype=response' }, http('304 Not Modified', {}));
    const ok = (name: string, date: string) => response(page(name), date, http('200 OK', { 'Content-Type': 'text/html' }, dispatch('Nothing else')));
    const file = warc('not-modified.warc', [
      ok('heat', '2025-06-20T08:00:00Z'),
      notModified('heat', '2025-07-01T08:00:00Z'),
      revisitOf('heat', '2025-07-10T08:00:00Z', '2025-07-01T08:00:00Z'),
      // Its capture comes later in the archive.
      notModified('later', '2025-07-01T08:00:00Z'),
      ok('later', '2025-07-05T08:00:00Z'),
      // Captured only as not modified, and answered 404 once: no page of it is in the archive.
      notModified('unseen', '2025-07-01T08:00:00Z'),
      response(page('unseen'), '2025-07-02T08:00:00Z', http('404 Not Found', { 'Content-Type': 'text/html' }, '<p>Gone</p>')),
      revisitOf('unseen', '2025-07-10T08:00:00Z', '2025-07-01T08:00:00Z'),
    ]);
    const run = await runCli(['audit', '--warc', file, '--as-of', AS_OF, '--state', join(scratchFolder('not-modified'), 'state.jsonl'), '-f', 'json'], NEWSROOM);
    expect(run.code).toBe(1);
    const files = (JSON.parse(run.stdout) as CheckResult).files;
    const seen = files.map((entry) => [entry.path.slice(SITE.length), (entry.captured ?? '').slice(0, 10), entry.status, entry.reason ?? '', entry.findings.length > 0]);
    expect(seen).toEqual([
      ['/content/world/heat.html', '2025-06-20', 'scanned', '', true],
      ['/content/world/heat.html', '2025-07-01', 'scanned', '', true],
      ['/content/world/heat.html', '2025-07-10', 'scanned', '', true],
      ['/content/world/later.html', '2025-07-01', 'scanned', '', true],
      ['/content/world/later.html', '2025-07-05', 'scanned', '', true],
      ['/content/world/unseen.html', '2025-07-01', 'error', 'Cannot check this revisit of another capture of `https://harbourcourier.example/content/world/unseen.html` (it was answered HTTP 304 Not Modified): it holds no payload of its own, and none of the archives read holds that capture (audit them together)', true],
      ['/content/world/unseen.html', '2025-07-02', 'skipped', 'HTTP status 404 (Not Found)', false],
      ['/content/world/unseen.html', '2025-07-10', 'error', 'Cannot check this revisit of another capture of `https://harbourcourier.example/content/world/unseen.html` (it was answered HTTP 304 Not Modified): it holds no payload of its own, and none of the archives read holds that capture (audit them together)', true],
    ]);
    expect(files.filter((entry) => entry.status === 'error').map((entry) => entry.findings.map((finding) => finding.ruleId))).toEqual([['unscannable-file'], ['unscannable-file']]);
  });

  it('reports an archive it cannot read, and a broken one after its good pages, and reads the others', async () => {
    const good = warc('good.warc', [response(`${SITE}/content/world/a.html`, '2025-06-20T08:00:00Z', http('200 OK', { 'Content-Type': 'text/html' }, dispatch('Copyright Agence France-Presse')))]);
    const whole = archive([0, 1].map((i) => response(`${SITE}/content/world/b${i}.html`, '2025-06-20T08:00:00Z', http('200 OK', { 'Content-Type': 'text/html' }, dispatch('Copyright Agence France-Presse')))), true).bytes;
    const cut = join(scratchFolder('closed'), 'cut.warc.gz');
    writeFileSync(cut, whole.subarray(0, whole.length - 12));
    const folder = scratchFolder('closed-run');
    const run = await runCli(['audit', '--warc', join(folder, 'missing.warc'), cut, good, '--as-of', AS_OF, '--state', join(folder, 'state.jsonl'), '-f', 'json'], NEWSROOM);
    const result = JSON.parse(run.stdout) as CheckResult;
    expect(run.code).toBe(1);
    const byStatus = (status: string) => result.files.filter((file) => file.status === status).map((file) => file.path);
    expect(byStatus('scanned').sort()).toEqual([`${SITE}/content/world/a.html`, `${SITE}/content/world/b0.html`]);
    expect(result.files.filter((file) => file.status === 'error')).toHaveLength(2);
    expect(result.files.filter((file) => file.status === 'error').every((file) => file.findings.some((finding) => finding.ruleId === 'unscannable-file'))).toBe(true);
  });

  it('fails a capture cut short, whose part held no agency content: the rest of the page was never checked', async () => {
    const page = `<!doctype html><title>Heat plan</title><article><p>The city opens its cool rooms today.</p>${'<p>More on the plan.</p>'.repeat(40)}<p>PARIS (AFP) - Copyright Agence France-Presse</p></article>`;
    const clean = '<!doctype html><title>Tides</title><article><p>The harbour opens at six.</p></article>';
    const cut = record({ 'WARC-Type': 'response', 'WARC-Target-URI': `${SITE}/content/world/heat.html`, 'WARC-Date': '2025-06-20T08:00:00Z', 'WARC-Truncated': 'length', 'Content-Type': 'application/http; msgtype=response' }, http('200 OK', { 'Content-Type': 'text/html' }, page.slice(0, 300)));
    const whole = response(`${SITE}/content/world/tides.html`, '2025-06-20T08:00:01Z', http('200 OK', { 'Content-Type': 'text/html' }, clean));
    const folder = scratchFolder('cut-short');
    const run = await runCli(['audit', '--warc', warc('cut-short.warc', [cut, whole]), '--as-of', AS_OF, '--state', join(folder, 'state.jsonl'), '-f', 'json'], NEWSROOM);
    expect(run.code).toBe(1);
    const heat = (JSON.parse(run.stdout) as CheckResult).files.find((file) => file.path === `${SITE}/content/world/heat.html`);
    expect(heat).toMatchObject({ status: 'error', reason: expect.stringContaining('the crawler cut it short (`WARC-Truncated: length`)'), findings: [{ ruleId: 'unscannable-file', severity: 'error' }] });
  });

  it('fails a start URL it could not audit, and an audit that checked no page', async () => {
    const site = await serveFolder(NEWSROOM, { sitemap: [] });
    try {
      const folder = scratchFolder('start');
      const run = await runCli(['audit', `${site.origin}/rightslint.yaml`, '--state', join(folder, 'state.jsonl'), '-f', 'json'], NEWSROOM);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/no page was checked/);
      expect((JSON.parse(run.stdout) as CheckResult).files).toMatchObject([{ status: 'error', reason: 'a start URL, not audited: not HTML (text/yaml)' }]);
    } finally {
      await site.close();
    }
  });

  it('judges each capture of a page by its own day, with --cache too', async () => {
    const page = http('200 OK', { 'Content-Type': 'text/html' }, dispatch('Copyright Agence France-Presse'));
    const file = warc('twice.warc', [response(`${SITE}/content/world/heat.html`, '2025-06-20T08:00:00Z', page), response(`${SITE}/content/world/heat.html`, '2027-06-20T08:00:00Z', page)]);
    const cache = join(scratchFolder('capture-cache'), 'cache');
    for (const round of [1, 2]) {
      const result = await audit({ sources: [file], warc: true, cwd: NEWSROOM, asOf: AS_OF, cacheLocation: cache, state: join(scratchFolder('state'), `state-${round}.jsonl`) });
      // AFP's World wire is licensed for 2025 only.
      expect(result.files.map((entry) => [entry.published, entry.findings.map((finding) => finding.ruleId)])).toEqual([['2025-06-20', []], ['2027-06-20', ['license-expired']]]);
    }
  });

  it('keeps the state of an interrupted audit: a new audit does not overwrite it, and a line cut short by a kill is cut off', async () => {
    const file = warc('one.warc', [response(`${SITE}/content/world/a.html`, '2025-06-20T08:00:00Z', http('200 OK', { 'Content-Type': 'text/html' }, dispatch('')))]);
    const folder = scratchFolder('state-kept');
    const state = join(folder, 'state.jsonl');
    writeFileSync(state, `${JSON.stringify({ format: 'rightslint-audit-state', version: 1, sources: [file], isWarc: true, shard: null, asOf: AS_OF, policy: 'rightslint.yaml' })}\n{"key":"cut sho`);
    const fresh = await runCli(['audit', '--warc', file, '--state', state], NEWSROOM);
    expect(fresh.code).toBe(2);
    expect(fresh.stderr).toMatch(/holds the state of an interrupted one; go on with --resume/);
    const resumed = await runCli(['audit', '--warc', file, '--state', state, '--resume', '-f', 'json'], NEWSROOM);
    expect((JSON.parse(resumed.stdout) as CheckResult).files).toHaveLength(1);
    expect(existsSync(state)).toBe(false);
  });

  it('tries a page that failed again on resume, and reports it once, as read', async () => {
    let down = true;
    const server = createServer((request, response) => {
      if (request.url === '/robots.txt') return void response.writeHead(404).end();
      if (request.url === '/flaky.html' && down) return void response.writeHead(500).end();
      const body = request.url === '/' ? '<a href="/flaky.html">flaky</a> <a href="/calm.html">calm</a>' : '<p>PARIS (AFP) - x</p>';
      response.writeHead(200, { 'content-type': 'text/html' }).end(body);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const state = join(scratchFolder('flaky'), 'state.jsonl');
      const options = { sources: [`${origin}/`], cwd: NEWSROOM, asOf: AS_OF, state, crawl: { retries: 0, concurrency: 1 } };
      const stop = new AbortController();
      const first = await audit({ ...options, signal: stop.signal, onPage: (file) => (file.status === 'error' ? stop.abort() : undefined) });
      expect(first.files.find((file) => file.path === `${origin}/flaky.html`)).toMatchObject({ status: 'error' });
      down = false;
      const second = await audit({ ...options, resume: true });
      expect(second.files.filter((file) => file.path === `${origin}/flaky.html`)).toMatchObject([{ status: 'scanned' }]);
      expect(second.files.map((file) => file.path)).toEqual([`${origin}/`, `${origin}/calm.html`, `${origin}/flaky.html`]);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('merges shards only when all of them are there', async () => {
    const folder = scratchFolder('merge-shards');
    const shard = (name: string, value: string) => writeFileSync(join(folder, name), JSON.stringify({ version: 1, files: [], shard: value, summary: { files: 0, scanned: 0, skipped: 0, errored: 0, errors: 0, warnings: 0, suppressed: 0, asOf: AS_OF, policy: null } }));
    shard('a.json', '1/3');
    shard('b.json', '3/3');
    const run = await runCli(['merge', 'a.json', 'b.json'], folder);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/shard 2\/3 is missing/);
  });

  it('shows no control character of a page or an archive on a terminal', async () => {
    const file = warc('escape.warc', [response(`${SITE}/content/sport/\u001b[2Jx.html`, '2025-06-20T08:00:00Z', http('200 OK', { 'Content-Type': 'text/html' }, dispatch('')))]);
    const run = await runCli(['audit', '--warc', file, '--as-of', AS_OF, '--state', join(scratchFolder('escape'), 'state.jsonl')], NEWSROOM);
    expect(run.stdout).toContain('content/sport/');
    expect(run.stdout).not.toContain('\u001b');
  });
});

describe('audit usage', () => {
  it('refuses what it cannot audit, with exit 2 and the reason', async () => {
    const folder = scratchFolder('usage');
    const cases: Array<[string[], RegExp]> = [
      [['audit'], /name a URL or a sitemap/],
      [['audit', 'content/'], /not a URL.*rightslint check/],
      [['audit', 'ftp://example.com/'], /only http and https/],
      [['audit', '--warc'], /name the web archives/],
      [['audit', '--warc', 'a.warc', '--scope', '*'], /Cannot use --scope with --warc/],
      [['audit', 'http://127.0.0.1:9/', '--resume', '--state', join(folder, 'none.jsonl')], /cannot read its state file/],
      [['audit', 'http://127.0.0.1:9/', '--resume', '--state', join(folder, 'other.jsonl')], /it was of `http:\/\/127.0.0.1:8\/`, and this one is of `http:\/\/127.0.0.1:9\/`/],
      [['audit', 'http://127.0.0.1:8/', '--resume', '--as-of', '2026-02-01', '--state', join(folder, 'other.jsonl')], /begun as of 2026-01-15/],
    ];
    writeFileSync(join(folder, 'other.jsonl'), `${JSON.stringify({ format: 'rightslint-audit-state', version: 1, sources: ['http://127.0.0.1:8/'], isWarc: false, shard: null, asOf: AS_OF, policy: 'rightslint.yaml' })}\n`);
    for (const [args, message] of cases) {
      const run = await runCli(args, NEWSROOM);
      expect({ args, code: run.code }).toEqual({ args, code: 2 });
      expect(run.stderr).toMatch(message);
    }
  });
});
