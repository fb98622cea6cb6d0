import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../src/engine/check.js';
import { defaultPolicy, loadPolicy } from '../src/config/policy.js';
import { mayHoldNotice } from '../src/detect/notices.js';
import { buildHtmlTree } from '../src/document/html/html-tree.js';
import { buildPrefilter } from '../src/detect/prefilter/prefilter.js';
import { regionSource } from '../src/detect/prefilter/prefilter-text.js';
import { CORPUS, hasCorpus, labelledPageCount } from './support/corpus.js';
import { scratchFolder } from './support/scratch.js';

const ROOT = join(import.meta.dirname, '..');
const folders = [
  ...readdirSync(join(ROOT, 'test/fixtures')).map((name) => join(ROOT, 'test/fixtures', name)),
  join(ROOT, 'test/holders'),
  join(ROOT, 'test/conventions'),
  join(ROOT, 'examples/newsroom'),
];

/** Both runs of a folder, with and without the prefilter. */
async function bothWays(folder: string) {
  const options = { cwd: folder, asOf: '2026-01-15' };
  return [await check({ ...options, prefilter: false }), await check({ ...options, prefilter: true })];
}

describe('the keyword prefilter', () => {
  it.each(folders.map((f) => [f.slice(ROOT.length + 1), f]))('loses nothing in %s', async (_, folder) => {
    const [full, filtered] = await bothWays(folder as string);
    expect(filtered?.files).toEqual(full?.files);
  });

  it.skipIf(!hasCorpus)('loses nothing on the shared corpus of real pages', async () => {
    const [full, filtered] = await bothWays(CORPUS);
    expect(full?.files.length).toBe(labelledPageCount());
    expect(filtered?.files).toEqual(full?.files);
  });
});

describe('the text the prefilter searches', () => {
  it.each([
    ['text, with tags as <>', '<p class="wire">Hi <b>AFP</b></p>', '<>Hi <>AFP<><>'],
    ['no script, but JSON-LD', '<script>var a="ap"</script><script type="application/ld+json">{"a":"AFP"}</script>', '<><><>{"a":"AFP"}<>'],
    ['JSON-LD whose type is written with references', '<script type="application&#x2F;ld&#x2B;json">{"a":"AFP"}</script>', '<>{"a":"AFP"}<>'],
    ['no comment, no style', '<!-- tt --><style>.tt{}</style><p>a</p>', '<><><>a<>'],
    ['attributes regions read, no others', '<img alt="Foto: dpa" src="/a.jpg" srcset="tt.jpg" class="ap">', '<>Foto: dpa<>'],
    ['a quoted `>` inside a tag', '<a href="?x=tt" title="a>b">c</a>', '<>a>b<>c<>'],
    ['raw text elements whole', '<title>x <b>y</b></title>', '<>x <b>y</b><>'],
    ['no bogus comment, which ends at its first `>`', '<!x <script>y</script> AFP', 'y<> AFP'],
    ['an empty comment', '<!--> AFP <!-- c -->', ' AFP '],
    ['the rest after an unclosed tag', '<p>unclosed <a x="', '<>unclosed <a x="'],
    ['the rest after an unclosed script', '<script>never closed AFP', '<>never closed AFP'],
    ['everything after plaintext', '<plaintext><a href=tt>AFP', '<><a href=tt>AFP'],
    ['no script whose comment hides its first end tag', '<script><!-- <script>ap</script> tt --></script>AFP', '<><>AFP'],
    ['a word inline tags split, joined again after the text', '<p>Reu<wbr>ters, <b>A</b><b>FP</b></p>', '<>Reu<>ters, <>A<><>FP<><><><>Reuters, <>AFP<><>'],
    ['a word split by an image, joined without its text', '<p>x<img alt="AP">y</p>', '<>x<>AP<>y<><><>xy<>'],
    ['words a block tag parts as they were', '<h2>Title</h2><p>Body</p>', '<>Title<><>Body<>'],
  ])('keeps %s', (_, html, expected) => {
    expect(regionSource(html).text).toBe(expected);
  });

  it('keeps image file names apart', () => {
    expect(regionSource('<img src="/a.jpg" alt="x"><figure data-src=\'b.jpg\'><p src=c.jpg>d</p>')).toEqual({ text: '<>x<><><>d<>', fileNames: '/a.jpg<>b.jpg<>c.jpg<>', hasDirective: false });
  });

  it('reads every page with a suppression comment whole, for its comment may go unused', async () => {
    const prefilter = buildPrefilter((await defaultPolicy(ROOT)).catalogue, { notices: true });
    const comments = ['<!-- rightslint-disable-file -->', '<!rightslint-disable-file>', '<!-- rightslint-disable-next-line unlicensed-content'];
    for (const comment of comments) expect(prefilter.scope(`<p>Nothing to see.</p>${comment}`, 'html'), comment).toBe('everything');
    expect(prefilter.scope('<script>"rightslint-disable-file"</script><p>Nothing to see.</p>', 'html')).toBe('nothing');
    expect(prefilter.scope('Nothing to see.\n\n<!-- rightslint-disable-file -->\n', 'markdown')).toBe('everything');
  });

  it('skips pages whose holder names stand only in scripts, URLs and class names', async () => {
    const { catalogue } = await defaultPolicy(ROOT);
    const prefilter = buildPrefilter(catalogue, { notices: true });
    const page = (body: string) => `<html><head><script>var country = 'ap';</script></head><body><a href="/s?from=tt.mm" class="aa pa">Search</a>${body}</body></html>`;
    expect(prefilter.scope(page('<p>Nothing to see.</p>'), 'html')).toBe('nothing');
    expect(prefilter.scope(page('<p>PARIS (AFP) - Talks resumed.</p>'), 'html')).toBe('everything');
    expect(prefilter.scope(page('<img src="a.jpg" alt="Photo: TT">'), 'html')).toBe('everything');
    expect(prefilter.scope(page('<p>Weekend (Paris edition) ends</p>'), 'html')).toBe('nothing');
    // A name that inline markup splits is one word to the region reader.
    expect(prefilter.scope(page('<p>NEW YORK (Reu<wbr>ters) - Talks resumed.</p>'), 'html')).toBe('everything');
    expect(prefilter.scope(page('<p>PARIS (<span>A</span><span>FP</span>) - Talks resumed.</p>'), 'html')).toBe('everything');
    // So is one with a soft hyphen in it, or in full-width letters.
    expect(prefilter.scope(page('<p>NEW YORK (Reu&shy;ters) - Talks resumed.</p>'), 'html')).toBe('everything');
    expect(prefilter.scope(page('<p>Photo: <b>Reu</b>&shy;<b>ters</b></p>'), 'html')).toBe('everything');
    expect(prefilter.scope(page('<p>PARIS (A<b>&#x46;P</b>) - Talks resumed.</p>'), 'html')).toBe('everything');
    expect(prefilter.scope(page('<p>ワシントン（ＡＰ）</p>'), 'html')).toBe('everything');
    // A holder's name may run on into digits: a picture id.
    expect(prefilter.scope(page('<p>Flood waters rise. PTI06_03_2025_000123B</p>'), 'html')).toBe('everything');
  });

  it("reads a page whose only mark is an agency's news site given as its story's origin", async () => {
    const { catalogue } = await defaultPolicy(ROOT);
    const prefilter = buildPrefilter(catalogue, { notices: false });
    const page = (head: string) => `<html><head>${head}</head><body><p>Miners returned to work on Tuesday.</p></body></html>`;
    expect(prefilter.scope(page('<link rel="canonical" href="https://apnews.com/article/strike">'), 'html')).toBe('everything');
    expect(prefilter.scope(page('<meta name="syndication-source" content="https://apnews.com/article/strike">'), 'html')).toBe('everything');
    expect(prefilter.scope(page('<link rel="canonical" href="https://lanternpost.example/strike">'), 'html')).toBe('nothing');
  });

  it('searches image file names only for what signals read in them', async () => {
    const { catalogue } = await defaultPolicy(ROOT);
    const prefilter = buildPrefilter(catalogue, { notices: false });
    expect(prefilter.scope('<img src="/photos/AP_19012706159131.jpg" alt="The quay">', 'html')).toBe('nothing');
    expect(prefilter.scope('<img src="/photos/shutterstock_1140790211.jpg" alt="The quay">', 'html')).toBe('everything');
    expect(prefilter.scope('<img src="/photos/quay.jpg" alt="The quay (AP Photo)">', 'html')).toBe('everything');
  });

  it('skips pages whose holder names stand only in a case their patterns do not take, unless a pattern ignores case', async () => {
    const { catalogue } = await defaultPolicy(ROOT);
    const prefilter = buildPrefilter(catalogue, { notices: false });
    expect(prefilter.scope('<p>The standalone ap. Pa\u00adtienten. Aa batteries.</p>', 'html')).toBe('nothing');
    expect(prefilter.scope('<p>Photo: Jo Roe / AP</p>', 'html')).toBe('everything');
    const folder = scratchFolder('case');
    writeFileSync(join(folder, 'rightslint.yaml'), 'holders: [wires.yaml]\n');
    writeFileSync(join(folder, 'wires.yaml'), `id: nordwire\nname: Nordwire\nkinds: [text]\nsignals:\n${[['exact', false], ['any-case', true]].map(([id, ignoreCase]) => `  - id: ${id}\n    type: credit\n    kind: text\n    regions: [body]\n    ignoreCase: ${ignoreCase}\n    pattern: '${id === 'exact' ? 'Sudwire' : 'Nordwire'} photo'\n`).join('')}`);
    const own = buildPrefilter((await loadPolicy(join(folder, 'rightslint.yaml'), folder)).catalogue, { notices: false });
    expect(own.scope('<p>SUDWIRE PHOTO</p>', 'html')).toBe('nothing');
    expect(own.scope('<p>Sudwire photo</p>', 'html')).toBe('everything');
    expect(own.scope('<p>NORDWIRE PHOTO</p>', 'html')).toBe('everything');
    // The evidence search admits signals by the same spellings, the prefilter aside.
    for (const [name, text] of [['upper', 'SUDWIRE PHOTO, NORDWIRE PHOTO'], ['spelled', 'Sudwire photo']]) writeFileSync(join(folder, `${name}.html`), `<p>${text}</p>`);
    const { files } = await check({ cwd: folder, asOf: '2026-01-15', prefilter: false });
    expect(files.map((file) => [file.path, file.holders.flatMap((h) => h.evidence.map((e) => e.signal))])).toEqual([
      ['spelled.html', ['nordwire/exact']],
      ['upper.html', ['nordwire/any-case']],
    ]);
  });

  it('reads a page whose only mark is a name set alone as a caption or credit in lower case, as the full read finds it', async () => {
    const folder = scratchFolder('lone');
    writeFileSync(join(folder, 'caption.html'), '<figure><img src="/a.jpg" alt=""><figcaption>(afp)</figcaption></figure>');
    writeFileSync(join(folder, 'credit.html'), '<p>A quiet day in the harbour.</p><img src="/b.jpg" alt="" data-image-credit="ansa">');
    writeFileSync(join(folder, 'front.md'), '---\nimage_credit: "efe"\n---\n\nA quiet day in the harbour.\n');
    writeFileSync(join(folder, 'title-case.html'), '<figure><img src="/c.jpg" alt=""><figcaption>Zuma</figcaption></figure>');
    const [full, filtered] = await bothWays(folder);
    expect(full?.files.map((file) => [file.path, file.holders.map((h) => h.holder)])).toEqual([
      ['caption.html', ['afp']],
      ['credit.html', ['ansa']],
      ['front.md', ['efe']],
      ['title-case.html', []],
    ]);
    expect(filtered?.files).toEqual(full?.files);
  });
});

describe('the notice gate on a page that names no holder', () => {
  const gate = (body: string) => mayHoldNotice(buildHtmlTree(`<!DOCTYPE html><html><head><title>t</title></head><body>${body}</body></html>`) as never);

  it.each([
    ['the site footer, outside the story', '<article><p>Story.</p></article><footer>© 2025 Site Owner</footer>'],
    ['navigation', '<nav>© Menu Owner</nav><main><p>Story.</p></main>'],
    ['scripts and metadata', '<script>var c = "© Script Owner";</script><article><p>Story.</p></article>'],
  ])('passes over a notice in %s', (_, body) => {
    expect(gate(body)).toBe(false);
  });

  it.each([
    ['a footer inside the story', '<article><p>Story.</p><footer>© Wire Owner</footer></article>'],
    ['a caption in the site footer', '<article><p>Story.</p></article><footer><figcaption>© Photo Owner</figcaption></footer>'],
    ['a credit attribute outside the story', '<div data-credit="© Photo Owner"></div><article><p>Story.</p></article>'],
    ['body text outside the story', '<article><p>Story.</p></article><p>(c) Other Owner</p>'],
    ['a footer after the first heading of a page with no story element', '<h1>Title</h1><p>Story.</p><footer>Copyright 2025 Wire Owner</footer>'],
    // The page's densest block of text, in the story too, is known only once the page is read.
    ['a footer before the first heading of a page with no story element', '<footer>© Old Owner</footer><h1>Title</h1><p>Story.</p>'],
    ['a footer whose block runs on into a story element that is no block', '<footer>© Near Owner <span itemprop="articleBody"><p>Story.</p></span></footer>'],
  ])('reads a notice in %s', (_, body) => {
    expect(gate(body)).toBe(true);
  });
});
