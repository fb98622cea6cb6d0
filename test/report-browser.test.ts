import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '../src/workspace/result.js';
import { runCli } from './support/run-cli.js';
import { scratchFolder } from './support/scratch.js';
import { serveFolder, type SiteServer } from './support/site-server.js';

// Debian's and Ubuntu's Chromium (`apt-get install chromium`), or the one CHROMIUM_PATH names.
// playwright-core brings no browser of its own, and its own download is not fetched here.
const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
const executablePath = CANDIDATES.find((path): path is string => path !== undefined && path !== '' && existsSync(path));
if (!executablePath) {
  console.warn('report-browser.test.ts: skipped, no Chromium found (apt-get install chromium, or set CHROMIUM_PATH)');
}

const NEWSROOM = join(import.meta.dirname, '../examples/newsroom');
const AS_OF = '2026-01-15';
/** Where the screenshot is kept for a person to look at (git-ignored). */
const ARTIFACTS = join(import.meta.dirname, '../test-artifacts');

/** A report opened in headless Chromium, with what the page logged or asked the network for. */
async function openReport(report: string): Promise<{ browser: Browser; page: Page; problems: string[] }> {
  const problems: string[] = [];
  // Playwright talks to the browser over a pipe: no port is opened, and the page is a file.
  // The flags keep Chromium from its own background connections, which a closed network refuses.
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    if (!request.url().startsWith('file:')) problems.push(`request: ${request.url()}`);
  });
  await page.goto(pathToFileURL(report).href);
  return { browser, page, problems };
}

/** The counts the report's summary shows, as the JSON summary names them. */
async function shownCounts(page: Page): Promise<Record<string, number>> {
  const shown = async (name: string) => Number(await page.locator(`[data-count="${name}"]`).textContent());
  const names = ['scanned', 'skipped', 'errored', 'errors', 'warnings', 'suppressed'] as const;
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await shown(name)] as const)));
}

describe.skipIf(!executablePath)('the html report in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  let json: CheckResult;
  let problems: string[];

  beforeAll(async () => {
    const folder = scratchFolder('browser');
    const report = join(folder, 'report.html');
    const run = await runCli(['check', '--as-of', AS_OF, '-f', 'html', '-o', report, '-f', 'json'], NEWSROOM);
    json = JSON.parse(run.stdout) as CheckResult;
    expect(readFileSync(report, 'utf8')).toContain('Rights report');
    ({ browser, page, problems } = await openReport(report));
  });

  afterAll(async () => {
    await browser?.close();
  });

  const visibleRows = (table: string) => page.locator(`#${table} tbody tr:visible`);
  const findings = () => json.files.flatMap((file) => file.findings.map((finding) => ({ path: file.path, ...finding })));

  it('shows the counts of the JSON summary', async () => {
    const { scanned, skipped, errored, errors, warnings, suppressed } = json.summary;
    expect(await shownCounts(page)).toEqual({ scanned, skipped, errored, errors, warnings, suppressed });
    expect(Number(await page.locator('[data-count="holders"]').textContent())).toBe(new Set(json.files.flatMap((file) => file.holders.map((holder) => holder.holder))).size);
    expect(await page.locator('.chart svg').count()).toBe(5);
  });

  it('filters findings by severity and by text, and counts what it shows', async () => {
    const form = page.locator('form[data-filters="findings"]');
    await expect.poll(() => visibleRows('findings').count()).toBe(findings().length);
    await form.locator('select[name="severity"]').selectOption('warning');
    expect(await visibleRows('findings').count()).toBe(findings().filter((finding) => finding.severity === 'warning').length);
    await form.locator('select[name="severity"]').selectOption('');
    await form.locator('input[name="q"]').fill('hamburg');
    const hamburg = findings().filter((finding) => finding.path.includes('hamburg') || finding.message.toLowerCase().includes('hamburg'));
    expect(hamburg.length).toBeGreaterThan(0);
    expect(await visibleRows('findings').count()).toBe(hamburg.length);
    expect(await form.locator('output').textContent()).toBe(`${hamburg.length} of ${findings().length} shown`);
    await form.locator('input[name="q"]').fill('');
    expect(await visibleRows('findings').count()).toBe(findings().length);
  });

  it('sorts findings by line, up then down, and pages by path', async () => {
    const lines = async () => (await page.locator('#findings tbody tr td:nth-child(2)').allTextContents()).map((text) => text.split(':').map(Number) as [number, number]);
    const byPlace = (a: [number, number], b: [number, number]) => a[0] - b[0] || a[1] - b[1];
    await page.locator('#findings thead th', { hasText: 'Line' }).locator('button').click();
    expect(await lines()).toEqual([...await lines()].sort(byPlace));
    await page.locator('#findings thead th', { hasText: 'Line' }).locator('button').click();
    expect(await lines()).toEqual([...await lines()].sort(byPlace).reverse());
    expect(await page.locator('#findings thead th', { hasText: 'Line' }).getAttribute('aria-sort')).toBe('descending');
    await page.locator('#pages thead th', { hasText: 'Page' }).locator('button').click();
    const paths = await page.locator('#pages tbody tr td:first-child').allTextContents();
    expect(paths).toEqual([...paths].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
  });

  it('loads nothing from the network and logs no error, and leaves a screenshot to look at', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.locator('#findings thead th', { hasText: 'Severity' }).locator('button').click();
    await page.screenshot({ path: join(ARTIFACTS, 'report.png'), fullPage: true });
    expect(existsSync(join(ARTIFACTS, 'report.png'))).toBe(true);
    expect(problems).toEqual([]);
  });
});

describe.skipIf(!executablePath)('the html report of an audit in headless Chromium', () => {
  let site: SiteServer;
  let browser: Browser | undefined;

  beforeAll(async () => {
    site = await serveFolder(NEWSROOM, { sitemap: ['content/world/2025/06/paris-heat-plan.html', 'content/sport/2025/06/atlantic-solo-lorient.html'] });
  });

  afterAll(async () => {
    await browser?.close();
    await site.close();
  });

  it('shows the JSON summary\'s counts, each page by its URL, evidence in its context, and leaves a screenshot', async () => {
    const folder = scratchFolder('audit-browser');
    const report = join(folder, 'audit.html');
    const run = await runCli(['audit', `${site.origin}/sitemap.xml`, '--as-of', AS_OF, '--state', join(folder, 'state.jsonl'), '-f', 'html', '-o', report, '-f', 'json'], NEWSROOM);
    const json = JSON.parse(run.stdout) as CheckResult;
    const opened = await openReport(report);
    browser = opened.browser;
    const { page, problems } = opened;
    const { scanned, skipped, errored, errors, warnings, suppressed } = json.summary;
    expect(await shownCounts(page)).toEqual({ scanned, skipped, errored, errors, warnings, suppressed });
    expect(json.files.length).toBeGreaterThan(1);
    for (const file of json.files) expect(await page.locator(`#pages a[href="${file.path}"]`).count(), file.path).toBe(1);
    // The audit kept the pages' text for the report: evidence is shown in its context.
    const [first] = json.files.flatMap((file) => file.findings);
    expect(first).toBeDefined();
    expect(await page.locator('mark').count()).toBeGreaterThan(0);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'audit-report.png'), fullPage: true });
    expect(problems).toEqual([]);
  });
});
