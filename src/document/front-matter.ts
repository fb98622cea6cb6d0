// YAML front matter: a block between `---` lines opening a page. Markdown pages carry it, and so
// do the HTML content files of static-site generators (Hugo, Jekyll), whose pages are HTML after it.
export const FRONT_MATTER = /^---[ \t]*\r?\n(?:[^]*?\r?\n)?---[ \t]*(?=\r?\n|$)/;

/** Where the YAML of a page's front matter stands (between its `---` lines), if the page opens with one. */
export function frontMatterOf(source: string): { yaml: string; start: number; end: number } | undefined {
  if (!source.startsWith('---')) return undefined;
  const block = FRONT_MATTER.exec(source)?.[0];
  if (block === undefined) return undefined;
  const start = source.indexOf('\n') + 1;
  const end = block.lastIndexOf('\n') + 1;
  return { yaml: source.slice(start, end), start, end: block.length };
}

/** The page with its front matter blanked out, every character but line ends a space, so offsets hold. */
export function withoutFrontMatter(source: string): string {
  const frontMatter = frontMatterOf(source);
  return frontMatter ? source.slice(0, frontMatter.end).replace(/[^\n]/g, ' ') + source.slice(frontMatter.end) : source;
}
