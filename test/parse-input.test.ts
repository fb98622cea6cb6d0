import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { decodePage } from '../src/document/decode.js';
import { emptyFacts } from '../src/document/facts.js';
import { extractRegions } from '../src/document/hast-regions.js';
import { readPage } from '../src/document/page.js';
import { withoutScripts } from '../src/document/html/parse-input.js';

const ROOT = join(import.meta.dirname, '..');
const CORPUS = join(ROOT, '../shared/corpus/pages');
const parser = unified().use(rehypeParse);

/** What a page reads as when the parser is given the whole page, scripts and all. */
function readWhole(source: string) {
  const facts = emptyFacts();
  extractRegions(parser.parse(source), source, facts);
  return facts;
}

/** Regions and comments as plain data, offsets spelled out. */
function plain(facts: { regions: ReadonlyArray<{ kind: string; text: string; offsets: Int32Array; isInStory?: boolean; isAside?: boolean; field?: string }>; comments: unknown[] }) {
  return {
    regions: facts.regions.map((r) => ({ kind: r.kind, text: r.text, offsets: [...r.offsets], isInStory: r.isInStory, isAside: r.isAside, field: r.field })),
    comments: facts.comments,
  };
}

async function expectSameAsWhole(source: string): Promise<void> {
  const page = await readPage('page.html', source);
  expect(plain(page)).toEqual(plain(readWhole(source)));
}

const PAGES: Array<[string, string]> = [
  ['scripts and a style sheet before the story', '<html><head><style>p{color:red}</style><script>var a = "<p>AFP</p>";</script></head><body><p>PARIS (AFP) - Talks.</p><!-- rightslint-disable-file -- reason --></body></html>'],
  ['JSON-LD, which is read, among scripts', '<script>x()</script><script type="application/ld+json">{"author":{"name":"AFP"}}</script><script>y()</script><p>Body</p>'],
  ['a script inside SVG, which is markup', '<svg><script>if (a<b) {}</script><style><p>x</p></style></svg><p>After</p>'],
  ['a script whose comment hides its end tag', '<script><!-- document.write("<script>a()</script>"); --></script><script>b()</script><p>After © AFP</p>'],
  ['an old-style commented script', '<script><!-- a(); // --></script><p>Photo: Reuters</p>'],
  ['a script in a title and in noscript', '<title>a <script>b</script></title><noscript><script>c()</script><p>d</p></noscript><p>e</p>'],
  ['a quoted > and a script-like attribute', '<div title="a>b <script>">x</div><script>z()</script><p>AP</p>'],
  ['JSON-LD whose type is written with references', '<script type="application&#x2F;ld&#x2B;json">{"author":"AFP"}</script><p>x</p>'],
  ['an unclosed script', '<p>a</p><script>never closed <p>b</p>'],
];

describe('the parser input without scripts', () => {
  it('leaves out script and style content, and maps offsets back', () => {
    const input = withoutScripts('<p>a</p><script>xyz</script><p>b</p>');
    expect(input?.text).toBe('<p>a</p><script></script><p>b</p>');
    expect(input?.toSource(input.text.indexOf('b'))).toBe(31);
    expect(withoutScripts('<p>no scripts</p>')).toBeUndefined();
  });

  it.each(PAGES)('reads %s as the whole page does', async (_, source) => {
    await expectSameAsWhole(source);
  });

  it.skipIf(!existsSync(CORPUS))('reads every page of the shared corpus as the whole page does', async () => {
    for (const name of readdirSync(CORPUS)) {
      const { text } = decodePage(readFileSync(join(CORPUS, name)), undefined);
      await expectSameAsWhole(text);
    }
  });
});
