import type { ContentKind, SignalType } from '../catalogue/schema.js';
import type { Region } from '../document/region.js';

/** A fact found on a page: this text, at this place, shows content of this holder and kind. */
export interface Evidence {
  holder: string;
  /** `holder/signal-id` in the catalogue. */
  signal: string;
  type: SignalType;
  kind: ContentKind;
  strength: 'strong' | 'weak';
  region: Region['kind'];
  field?: string;
  text: string;
  /** Source offsets of the matched text. */
  start: number;
  end: number;
  /** Found in page furniture (a teaser, a related rail, a gallery), not in the page's own content. */
  aside?: true;
  /** Usage restrictions stated beside a credit ("EDITORIAL USE ONLY", "NO ARCHIVING"). */
  restrictions?: string[];
}

/** A holder found on a page, with the content kinds its evidence proves. */
export interface HolderDetection {
  holder: string;
  kinds: ContentKind[];
  evidence: Evidence[];
  /** The holder publishes the page itself (see publisher.ts): its own content, not reuse. */
  isFirstParty?: true;
  /** Every piece of the holder's evidence stands in page furniture: teasers, rails, galleries. */
  isAside?: true;
}
