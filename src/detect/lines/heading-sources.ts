import { namesList } from './parts.js';
import { hitsOf, type Shape } from './shape.js';

// The source a heading gives the story or the wire copy under it: a portal's headline with its
// agency in brackets ("Copper strike ends (Reuters)"), a wire section's heading ("Le fil AFP",
// "dpa-Nachrichten").

// A headline that names its story's agency after it in brackets, as portals set the stories they
// take from the wires: "Copper strike ends (Reuters)". A two-letter name there is a place's more
// often ("Erie (PA)").
const SOURCE_AFTER_HEADLINE = /\S\s+\(([^()]{3,40})\)$/u;

/** The agencies a headline names in brackets after it, as its story's source. */
export const sourceAfterHeadline: Shape = (region, { catalogue }) => {
  const match = SOURCE_AFTER_HEADLINE.exec(region.text);
  if (!match?.[1]) return [];
  const start = region.text.length - match[1].length - 1;
  return hitsOf(namesList(region.text, start, start + match[1].length, catalogue) ?? [], 'source-line', 'trailer', 'text');
};

// The heading of a page or box of an agency's wire copy: "Le fil AFP", "Dépêches AFP", "Últimas
// da Reuters", "Ultim'ora ANSA", "dpa-Nachrichten", "AP National Wire", "Reuters News".
const WIRE_SECTION = /^(?:(?:le |les )?fil(?: info)?|(?:les )?dépêches|últimas(?: noticias)?(?: d[aeo]s?| del?)?|ultim['’]ora|notizie|nachrichten|meldungen|newsticker|ticker|noticias|latest(?: news)?(?: from)?|wire(?: stories)?)(?:\s+(?:de|d[aeo]s?|del|from|von|der))?\s*(?:[-–—:]\s*)?(?:l['’]\s*)?(?<after>[^\s].{1,40})$|^(?<before>.{2,40}?)(?:\s*[-–—]\s*|\s+|-)(?:nachrichten|meldungen|newsticker|ticker|news|wire|national wire|world wire|nieuws|notizie|noticias)$/iu;
/** How long the block under a wire section's heading must be: an item's line, not a label. */
const MIN_WIRE_ITEM = 20;

/**
 * The agency a heading names as the source of the wire copy under it, where an item's text follows
 * it (not a box of headlines that link elsewhere): a wire list's page, a portal's ticker.
 */
export const wireSection: Shape = (region, { catalogue, next }) => {
  const match = WIRE_SECTION.exec(region.text);
  const name = match?.groups?.after ?? match?.groups?.before;
  if (!match || name === undefined || !next || next.kind !== 'body' || next.isLink || next.isAside || region.isAside || next.text.length < MIN_WIRE_ITEM) return [];
  const start = match.groups?.after === undefined ? 0 : region.text.length - name.length;
  return hitsOf(namesList(region.text, start, start + name.length, catalogue) ?? [], 'source-line', 'trailer', 'text');
};
