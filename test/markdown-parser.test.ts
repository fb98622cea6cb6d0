import fc from 'fast-check';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { markdownParser } from '../src/document/markdown.js';
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
