import { fileURLToPath } from 'node:url';

/**
 * The folder of rightslint's package.json. This file sits one level below it both as a source
 * (src/) and bundled into the built code (dist/), so shipped files are found from here either way.
 */
export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));
