const BOMS: Array<[number[], string]> = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];
// The prescan of the HTML standard looks for a charset declaration in the first 1024 bytes.
const PRESCAN_BYTES = 1024;
const CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i;

/**
 * Decodes a page's bytes as a browser would: a byte order mark first, then a `<meta charset>`
 * or `http-equiv` declaration, then UTF-8 where the bytes are valid UTF-8, else windows-1252.
 */
export function decodePage(bytes: Uint8Array, declared?: string): { text: string; encoding: string } {
  for (const [bom, encoding] of BOMS) {
    if (bom.every((b, i) => bytes[i] === b)) {
      return { text: new TextDecoder(encoding).decode(bytes), encoding };
    }
  }
  const label = declared ?? sniffCharset(bytes);
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

function sniffCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, PRESCAN_BYTES));
  return CHARSET.exec(head)?.[1];
}
