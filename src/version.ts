import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './package-root.js';

/** rightslint's version, from its package.json. */
export const VERSION = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * What the running code is, beside its version: the build's hash of its code (written beside it by
 * the build), or none where it runs from its sources. Results cached by another build of the same
 * version (an install from a git commit) are not taken for this one's.
 */
export const BUILD_ID = (() => {
  try {
    return readFileSync(new URL('./build-id', import.meta.url), 'utf8').trim();
  } catch {
    return 'sources';
  }
})();
