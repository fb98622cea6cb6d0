import type { ContentKind } from '../catalogue/schema.js';
import { encodingFor } from './read.js';
import { readTarget } from './target.js';
import type { Policy } from '../config/policy.js';
import { detectHolders } from '../detect/holders.js';
import { firstPartyHolders } from '../detect/publisher.js';
import { findEvidence } from '../detect/signals.js';
import { decodePage } from '../document/decode.js';
import { readPage } from '../document/page.js';
import { findTargets } from '../workspace/files.js';
import { today } from '../policy/dates.js';

/** One holder's content across the site: what a starter licence for it should grant, and from when. */
export interface HolderSurvey {
  pages: number;
  kinds: Set<ContentKind>;
  /** The holder's earliest dated page: a licence must have begun by then to cover it. */
  earliest?: { date: string; path: string };
}

/** What `init` learns from the pages: the holders on them, and the names the site publishes under. */
export interface SiteSurvey {
  pages: number;
  holders: Map<string, HolderSurvey>;
  /** Each publisher name (`og:site_name`, JSON-LD `publisher` ...) and the number of pages giving it. */
  publishers: Map<string, number>;
}

/**
 * Reads every page the policy includes for the facts `init` proposes a policy from. Facts only:
 * no rule judges the pages, so one parse gives holders, dates and publishers alike. A page that
 * cannot be read is left out, as it proves nothing about licences.
 */
export async function surveySite(folder: string, policy: Policy, displayPath: (absolute: string) => string): Promise<SiteSurvey> {
  const survey: SiteSurvey = { pages: 0, holders: new Map(), publishers: new Map() };
  const run = { policy, asOf: today(), displayPath };
  for (const target of await findTargets([folder], policy, folder, { allowEmpty: true })) {
    const read = readTarget(target, run);
    if (!('file' in read)) continue;
    try {
      const { path, policyPath, bytes } = read.file;
      const page = await readPage(path, decodePage(bytes, encodingFor(policy, policyPath)).text);
      survey.pages++;
      for (const name of new Set(page.publisherNames.map((name) => name.replace(/\s+/g, ' ').trim()).filter(Boolean))) {
        survey.publishers.set(name, (survey.publishers.get(name) ?? 0) + 1);
      }
      const firstParty = firstPartyHolders(page.publisherNames, policy.catalogue);
      for (const detection of detectHolders(findEvidence(page, policy.catalogue), firstParty)) {
        // The publisher's own marks on its own page need no licence.
        if (detection.isFirstParty) continue;
        const entry = survey.holders.get(detection.holder) ?? { pages: 0, kinds: new Set<ContentKind>() };
        entry.pages++;
        for (const kind of detection.kinds) entry.kinds.add(kind);
        const date = page.published?.date;
        if (date && (!entry.earliest || date < entry.earliest.date)) entry.earliest = { date, path: policyPath.replace(/\p{Cc}/gu, '?') };
        survey.holders.set(detection.holder, entry);
      }
    } catch {
      // A page that fails to parse is reported by `check`; here it only goes uncounted.
    }
  }
  return survey;
}
