import { licenseExpired } from './license-expired.js';
import { licenseNotYetValid } from './license-not-yet-valid.js';
import { missingAttribution } from './missing-attribution.js';
import { retentionExceeded } from './retention-exceeded.js';
import type { Rule } from './rule.js';
import { unknownNotice } from './unknown-notice.js';
import { unlicensedContent } from './unlicensed-content.js';

/** The rules that judge a page's content, sorted by id. */
export const RULES: readonly Rule[] = [
  licenseExpired,
  licenseNotYetValid,
  missingAttribution,
  retentionExceeded,
  unknownNotice,
  unlicensedContent,
];
