import { describe, expect, it } from 'vitest';
import { compileCatalogue } from '../src/catalogue/compile.js';
import { BUILTIN_HOLDERS, loadHolders } from '../src/config/load-holders.js';
import { findEvidence } from '../src/detect/signals.js';
import { readPage } from '../src/document/page.js';
import type { Region } from '../src/document/region.js';

/** The source text a region's characters point back to, from `from` to `to` in its text. */
function sourceOf(source: string, region: Region, from: number, to: number): string {
  return source.slice(region.offsets[from], (region.offsets[to - 1] ?? 0) + 1);
}

function regionWith(regions: readonly Region[], text: string): Region {
  const region = regions.find((r) => r.text.includes(text));
  if (!region) throw new Error(`no region holds "${text}": ${regions.map((r) => r.text).join(' | ')}`);
  return region;
}

describe('readPage (HTML)', () => {
  const html = [
    '<html><head><title>Dock &amp; harbour</title>',
    '<meta name="author" content="Jean Dupont / AFP">',
    '<meta property="article:published_time" content="2025-03-02T10:00:00+01:00">',
    '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-01-01","author":{"name":"Caf\\u00e9 \\"Wire\\""},"publisher":{"name":"Dock Daily"}}</script>',
    '</head><body><nav><p>PARIS (AFP) in the menu</p></nav>',
    '<header><p>Site masthead</p></header>',
    '<article><h1>Title</h1>',
    '<p>LONDON&nbsp;(Reuters) &ndash; Ships\r\n  wait.</p>',
    '<p>Second</p><p>Third</p><p>Fourth</p>',
    '<figure><img src="a.jpg" alt="Cranes at dusk &copy; AP"><figcaption>Cranes. <span class="credit">Photo: Jo Bell/AFP</span></figcaption></figure>',
    '</article><footer><small>&copy; 2025 Dock Daily</small></footer><script>var x = "(AFP)";</script></body></html>',
  ].join('\n');

  it('splits the page into regions of the right kinds, leaving navigation and scripts out', async () => {
    const page = await readPage('page.html', html);
    const kinds = page.regions.map((r) => [r.kind, r.text]);
    expect(kinds).toContainEqual(['title', 'Dock & harbour']);
    expect(kinds).toContainEqual(['caption', 'Cranes.']);
    expect(kinds).toContainEqual(['credit', 'Photo: Jo Bell/AFP']);
    expect(kinds).toContainEqual(['alt', 'Cranes at dusk © AP']);
    expect(kinds).toContainEqual(['footer', '© 2025 Dock Daily']);
    expect(kinds).toContainEqual(['jsonld', 'Café "Wire"']);
    expect(page.regions.some((r) => r.text.includes('menu') || r.text.includes('var x'))).toBe(false);
  });

  it('marks the blocks of the story apart from the masthead', async () => {
    const page = await readPage('page.html', html);
    expect(regionWith(page.regions, 'LONDON (Reuters)').isInStory).toBe(true);
    expect(regionWith(page.regions, 'Site masthead').isInStory).toBeUndefined();
  });

  it('maps every character back to its source, through references and line breaks', async () => {
    const page = await readPage('page.html', html);
    const lead = regionWith(page.regions, 'LONDON');
    expect(sourceOf(html, lead, 0, 16)).toBe('LONDON&nbsp;(Reuters)');
    expect(sourceOf(html, lead, 17, 24)).toBe('&ndash; Ships');
    expect(sourceOf(html, lead, 25, 30)).toBe('wait.');
    const alt = regionWith(page.regions, 'Cranes at dusk');
    expect(page.toPoint(alt.offsets[0] ?? 0)).toEqual({ line: 11, column: 31 });
    const author = page.regions.find((r) => r.kind === 'jsonld' && r.field === 'author.name');
    expect(sourceOf(html, author as Region, 0, 10)).toBe('Caf\\u00e9 \\"Wire');
  });

  it('reads metadata fields and the publication date in order of trust', async () => {
    const page = await readPage('page.html', html);
    expect(page.regions.find((r) => r.kind === 'meta' && r.field === 'author')?.text).toBe('Jean Dupont / AFP');
    expect(page.published).toEqual({ date: '2025-03-02', source: 'meta' });
    expect(page.publisherNames).toEqual(['Dock Daily']);
  });
});

describe('readPage (Markdown)', () => {
  const markdown = [
    '---',
    'title: "Quay \\"works\\""',
    'date: 2025-04-05',
    'credit: Reuters',
    '---',
    '',
    '# Quay works',
    '',
    'BERLIN (dpa) \\- Arbeiten am Kai &amp; mehr.',
    '',
    '![Quay at night](quay.jpg "Night")',
    '*Foto: Jan Kahl/dpa*',
    '',
    '<figure><img src="b.jpg" alt="Crane"><figcaption>Photo: AP</figcaption></figure>',
  ].join('\n');

  it('brings front matter, captions and raw HTML into the same regions, with positions', async () => {
    const page = await readPage('page.md', markdown);
    expect(page.published).toEqual({ date: '2025-04-05', source: 'frontmatter' });
    const credit = page.regions.find((r) => r.kind === 'frontmatter' && r.field === 'credit') as Region;
    expect(page.toPoint(credit.offsets[0] ?? 0)).toEqual({ line: 4, column: 9 });
    const title = page.regions.find((r) => r.field === 'title') as Region;
    expect(title.text).toBe('Quay "works"');
    const lead = regionWith(page.regions, 'BERLIN');
    expect(lead.kind).toBe('body');
    expect(sourceOf(markdown, lead, 13, 33)).toBe('- Arbeiten am Kai &amp; ');
    expect(page.regions.filter((r) => r.kind === 'caption').map((r) => [r.text, page.toPoint(r.offsets[0] ?? 0).line])).toEqual([
      ['Foto: Jan Kahl/dpa', 12],
      ['Photo: AP', 14],
    ]);
    expect(page.regions.filter((r) => r.kind === 'alt').map((r) => r.text)).toEqual(['Quay at night', 'Night', 'Crane']);
  });

  it('reads TOML front matter as YAML\'s: fields by key path under their tables, escapes mapped, the date; broken TOML as nothing', async () => {
    const toml = ['+++', 'title = "Quay \\"works\\""', 'date = 2025-04-05T08:00:00Z', '', '[cover]', "caption = '''Cranes.", "Jan Kahl/dpa'''", '[[resources]]', 'params = { credit = "AP" }', 'alt = """', 'Cranes at night"""', '+++', '', 'Body text.'].join('\n');
    const page = await readPage('page.md', toml);
    expect(page.published).toEqual({ date: '2025-04-05', source: 'frontmatter' });
    const fields = page.regions.filter((r) => r.kind === 'frontmatter').map((r) => [r.field, r.text]);
    expect(fields).toEqual([['title', 'Quay "works"'], ['cover.caption', 'Cranes. Jan Kahl/dpa'], ['resources.params.credit', 'AP'], ['resources.alt', 'Cranes at night']]);
    const caption = page.regions.find((r) => r.field === 'cover.caption') as Region;
    expect(page.toPoint(caption.offsets[8] ?? 0)).toEqual({ line: 7, column: 1 });
    // A multi-line basic string drops the line end after its opening quotes.
    const alt = page.regions.find((r) => r.field === 'resources.alt') as Region;
    expect(page.toPoint(alt.offsets[0] ?? 0)).toEqual({ line: 11, column: 1 });
    expect(regionWith(page.regions, 'Body').kind).toBe('body');

    const bom = await readPage('page.md', '\uFEFF---\ncredit: "Jane Doe/AP"\n---\n\nBody text.');
    expect(bom.regions.find((r) => r.field === 'credit')?.text).toBe('Jane Doe/AP');

    const broken = await readPage('page.md', '+++\ntitle = \n+++\n\nBody text.');
    expect(broken.regions.filter((r) => r.kind === 'frontmatter')).toEqual([]);
    expect(broken.regions.map((r) => r.text)).toEqual(['Body text.']);
  });

  it('reads JSON front matter (Hugo\'s) by key path, with positions, the date; a page opening with a brace that is no JSON is Markdown', async () => {
    const json = ['{', '  "title": "Cranes",', '  "date": "2025-04-05T08:00:00Z",', '  "cover": { "credit": "Jan Kahl/dpa" }', '}', '', 'Body text.'].join('\n');
    const page = await readPage('page.md', json);
    expect(page.published).toEqual({ date: '2025-04-05', source: 'frontmatter' });
    expect(page.regions.map((r) => [r.kind, r.field, r.text])).toEqual([['frontmatter', 'title', 'Cranes'], ['frontmatter', 'date', '2025-04-05T08:00:00Z'], ['frontmatter', 'cover.credit', 'Jan Kahl/dpa'], ['body', undefined, 'Body text.']]);
    const credit = page.regions.find((r) => r.field === 'cover.credit') as Region;
    expect(page.toPoint(credit.offsets[0] ?? 0)).toEqual({ line: 4, column: 25 });
    const html = await readPage('post.html', '{\n  "image_credit": "Jane Doe/Getty Images"\n}\n<p>Surfers rode the swell.</p>');
    expect(html.regions.map((r) => [r.kind, r.text])).toEqual([['frontmatter', 'Jane Doe/Getty Images'], ['body', 'Surfers rode the swell.']]);
    const brace = await readPage('page.md', '{\n"not JSON, Reuters\n}\n\nBody text.');
    expect(brace.regions.filter((r) => r.kind === 'frontmatter')).toEqual([]);
    expect(brace.regions.map((r) => r.text)).toEqual(['{ "not JSON, Reuters }', 'Body text.']);
  });

  it('reads the front matter an HTML content file opens with, and not markup between two --- lines', async () => {
    const content = await readPage('post.html', '---\ntitle: "Swell"\nimage_credit: "Jane Doe/Getty Images"\n---\n<p>Surfers rode the swell.</p>');
    expect(content.regions.map((r) => [r.kind, r.text])).toEqual([['frontmatter', 'Swell'], ['frontmatter', 'Jane Doe/Getty Images'], ['body', 'Surfers rode the swell.']]);
    const markup = await readPage('page.html', '---\n<p>PARIS (AFP) - Strikes closed the airports.</p>\n---\n<p>More.</p>');
    expect(markup.regions.map((r) => r.text)).toEqual(['---', 'PARIS (AFP) - Strikes closed the airports.', '---', 'More.']);
  });
});

describe('usage restrictions', () => {
  it('records the restrictions a caption states beside the credit', async () => {
    const catalogue = compileCatalogue(await loadHolders([BUILTIN_HOLDERS], process.cwd()));
    const page = await readPage('p.html', '<figure><img src="x.jpg"><figcaption>Fans at the final. Photo: Ana Ruiz/AFP. EDITORIAL USE ONLY. NO ARCHIVING.</figcaption></figure><p>No restriction here.</p>');
    const evidence = findEvidence(page, catalogue);
    expect(evidence.map((e) => [e.holder, e.restrictions])).toEqual([['afp', ['EDITORIAL USE ONLY', 'NO ARCHIVING']]]);
  });
});
