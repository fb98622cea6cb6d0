import { lapsedContent } from './lapsed-content.js';
import type { Rule } from './rule.js';

/** Holder content granted by licences for this path, published after the last of them ended. */
export const licenseExpired: Rule = {
  id: 'license-expired',
  description: 'A page published after the licences that cover its agency content ended.',
  defaultSeverity: 'error',
  check(context) {
    return lapsedContent(context, 'ended', (license, window, date) => `Licence \`${license.id}\` runs from ${window}, but the page is dated ${date}`);
  },
};
