import chardet from 'chardet';
import { primaryLanguage } from './facts.js';
import { prescanEncoding } from './prescan.js';

const BOMS: Array<[number[], string]> = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];
// The HTML standard encourages prescanning the first 1024 bytes only, as browsers do.
const PRESCAN_BYTES = 1024;

/**
 * Decodes a page's bytes as a browser would: a byte order mark first, then the encoding declared
 * outside the page (the policy's, or the one the page was sent in),
 * then what the HTML standard's prescan finds declared (a `<meta>` outside comments; a declared
 * UTF-16 read as UTF-8), then UTF-8 where the bytes are valid UTF-8. Bytes that are not are
 * read by a declaration further on, as a parser that meets one changes to it, else by what they
 * look like (chardet, as browsers detect an undeclared page's encoding), else as windows-1252.
 */
export function decodePage(bytes: Uint8Array, declared?: string): { text: string; encoding: string } {
  const decoded = decodeBytes(bytes, declared);
  return decoded.encoding === 'windows-1252' ? { text: withWindows1252Controls(decoded.text), encoding: decoded.encoding } : decoded;
}

// The characters windows-1252 puts at bytes 0x80-0x9F, where ISO-8859-1 has control codes (the
// five bytes it leaves unassigned stay as they are). Node 20's TextDecoder decodes windows-1252
// (and the labels the standard maps to it: latin1, iso-8859-1, ascii) as ISO-8859-1, so that
// "PARIS (AFP) —" in a page of that age reads "PARIS (AFP) \u0097".
const WINDOWS_1252 = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8DŽ\x8F\x90‘’“”•–—˜™š›œ\x9DžŸ';
const C1_CONTROL = /[\x80-\x9F]/;
const C1_CONTROLS = /[\x80-\x9F]/g;

function withWindows1252Controls(text: string): string {
  return C1_CONTROL.test(text) ? text.replace(C1_CONTROLS, (control) => WINDOWS_1252.charAt(control.charCodeAt(0) - 0x80)) : text;
}

function decodeBytes(bytes: Uint8Array, declared?: string): { text: string; encoding: string } {
  for (const [bom, encoding] of BOMS) {
    if (bom.every((b, i) => bytes[i] === b)) {
      return { text: new TextDecoder(encoding).decode(bytes), encoding };
    }
  }
  // An unknown label falls through to detection, as browsers ignore it.
  const label = declared ?? prescanEncoding(bytes.subarray(0, PRESCAN_BYTES));
  const asDeclared = label === undefined ? undefined : decodeAs(label, bytes);
  if (asDeclared) return asDeclared;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const late = bytes.length > PRESCAN_BYTES ? prescanEncoding(bytes) : undefined;
    return (late === undefined ? undefined : decodeAs(late, bytes)) ?? decodeAs(detectedEncoding(bytes), bytes) ?? { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/**
 * The encoding chardet finds the bytes most like, but for UTF-16 and UTF-32, which browsers never
 * guess without a byte order mark. Where the page says its language (`<html lang="cs">`), an
 * encoding of that language that chardet finds about as likely is taken, as browsers weigh the
 * locale: a short Czech page reads as ISO-8859-1 to chardet as readily as ISO-8859-2.
 */
function detectedEncoding(bytes: Uint8Array): string {
  const candidates = chardet.analyse(bytes).filter((match) => !/^UTF-(?:16|32)/i.test(match.name));
  const [best] = candidates;
  if (!best) return '';
  const lang = primaryLanguage(HTML_LANG.exec(new TextDecoder('latin1').decode(bytes.subarray(0, LANG_BYTES)))?.[1]);
  const ofLang = lang === undefined ? undefined : candidates.find((match) => match.lang === lang && match.confidence >= best.confidence * LANG_MARGIN);
  return (ofLang ?? best).name;
}

const HTML_LANG = /<html\b[^>]*?\slang\s*=\s*["']?([^"'\s>]+)/i;
const LANG_BYTES = 4096;
// How much less likely than the best an encoding of the page's language may be and still be taken.
const LANG_MARGIN = 0.75;

/** The bytes decoded as `label` says, or undefined if TextDecoder knows no such encoding. */
function decodeAs(label: string, bytes: Uint8Array): { text: string; encoding: string } | undefined {
  let decoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    return undefined;
  }
  return { text: decoder.decode(bytes), encoding: decoder.encoding };
}
