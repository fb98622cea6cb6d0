import type { Catalogue } from '../catalogue/compile.js';
import { holdersNamed } from '../catalogue/credit-names.js';

// Words an expansion skips when its initials are read: "Armed Forces of the Philippines" is AFP.
const SKIPPED = new Set(['of', 'the', 'for', 'and', 'on', 'in', 'to', 'at', '&', 'de', 'des', 'du', 'la', 'le', 'les', 'del', 'di', 'da', 'do', 'dos', 'das', 'der', 'die', 'und', 'für', 'y', 'e', 'et']);
// An abbreviation: two to six capital letters.
const ABBREVIATION = /^\p{Lu}{2,6}$/u;
/** How far before the brackets the words of an expansion are looked for. */
const EXPANSION_REACH = 100;

/**
 * Whether the name from `from` to `to` in a text stands in brackets right after the words it
 * abbreviates, defining a term of the page: "Armed Forces of the Philippines (AFP)", "Associated
 * Press of Pakistan (APP)", "Saudi Pro League (SPL)". Where those words are one of the holder's
 * own names ("Agence France-Presse (AFP)"), the brackets name the agency, and it is no term.
 */
export function definesTerm(text: string, from: number, to: number, holder: string, catalogue: Catalogue): boolean {
  // The name inside the match: a signal's match may take the brackets in.
  while (from < to && /[\s(]/.test(text[from] as string)) from++;
  while (to > from && /[\s)]/.test(text[to - 1] as string)) to--;
  const name = text.slice(from, to);
  if (!ABBREVIATION.test(name) || !/\(\s*$/.test(text.slice(Math.max(0, from - 3), from)) || !/^\s*\)/.test(text.slice(to, to + 3))) return false;
  const words = text.slice(Math.max(0, from - EXPANSION_REACH), text.lastIndexOf('(', from)).trimEnd();
  // A sentence that ends before the brackets is no term's name: "... the Antarctic Peninsula. (AP)".
  if (/[.!?:;,]$/.test(words)) return false;
  const before = words.split(/\s+/);
  let rest = name;
  let first = before.length;
  for (let i = before.length - 1; i >= 0 && rest !== ''; i--) {
    const word = before[i] as string;
    if (SKIPPED.has(word.toLowerCase()) && i < before.length - 1) continue;
    if (!/^\p{Lu}/u.test(word)) return false;
    // A hyphenated word gives each part's initial ("France-Presse"), or its first alone.
    const initials = word.split('-').map((part) => part.charAt(0).toUpperCase()).join('');
    if (rest.endsWith(initials)) rest = rest.slice(0, -initials.length);
    else if (rest.endsWith(word.charAt(0))) rest = rest.slice(0, -1);
    else return false;
    first = i;
  }
  const expansion = before.slice(first);
  // Two letters are a person's initials as often ("Peter Allen (PA)"): three words or more spell a term.
  if (name.length === 2 && expansion.length < 3) return false;
  return rest === '' && !holdersNamed(expansion.join(' '), catalogue.creditNames, 'any').includes(holder);
}
