// Front matter: a block opening a page, YAML between `---` lines or TOML between `+++` lines (Hugo's
// default). Markdown pages carry it, and so do the HTML content files of static-site generators
// (Hugo, Jekyll), whose pages are HTML after it.
export const FRONT_MATTER = /^(?:---[ \t]*\r?\n(?:[^]*?\r?\n)?---|\+\+\+[ \t]*\r?\n(?:[^]*?\r?\n)?\+\+\+)[ \t]*(?=\r?\n|$)/;

/** A page's front matter: its language, its text between the fences, where that starts, and where the block ends. */
export interface FrontMatter {
  format: 'yaml' | 'toml';
  text: string;
  start: number;
  end: number;
}

/** The front matter a page opens with, if it does. */
export function frontMatterOf(source: string): FrontMatter | undefined {
  if (!source.startsWith('---') && !source.startsWith('+++')) return undefined;
  const block = FRONT_MATTER.exec(source)?.[0];
  if (block === undefined) return undefined;
  const start = source.indexOf('\n') + 1;
  const end = block.lastIndexOf('\n') + 1;
  return { format: block.startsWith('+') ? 'toml' : 'yaml', text: source.slice(start, Math.max(start, end)), start, end: block.length };
}

/** The page with its front matter blanked out, every character but line ends a space, so offsets hold. */
export function withoutFrontMatter(source: string): string {
  const frontMatter = frontMatterOf(source);
  return frontMatter ? source.slice(0, frontMatter.end).replace(/[^\n]/g, ' ') + source.slice(frontMatter.end) : source;
}
