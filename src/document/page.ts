import { location } from 'vfile-location';
import { emptyFacts, type PageFacts } from './facts.js';
import { extractRegions } from './hast-regions.js';
import { type ParsedHtml, parseHtml } from './html/parse-html.js';
import { formatOf, type PageFormat } from './format.js';
import { publicationDate, type Published } from './published.js';

/** A page read into regions: what every detector works on. */
export interface Page extends PageFacts {
  path: string;
  format: PageFormat;
  source: string;
  published: Published | undefined;
  /** Converts a source offset to a 1-based line and column. */
  toPoint(offset: number): { line: number; column: number };
}

// The Markdown pipeline is loaded when a page first needs it: a run of HTML pages never loads it.
let markdownToHast: typeof import('./markdown/markdown.js').markdownToHast | undefined;

/**
 * Reads an HTML page's regions from its tree (parsed here unless given), at the page's offsets,
 * and the front matter a static-site generator's HTML content file opens with.
 */
async function readHtml(page: string, facts: PageFacts, parsed: ParsedHtml | undefined): Promise<void> {
  const { tree, text, toSource, frontMatter } = parsed ?? (await parseHtml(page));
  // Front matter is read at the page's own offsets, before the regions the tree's offsets are moved for.
  if (frontMatter) (await import('./markdown/frontmatter.js')).readFrontMatter(frontMatter, page, facts);
  const from = facts.regions.length;
  extractRegions(tree, text, facts);
  if (!toSource) return;
  for (const region of facts.regions.slice(from)) region.offsets = region.offsets.map(toSource);
  for (const comment of facts.comments) [comment.start, comment.end] = [toSource(comment.start), toSource(comment.end)];
}

/**
 * Parses a page's text into regions with positions: HTML where `html` (the page's tree, parsed
 * already) is given, else HTML or Markdown by `path`.
 */
export async function readPage(path: string, source: string, html?: ParsedHtml): Promise<Page> {
  const format = html ? 'html' : formatOf(path);
  const facts = emptyFacts();
  if (format === 'markdown') {
    markdownToHast ??= (await import('./markdown/markdown.js')).markdownToHast;
    extractRegions(await markdownToHast(source, facts), source, facts);
  } else await readHtml(source, facts, html);
  facts.lang ??= charsetLanguage(source);
  const place = location(source);
  return {
    path,
    format,
    source,
    ...facts,
    published: publicationDate(facts),
    toPoint(offset) {
      const point = place.toPoint(offset);
      return { line: point?.line ?? 1, column: point?.column ?? 1 };
    },
  };
}

// The character sets made for one language, by which an older page that declares no language
// still tells it: "windows-1254" is Turkish, "Shift_JIS" Japanese.
const CHARSET_LANGUAGES: ReadonlyArray<[RegExp, string]> = [
  [/^(?:windows-1254|iso-8859-9|latin5)$/, 'tr'],
  [/^(?:windows-1256|iso-8859-6)$/, 'ar'],
  [/^koi8-r$/, 'ru'],
  [/^koi8-u$/, 'uk'],
  [/^(?:windows-1253|iso-8859-7)$/, 'el'],
  [/^(?:windows-1255|iso-8859-8(?:-i)?)$/, 'he'],
  [/^(?:shift_jis|x-sjis|sjis|windows-31j|euc-jp|iso-2022-jp)$/, 'ja'],
  [/^(?:euc-kr|ks_c_5601-1987|windows-949|iso-2022-kr)$/, 'ko'],
  [/^(?:gb2312|gbk|x-gbk|gb18030|big5|big5-hkscs)$/, 'zh'],
  [/^(?:windows-874|tis-620|iso-8859-11)$/, 'th'],
  [/^windows-1258$/, 'vi'],
];
// A page's declared character set, where its head says it: `<meta charset>` or the Content-Type.
const DECLARED_CHARSET = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i;

/** The language of the character set a page declares, where that set was made for one. */
function charsetLanguage(source: string): string | undefined {
  const charset = DECLARED_CHARSET.exec(source.slice(0, 4096))?.[1]?.toLowerCase();
  return charset === undefined ? undefined : CHARSET_LANGUAGES.find(([pattern]) => pattern.test(charset))?.[1];
}
