import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../src/engine/check.js';
import { readPage } from '../src/document/page.js';
import { FIXTURE_DAY } from './support/fixture-day.js';
import { scratchFolder } from './support/scratch.js';

const FIXTURE = join(import.meta.dirname, 'fixtures/teaser-rail');

/** The teaser-rail fixture with the policy given, in a scratch folder. */
async function checkWith(policy: string) {
  const folder = scratchFolder('asides');
  cpSync(FIXTURE, folder, { recursive: true });
  writeFileSync(join(folder, 'rightslint.yaml'), policy);
  const [file] = (await check({ cwd: folder, asOf: FIXTURE_DAY })).files;
  return file;
}

describe('agency content in page furniture', () => {
  it('is reported as an aside, a warning by default, and marked in the result', async () => {
    const file = await checkWith('include: ["*.html"]\n');
    expect(file?.findings.map((f) => [f.ruleId, f.holder, f.severity])).toEqual([
      ['unlicensed-content', 'ap', 'warning'],
      ['unlicensed-content', 'getty', 'warning'],
    ]);
    expect(file?.findings[0]?.message).toMatch(/only in page furniture/);
    expect(file?.holders.map((h) => [h.holder, h.aside])).toEqual([['ap', true], ['getty', true]]);
  });

  it('takes the severity the policy gives asides, and none where it turns them off', async () => {
    const strict = await checkWith('include: ["*.html"]\nasides: error\n');
    expect(strict?.findings.map((f) => f.severity)).toEqual(['error', 'error']);
    const quiet = await checkWith('include: ["*.html"]\nasides: off\n');
    expect(quiet?.findings).toEqual([]);
    expect(quiet?.holders.map((h) => h.holder)).toEqual(['ap', 'getty']);
  });
});

describe('where the story stands, found by markup and by text density', () => {
  it('keeps the story, its wrapper and its own gallery as content; links and another gallery are asides', async () => {
    const [file] = (await check({ cwd: join(import.meta.dirname, 'fixtures/page-furniture'), asOf: FIXTURE_DAY })).files;
    expect(file?.findings.map((f) => [f.holder, f.severity])).toEqual([
      ['ap', 'error'],
      ['afp', 'error'],
      ['reuters', 'warning'],
      ['epa', 'warning'],
    ]);
  });

  it('finds a table layout\'s story cell and its menu, and no furniture in a page of prose', async () => {
    const table = await readPage('old.html', [
      '<table><tr><td><a href="/">Home</a> | <a href="/a">News</a> | <a href="/b">Sport</a></td></tr>',
      `<tr><td><p>${'Rain fell on the valley for a week. '.repeat(8)}</p><p>${'The river rose. '.repeat(10)}</p><small>Reuters</small></td></tr>`,
      '<tr><td><small>Site map</small><h1>The Courier</h1></td></tr></table>',
    ].join(''));
    const place = (start: string) => {
      const region = table.regions.find((r) => r.text.startsWith(start));
      return [region?.isInStory === true, region?.isAside === true];
    };
    // The page's only h1 comes last: by its markup the story would start there.
    expect(place('Home')).toEqual([false, true]);
    expect(place('Rain fell')).toEqual([true, false]);
    expect(place('Reuters')).toEqual([true, false]);
    expect(place('Site map')).toEqual([false, false]);

    const prose = await readPage('plain.html', `<p>${'A plain page with a few words and a <a href="/x">link</a> or two. '.repeat(10)}</p>`);
    expect(prose.regions.some((region) => region.isAside)).toBe(false);
  });

  it('takes the blocks of a page builder that calls each a widget (Elementor) as the story, and a sidebar\'s widgets as asides', async () => {
    const widget = (type: string, body: string) => `<div class="elementor-element elementor-widget elementor-widget-${type}"><div class="elementor-widget-container">${body}</div></div>`;
    const page = await readPage('elementor.html', [
      '<main><div class="elementor elementor-42"><section class="elementor-section"><div class="elementor-column">',
      widget('heading', '<h1>Air traffic controllers strike</h1>'),
      widget('text-editor', `<p>PARIS (AFP) - ${'French air traffic controllers began a two-day strike on Thursday. '.repeat(4)}</p>`),
      widget('image', '<figure><img src="/a.jpg" alt=""><figcaption>Empty desks at Orly. Ines Carre/AFP</figcaption></figure>'),
      widget('image', '<figure class="wp-caption"><img src="/b.jpg" alt=""><figcaption class="widget-image-caption wp-caption-text">Closed gates at Roissy. Foto: AA</figcaption></figure>'),
      '</div></section></div></main>',
      '<aside class="widget-area"><div class="widget widget_recent_entries"><p>Reuters</p></div></aside>',
    ].join(''));
    const isAside = (start: string) => page.regions.find((r) => r.text.startsWith(start))?.isAside === true;
    expect([isAside('PARIS (AFP)'), isAside('Empty desks'), isAside('Closed gates'), isAside('Reuters')]).toEqual([false, false, false, true]);
    // SiteOrigin's blocks say "widget" beside their own "so-panel".
    const panels = await readPage('siteorigin.html', `<main><div class="panel-grid"><div id="panel-1" class="so-panel widget widget_text"><p>BERLIN (dpa) - ${'Train drivers began a strike on Monday morning. '.repeat(4)}</p></div></div></main>`);
    expect(panels.regions.find((r) => r.text.startsWith('BERLIN'))?.isAside).not.toBe(true);
  });

  it('takes an advertisement\'s slot and readers\' comments as asides, but not a story whose wrapper is "ad-free"', async () => {
    const page = await readPage('ads.html', [
      '<main><article class="story ad-free"><h1>Strike ends</h1><p>PARIS (AFP) - Rail workers returned to work on Tuesday after a deal on pensions was reached overnight.</p>',
      '<div id="ad-728x90" class="ad"><img src="/ads/stock.jpg" alt="Getty Images royalty-free stock, 20% off"></div>',
      '<section class="comments"><p>Source: Reuters, as usual.</p></section></article></main>',
    ].join(''));
    const isAside = (start: string) => page.regions.find((r) => r.text.startsWith(start))?.isAside === true;
    expect([isAside('PARIS (AFP)'), isAside('Getty Images'), isAside('Source: Reuters')]).toEqual([false, true, true]);
  });

  it('takes a link\'s preview card in the story (Ghost\'s bookmark card) as an aside: its author is the linked page\'s', async () => {
    const page = await readPage('ghost.html', [
      `<article><h1>Ferries return</h1><p>${'The ferries returned to the island on Monday after the storm. '.repeat(4)}</p>`,
      '<figure class="kg-card kg-bookmark-card"><a class="kg-bookmark-container" href="https://www.reuters.com/world/x">',
      '<div class="kg-bookmark-title">Storm closes ports</div><div class="kg-bookmark-metadata"><span class="kg-bookmark-author">Reuters</span></div></a></figure>',
      `<p>${'Ticket sales resumed at noon, the operator said. '.repeat(3)}</p></article>`,
    ].join(''));
    expect(page.regions.find((r) => r.text === 'Reuters')?.isAside).toBe(true);
    expect(page.regions.find((r) => r.text.startsWith('The ferries'))?.isAside).not.toBe(true);
  });
});
