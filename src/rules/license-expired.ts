import { lapsedContent } from './lapsed-content.js';
import type { Rule } from './rule.js';
import { ruleMeta } from './meta.js';

/** Holder content granted by licences for this path, published after the last of them ended. */
export const licenseExpired: Rule = {
  ...ruleMeta('license-expired'),
  check(context) {
    return lapsedContent(context, 'ended', (license, window, date) => `Licence \`${license.id}\` runs from ${window}, but the page is dated ${date}`);
  },
};
