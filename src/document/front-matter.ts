// Front matter: a block opening a page, YAML between `---` lines or TOML between `+++` lines (Hugo's
// default), after a byte order mark if the page kept one. Markdown pages carry it, and so do the
// HTML content files of static-site generators (Hugo, Jekyll), whose pages are HTML after it. Hugo
// also takes a JSON object whose braces stand on lines of their own (see `JSON_FRONT_MATTER`).
export const FRONT_MATTER = /^\uFEFF?(?:---[ \t]*\r?\n(?:[^]*?\r?\n)?---|\+\+\+[ \t]*\r?\n(?:[^]*?\r?\n)?\+\+\+)[ \t]*(?=\r?\n|$)/;

// JSON front matter: "{" alone on the first line, a key on the next, and "}" alone on a line.
const JSON_FRONT_MATTER = /^\uFEFF?\{[ \t]*\r?\n[ \t]*"[^]*?\r?\n\}[ \t]*(?=\r?\n|$)/;

/** A page's front matter: its language, its text between the fences, where that starts, and where the block ends. */
export interface FrontMatter {
  format: 'yaml' | 'toml' | 'json';
  /** The text between the fences; for JSON the whole object, braces and all. */
  text: string;
  start: number;
  end: number;
}

/** The front matter a page opens with, if it does. */
export function frontMatterOf(source: string): FrontMatter | undefined {
  const bom = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (source.startsWith('{', bom)) return jsonFrontMatterOf(source, bom);
  if (!source.startsWith('---', bom) && !source.startsWith('+++', bom)) return undefined;
  const block = FRONT_MATTER.exec(source)?.[0];
  if (block === undefined) return undefined;
  const start = source.indexOf('\n') + 1;
  const end = block.lastIndexOf('\n') + 1;
  return { format: block.startsWith('+', bom) ? 'toml' : 'yaml', text: source.slice(start, Math.max(start, end)), start, end: block.length };
}

/** JSON front matter, only where the block is a JSON object: a page may open with a brace for other reasons. */
function jsonFrontMatterOf(source: string, bom: number): FrontMatter | undefined {
  const block = JSON_FRONT_MATTER.exec(source)?.[0];
  if (block === undefined) return undefined;
  const text = block.slice(bom);
  try {
    if (typeof JSON.parse(text) !== 'object') return undefined;
  } catch {
    return undefined;
  }
  return { format: 'json', text, start: bom, end: block.length };
}

// A line of front matter: a key and its value (`key: value`, `key = value`), a TOML table's
// header, or what YAML and TOML allow between and under them (indented lines, list items, comments,
// blank lines). An HTML page that opens with a `---` line and markup is no front matter.
const FRONT_MATTER_LINE = /^(?:[ \t]|-[ \t]|#|\[|$|["']?[\w.-]+["']?[ \t]*[:=])/;

/**
 * The front matter an HTML page opens with: only where each of its lines is one of front matter
 * (see `FRONT_MATTER_LINE`), as a page of markup between two `---` lines is none; JSON's parses.
 */
export function htmlFrontMatterOf(source: string): FrontMatter | undefined {
  const frontMatter = frontMatterOf(source);
  if (frontMatter?.format === 'json') return frontMatter;
  return frontMatter && frontMatter.text.split(/\r?\n/).every((line) => FRONT_MATTER_LINE.test(line)) ? frontMatter : undefined;
}

/** A page with its front matter blanked out, every character but line ends a space, so offsets hold. */
export function withoutFrontMatter(source: string, frontMatter: FrontMatter): string {
  return source.slice(0, frontMatter.end).replace(/[^\n]/g, ' ') + source.slice(frontMatter.end);
}
