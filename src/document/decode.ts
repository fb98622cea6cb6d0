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
 * UTF-16 read as UTF-8), then UTF-8 where the bytes are valid UTF-8, else windows-1252.
 */
export function decodePage(bytes: Uint8Array, declared?: string): { text: string; encoding: string } {
  for (const [bom, encoding] of BOMS) {
    if (bom.every((b, i) => bytes[i] === b)) {
      return { text: new TextDecoder(encoding).decode(bytes), encoding };
    }
  }
  const label = declared ?? prescanEncoding(bytes.subarray(0, PRESCAN_BYTES));
  if (label) {
    try {
      const decoder = new TextDecoder(label);
      return { text: decoder.decode(bytes), encoding: decoder.encoding };
    } catch {
      // An unknown label falls through to detection, as browsers ignore it.
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}
