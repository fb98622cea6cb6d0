// Whether a doctype puts a page in quirks mode (13.2.6.4.1, the "initial" insertion mode). For the
// region reader it matters in one place: in quirks mode a table opened in a paragraph stays in it.

/** Public identifiers that begin so leave the page out of quirks mode (none is on the standard's quirks list). */
const NOT_QUIRKS = [
  '-//w3c//dtd xhtml 1.0 strict//', '-//w3c//dtd xhtml 1.0 transitional//', '-//w3c//dtd xhtml 1.0 frameset//',
  '-//w3c//dtd xhtml 1.1//', '-//w3c//dtd xhtml+rdfa 1.', '-//w3c//dtd xhtml basic 1.', '-//wapforum//dtd xhtml mobile 1.',
  '-//w3c//dtd html 4.01//',
];
/** Public identifiers that begin so put the page in quirks mode, from the standard's list: those old pages use most. */
const QUIRKS = [
  '-//w3c//dtd html 4.0 transitional//', '-//w3c//dtd html 4.0 frameset//', '-//w3c//dtd html 3.2//', '-//w3c//dtd html 3.2 final//',
  '-//w3c//dtd html 3.2 draft//', '-//ietf//dtd html//', '-//ietf//dtd html 2.0//',
];
/** HTML 4.01 Transitional and Frameset are quirks without a system identifier, limited quirks (no quirks for tables) with one. */
const WITHOUT_SYSTEM_ID = ['-//w3c//dtd html 4.01 transitional//', '-//w3c//dtd html 4.01 frameset//'];

const DOCTYPE = /^<!doctype\s+([^\s>]+)(?:\s+(public|system)\s*(?:"([^"]*)"|'([^']*)')(?:\s*(?:"([^"]*)"|'([^']*)'))?)?\s*>$/i;

/**
 * Whether the doctype (`<!DOCTYPE ...>` as it stands in the page) puts the page in quirks mode;
 * undefined where the doctype is not one of the usual ones this knows, or is written in a way the
 * tokenizer reads with rules of its own (then the tree builder leaves a table in a paragraph to parse5).
 */
export function isQuirksDoctype(doctype: string): boolean | undefined {
  const match = DOCTYPE.exec(doctype);
  if (!match) return undefined;
  if ((match[1] as string).toLowerCase() !== 'html') return true;
  const keyword = match[2]?.toLowerCase();
  if (keyword === undefined) return false;
  const first = (match[3] ?? match[4] ?? '').toLowerCase();
  const second = match[5] ?? match[6];
  const [publicId, systemId] = keyword === 'public' ? [first, second?.toLowerCase()] : [undefined, first];
  if (systemId === 'http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd') return true;
  // SYSTEM takes one identifier: a second one the tokenizer reads as a bogus doctype's rest.
  if (publicId === undefined) return second === undefined && systemId !== undefined ? false : undefined;
  if (WITHOUT_SYSTEM_ID.some((prefix) => publicId.startsWith(prefix))) return systemId === undefined;
  if (QUIRKS.some((prefix) => publicId.startsWith(prefix))) return true;
  if (NOT_QUIRKS.some((prefix) => publicId.startsWith(prefix))) return false;
  return undefined;
}
