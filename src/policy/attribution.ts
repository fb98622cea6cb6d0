import type { Region } from '../document/region.js';

/**
 * Whether the page shows the credit a licence asks for. Plain text is found case- and
 * whitespace-insensitively in any region; `/pattern/flags` is a regular expression.
 */
export function showsAttribution(regions: readonly Region[], attribution: string): boolean {
  const pattern = toPattern(attribution);
  return regions.some((region) => pattern.test(region.text));
}

/** The attribution as a regular expression (plain text is escaped and made space-tolerant). */
export function toPattern(attribution: string): RegExp {
  const literal = /^\/(.+)\/([a-z]*)$/s.exec(attribution);
  if (literal) return new RegExp(literal[1] as string, (literal[2] as string).replace(/[gy]/g, '') + 'u');
  const words = attribution.trim().split(/\s+/).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(words.join('\\s+'), 'iu');
}
