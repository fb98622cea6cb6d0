// Characters that change no word a reader sees, folded as regions read them: format characters
// that hide in a word (a soft hyphen, a zero-width space, a word joiner: "Reu&shy;ters"), which go;
// full-width Latin letters, in which Japanese and Chinese text sets agencies' names ("ＡＦＰ"),
// which become ASCII ones (full-width brackets stay: the catalogue's patterns for those scripts
// are written with them); and the other dashes (hyphen, figure dash, horizontal bar, minus sign,
// small and full-width forms), which become the hyphen-minus or the em dash that the catalogue's
// patterns are written with ("PARIS (AFP) ―").

/** The characters folded. */
export const FOLDED = /[\u00AD\u200B\u2060\uFF21-\uFF3A\uFF41-\uFF5A\u2010-\u2012\u2015\u2212\uFE58\uFE63\uFF0D]/;
const ALL_FOLDED = new RegExp(FOLDED.source, 'g');

/** What the character with this code reads as (none: `''`), or undefined where it is not folded. */
export function foldedCode(code: number): string | undefined {
  if (code < 0xad) return undefined;
  if (code === 0x00ad || code === 0x200b || code === 0x2060) return '';
  if ((code >= 0x2010 && code <= 0x2012) || code === 0x2212 || code === 0xfe63 || code === 0xff0d) return '-';
  if (code === 0x2015 || code === 0xfe58) return '—';
  return (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a) ? String.fromCharCode(code - 0xfee0) : undefined;
}

/** A text with its characters folded (a raw text that no offsets are kept for). */
export function foldCharacters(text: string): string {
  return FOLDED.test(text) ? text.replace(ALL_FOLDED, (char) => foldedCode(char.charCodeAt(0)) as string) : text;
}
