import { addDuration } from '../policy/dates.js';
import { coveredKinds, reportOn } from './covered-kinds.js';
import type { Rule } from './rule.js';
import { ruleMeta } from './meta.js';

/** Licensed content kept online past the retention period its licence allows. */
export const retentionExceeded: Rule = {
  ...ruleMeta('retention-exceeded'),
  check(context) {
    const published = context.page.published?.date;
    if (!published) return [];
    return coveredKinds(context, published).flatMap((covered) => {
      const { id, retention } = covered.license;
      if (!retention) return [];
      const takedown = addDuration(published, retention);
      if (takedown >= context.asOf) return [];
      return [reportOn(covered, `Licence \`${id}\` allows ${retention} online; published ${published}, due down on ${takedown}`, `offline by ${takedown}`)];
    });
  },
};
