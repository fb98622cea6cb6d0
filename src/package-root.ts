import { fileURLToPath } from 'node:url';

/**
 * The folder of rightslint's package.json. This file sits one level below it both as a source
 * (src/) and bundled into the built code (dist/), so shipped files are found from here either way.
 */
export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A built entry point a worker thread runs (`worker.js`): the built code's, even where tests import the sources. */
export function builtEntry(name: string): URL {
  return new URL(import.meta.url.endsWith('.ts') ? `../dist/${name}` : `./${name}`, import.meta.url);
}
