// Characters that change no word a reader sees, folded as regions read them: format characters
// that hide in a word (a soft hyphen, a zero-width space, a word joiner: "Reu&shy;ters"), which go;
// full-width Latin letters and digits, in which Japanese and Chinese text sets agencies' names and
// a credit's year ("ＡＦＰ", "（２０２４年　ロイター）"), which become ASCII ones (full-width brackets and
// slashes stay: the catalogue's patterns for those scripts are written with them); and the other dashes (hyphen, figure dash, horizontal bar, minus sign,
// small and full-width forms), which become the hyphen-minus or the em dash that the catalogue's
// patterns are written with ("PARIS (AFP) ―"); and the Persian letters kaf and yeh, which become
// the Arabic ones the catalogue's Arabic names are written with ("رویترز" is "رويترز").

// Each fold: the first and last code it takes, and what each reads as: nothing (`''`), a
// character, or the code moved by so many (full-width letters and digits to ASCII ones).
const FOLDS: ReadonlyArray<readonly [number, number, string | number]> = [
  [0x00ad, 0x00ad, ''], [0x200b, 0x200b, ''], [0x2060, 0x2060, ''],
  [0x2010, 0x2012, '-'], [0x2212, 0x2212, '-'], [0xfe63, 0xfe63, '-'], [0xff0d, 0xff0d, '-'],
  [0x2015, 0x2015, '—'], [0xfe58, 0xfe58, '—'],
  [0xff10, 0xff19, -0xfee0], [0xff21, 0xff3a, -0xfee0], [0xff41, 0xff5a, -0xfee0],
  [0x06a9, 0x06a9, '\u0643'], [0x06cc, 0x06cc, '\u064a'],
];
const hex = (code: number): string => `\\u${code.toString(16).padStart(4, '0')}`;

/** The characters folded. */
export const FOLDED = new RegExp(`[${FOLDS.map(([first, last]) => (first === last ? hex(first) : `${hex(first)}-${hex(last)}`)).join('')}]`);
const ALL_FOLDED = new RegExp(FOLDED.source, 'g');

/** What the character with this code reads as (none: `''`), or undefined where it is not folded. */
export function foldedCode(code: number): string | undefined {
  if (code < 0xad) return undefined;
  for (const [first, last, folded] of FOLDS) {
    if (code >= first && code <= last) return typeof folded === 'number' ? String.fromCharCode(code + folded) : folded;
  }
  return undefined;
}

/** A text with its characters folded (a raw text that no offsets are kept for). */
export function foldCharacters(text: string): string {
  return FOLDED.test(text) ? text.replace(ALL_FOLDED, (char) => foldedCode(char.charCodeAt(0)) as string) : text;
}
