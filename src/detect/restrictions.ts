/**
 * Usage restrictions that wire photo captions carry in capitals (the agencies' caption style:
 * "EDITORIAL USE ONLY. NO SALES. MANDATORY CREDIT"), with the forms dpa and EFE use. They are
 * recorded with the evidence so that a rights clerk sees them beside the credit.
 */
const RESTRICTIONS: ReadonlyArray<[label: string, pattern: RegExp]> = [
  ['EDITORIAL USE ONLY', /\b(?:(?:for |strictly )?editorial use only|restricted to editorial use|nur (?:zur|für) (?:die )?redaktionellen? (?:verwendung|nutzung)|solo (?:para )?uso editorial|usage éditorial uniquement)\b/i],
  ['MANDATORY CREDIT', /\bmandatory credit\b|\bobligatorische? (?:quellenangabe|bildnachweis)\b|\bcrédito obligatorio\b/i],
  ['NO ARCHIVING', /\bno archiv(?:ing|es?)\b/i],
  ['NO SALES', /\bno (?:re)?sales\b|\bno third[- ]party sales\b/i],
  ['NO MARKETING', /\bno (?:marketing|advertising)\b/i],
  ['NO BOOKS', /\bno books\b/i],
];

/** The restrictions a region's text states, by their usual labels, in the order above. */
export function findRestrictions(text: string): string[] {
  return RESTRICTIONS.filter(([, pattern]) => pattern.test(text)).map(([label]) => label);
}
