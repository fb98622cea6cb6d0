import { addDuration } from '../policy/dates.js';
import { coveredKinds } from './covered-kinds.js';
import type { Rule } from './rule.js';

/** Licensed content kept online past the retention period its licence allows. */
export const retentionExceeded: Rule = {
  id: 'retention-exceeded',
  description: 'A page kept online longer after publication than its licence allows.',
  defaultSeverity: 'warning',
  check(context) {
    const published = context.page.published?.date;
    if (!published) return [];
    return coveredKinds(context, published).flatMap(({ detection, kind, license, evidence, primary }) => {
      if (!license.retention) return [];
      const takedown = addDuration(published, license.retention);
      if (takedown >= context.asOf) return [];
      return [{
        message: `Licence \`${license.id}\` allows ${license.retention} online; published ${published}, due down on ${takedown}`,
        start: primary.start,
        end: primary.end,
        holder: detection.holder,
        kinds: [kind],
        license: license.id,
        evidence,
        expected: `offline by ${takedown}`,
      }];
    });
  },
};
