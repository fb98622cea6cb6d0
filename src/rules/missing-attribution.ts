import { showsAttribution } from '../policy/attribution.js';
import { coveredKinds, reportOn } from './covered-kinds.js';
import type { Rule } from './rule.js';
import { ruleMeta } from './meta.js';

/** Licensed content whose licence asks for a credit or notice that the page does not show. */
export const missingAttribution: Rule = {
  ...ruleMeta('missing-attribution'),
  check(context) {
    return coveredKinds(context, context.date).flatMap((covered) => {
      const { id, attribution } = covered.license;
      if (!attribution || showsAttribution(context.page.regions, attribution)) return [];
      return [reportOn(covered, `Licence \`${id}\` requires the attribution "${attribution}", which the page does not show`, attribution)];
    });
  },
};
