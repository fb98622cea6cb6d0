import { licenseExpired } from './license-expired.js';
import { missingAttribution } from './missing-attribution.js';
import { retentionExceeded } from './retention-exceeded.js';
import type { Rule } from './rule.js';
import { unknownNotice } from './unknown-notice.js';
import { unlicensedContent } from './unlicensed-content.js';

/** Every rule, sorted by id. */
export const RULES: readonly Rule[] = [
  licenseExpired,
  missingAttribution,
  retentionExceeded,
  unknownNotice,
  unlicensedContent,
];
