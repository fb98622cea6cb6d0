// Company-form words that do not tell owners apart ("Reuters Ltd" is "Reuters").
const LEGAL_FORMS = /\b(?:ltd|limited|inc|llc|plc|gmbh|ag|sa|s\.a|srl|corp|corporation|co|company|group|the)\b\.?/g;

/** An owner's name reduced for comparison: lower case, no company forms, no punctuation. */
export function normaliseOwner(name: string): string {
  return name.toLowerCase().replace(LEGAL_FORMS, ' ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Whether two normalised names are one owner: equal, or one is the other's leading words
 * ("tideline" and "tideline daily"; not "reuters" and "thomson reuters").
 */
export function isSameOwner(a: string, b: string): boolean {
  if (a === '' || b === '') return false;
  return a === b || a.startsWith(`${b} `) || b.startsWith(`${a} `);
}
