// What a page is read as, told from its name alone: the engine decides where to check a page by
// it before anything of the page reader is loaded.

export type PageFormat = 'html' | 'markdown';

/** The file extensions of each format's pages. */
// XHTML and server-side-include pages are HTML to a reader of their text; Markdown goes by every
// name editors and site generators give it.
const EXTENSIONS = { html: ['html', 'htm', 'xhtml', 'xht', 'shtml', 'shtm'], markdown: ['md', 'markdown', 'mdx', 'mdown', 'mdwn', 'mkd', 'mkdn', 'mkdown'] } as const;
const MARKDOWN_EXTENSIONS = new RegExp(`\\.(?:${EXTENSIONS.markdown.join('|')})$`, 'i');

/**
 * The pages a policy checks unless its `include` says otherwise: every file of a format the reader
 * knows, its extension in small letters or in capitals (an older site's `INDEX.HTM`).
 */
export const DEFAULT_INCLUDE = `**/*.{${[...EXTENSIONS.html, ...EXTENSIONS.markdown].flatMap((extension) => [extension, extension.toUpperCase()]).join(',')}}`;

/** The format a file is read as, from its name. */
export function formatOf(path: string): PageFormat {
  return MARKDOWN_EXTENSIONS.test(path) ? 'markdown' : 'html';
}
