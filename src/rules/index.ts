import { invalidSuppression, unusedSuppression } from '../suppress/rules.js';
import { licenseExpired } from './license-expired.js';
import { licenseNotYetValid } from './license-not-yet-valid.js';
import { missingAttribution } from './missing-attribution.js';
import { retentionExceeded } from './retention-exceeded.js';
import type { Rule, RuleMeta } from './rule.js';
import { unknownNotice } from './unknown-notice.js';
import { unlicensedContent } from './unlicensed-content.js';
import { unscannableFile } from './unscannable-file.js';

/** The rules that judge a page's content, sorted by id. */
export const RULES: readonly Rule[] = [
  licenseExpired,
  licenseNotYetValid,
  missingAttribution,
  retentionExceeded,
  unknownNotice,
  unlicensedContent,
];

/** Every rule id a policy, a suppression or a report may name: content, directive and file rules, sorted. */
export const ALL_RULES: readonly RuleMeta[] = [...RULES, invalidSuppression, unusedSuppression, unscannableFile].sort((a, b) => a.id.localeCompare(b.id));
