// What a page is read as, told from its name alone: the engine decides where to check a page by
// it before anything of the page reader is loaded.

export type PageFormat = 'html' | 'markdown';

const MARKDOWN_EXTENSIONS = /\.(?:md|markdown|mdx|mdown|mkd)$/i;

/** The format a file is read as, from its name. */
export function formatOf(path: string): PageFormat {
  return MARKDOWN_EXTENSIONS.test(path) ? 'markdown' : 'html';
}
