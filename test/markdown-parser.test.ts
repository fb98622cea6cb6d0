import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { markdownParser, parseMarkdown } from '../src/document/markdown/markdown.js';
import { parseByBlocks } from '../src/document/markdown/markdown-blocks.js';
import { articles } from '../scripts/bench-markdown.js';

const withGfm = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
// Markdown's own syntax, with pieces that come near GitHub's (`[`, `^`, `x`, `w`, `.`, `:`, `/`).
const PIECES = ['# ', '## ', '*', '**', '_', '`', '```\n', '[', ']', '(', ')', '![', '<', '>', '- ', '1. ', '\n', '\n\n', '    ', '\\', '=', ':', '"', '&amp;', 'AFP', ' ', 'word', 'w', 'www', '.', '^', 'x', '---\n', '/', 'mail', 'htt', 'p:'];

describe('the Markdown parser a page gets', () => {
  it('reads a page without GitHub syntax exactly as the parser with GitHub extensions', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), (pieces) => {
        const text = pieces.join('');
        expect(markdownParser(text).parse(text)).toEqual(withGfm.parse(text));
      }),
      { numRuns: 5000, seed: SEED },
    );
  });

  it('skips the extensions on plain articles, and keeps them for tables and links', () => {
    const [article] = articles(1);
    expect(markdownParser(article as string)).not.toBe(markdownParser('| a | b |\n|---|---|\n'));
    expect(markdownParser('see www.example.com')).toBe(markdownParser('~~gone~~'));
  });
});

// Pages made of blocks: prose, headings, lists, quotes, code, HTML, tables, front matter and
// the blank lines (empty, or of spaces and tabs) between them.
const BLOCKS = ['Plain prose, one line.', 'Two lines\nof prose.', '# Heading', '## Heading ##', 'C# and F#', '- item', '1. item', '2025. A year', '> quote', '    code', '\tcode', '```\nfenced\n\n```', '~~~', '<div>', '<!-- note -->', '- <!-- open', '-->', '<script>', '[a]: /b', 'see [a]', 'a *b* _c_', 'x  ', ' lead', 'a\\', '&amp;', '| a | b |\n|---|---|', 'www.example.com', '---', 'Title\n===', 'Title\n---', '![alt](x.jpg)\n*Photo: AFP*', 'PARIS (AFP) - Text.', '---\ntitle: x\n---'];
const SEPARATORS = ['\n', '\n\n', '\n\n\n', '\n  \n', '\n\t\n', ''];

describe('parsing Markdown block by block', () => {
  it('gives the tree of parsing the whole page', () => {
    const page = fc.array(fc.tuple(fc.constantFrom(...BLOCKS), fc.constantFrom(...SEPARATORS)), { maxLength: 12 }).map((parts) => parts.flat().join(''));
    fc.assert(
      fc.property(page, (text) => {
        expect(parseMarkdown(text)).toEqual(withGfm.parse(text));
      }),
      { numRuns: 3000, seed: SEED },
    );
    for (const article of articles(40)) expect(parseMarkdown(article)).toEqual(withGfm.parse(article));
  });

  it('leaves to the parser only what is more than plain text, and pages it cannot split', () => {
    const parsed: string[] = [];
    const parse = (text: string, isDocumentStart: boolean) => {
      parsed.push(text);
      return markdownParser(text, isDocumentStart).parse(text);
    };
    const [article] = articles(1) as [string];
    parseByBlocks(article, parse);
    expect(parsed).toEqual([article.slice(0, article.indexOf('\n---\n') + 4), '![The quay](quay-0.jpg)\n*Photo: Jo Berg/AFP*\n']);
    parsed.length = 0;
    const withDefinition = `${article}\n[quay]: /photos/quay.jpg\n`;
    parseByBlocks(withDefinition, parse);
    expect(parsed).toEqual([withDefinition]);
  });
});


const ROOT = join(import.meta.dirname, '..');

/** Markdown files under `dir`, sorted by path; links (such as `node_modules/.bin`) are not followed. */
function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.isFile() && /\.md$/i.test(entry.name) ? [path] : [];
  }).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

// Real Markdown that every clone holds without the project copying it: the READMEs, changelogs
// and guides its dependencies ship (the first 150 by path, so the sample is the same on every
// install of the lock file and the work is bounded) and the project's own documents.
const REAL_MARKDOWN = [...markdownFiles(join(ROOT, 'node_modules')).slice(0, 150), join(ROOT, 'README.md'), ...markdownFiles(join(ROOT, 'docs'))];

describe('parsing real Markdown block by block', () => {
  it('reads enough files, enough of them split into blocks, to mean something', () => {
    expect(REAL_MARKDOWN.length).toBeGreaterThan(150);
    // Most real files hold a construct that reaches across blocks (a link reference definition,
    // a fence around blank lines) and are parsed whole, as the fast path is meant to; the
    // differential tests the split only on the others, so there must be enough of those.
    const split = REAL_MARKDOWN.filter((path) => {
      const text = readFileSync(path, 'utf8');
      let isWhole = false;
      parseByBlocks(text, (part, isDocumentStart) => {
        isWhole ||= part === text;
        return markdownParser(part, isDocumentStart).parse(part);
      });
      return !isWhole;
    });
    console.log(`real Markdown: ${REAL_MARKDOWN.length} files compared, ${split.length} of them split into blocks`);
    expect(split.length).toBeGreaterThanOrEqual(20);
  });

  it.each(REAL_MARKDOWN.map((path) => relative(ROOT, path)))('gives the tree of parsing the whole of %s', (path) => {
    const text = readFileSync(join(ROOT, path), 'utf8');
    expect(parseMarkdown(text)).toEqual(withGfm.parse(text));
  });
});
