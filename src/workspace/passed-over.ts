import { extname, relative, sep } from 'node:path';

/** How many paths of one extension a notice names before it counts the rest. */
const NAMED = 3;

/**
 * The notice of a run that passed over files a site may serve as pages (see `PAGE_LIKE` in
 * files.ts) because `include` leaves them out: `.php` pages beside `.html` ones, or `.Html`,
 * which the default patterns spell neither way. A green run says what it did not read, by
 * extension, with the first paths of each (relative to the policy's folder `root`), and how to
 * check them or to pass over them in silence. None when nothing was passed over.
 */
export function passedOverNotice(files: readonly string[], root: string): string[] {
  if (files.length === 0) return [];
  const byExtension = new Map<string, string[]>();
  for (const file of files) {
    // A page saved with its query (`index.php?id=12`) is of its extension's kind.
    const extension = extname(file.replace(/\?[^/]*$/, ''));
    byExtension.set(extension, [...(byExtension.get(extension) ?? []), relative(root, file).split(sep).join('/')]);
  }
  const kinds = [...byExtension].map(([extension, paths]) => {
    const named = paths.slice(0, NAMED).map((path) => `\`${path}\``);
    if (paths.length > NAMED) named.push(`${paths.length - NAMED} more`);
    return `${paths.length} \`${extension}\` (${named.join(', ')})`;
  });
  const count = `${files.length} file${files.length === 1 ? '' : 's'}`;
  return [
    `Passed over ${count} that \`include\` leaves out, of kinds a site may serve as pages: ${kinds.join(', ')}; ` +
      'name them in `include` to check them (read as HTML, or as Markdown by a Markdown extension), or in `exclude` to pass over them without this notice.',
  ];
}
