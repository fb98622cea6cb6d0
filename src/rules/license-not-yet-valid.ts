import { lapsedContent } from './lapsed-content.js';
import type { Rule } from './rule.js';
import { ruleMeta } from './meta.js';

/**
 * Holder content granted by licences for this path, published before any of them began. Kept
 * apart from `license-expired`: a licence not yet in force has not expired, and the fix differs
 * (an earlier contract, or a `from` set to the day the policy was written rather than the day
 * the contract began).
 */
export const licenseNotYetValid: Rule = {
  ...ruleMeta('license-not-yet-valid'),
  check(context) {
    return lapsedContent(context, 'not-begun', (license, window, date) => `Licence \`${license.id}\` runs from ${window}, but the page is dated ${date}, before it began`);
  },
};
