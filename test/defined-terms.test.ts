import { describe, expect, it } from 'vitest';
import { compileCatalogue } from '../src/catalogue/compile.js';
import { BUILTIN_HOLDERS, loadHolders } from '../src/config/load-holders.js';
import { definesTerm } from '../src/detect/defined-terms.js';

const catalogue = compileCatalogue(await loadHolders([BUILTIN_HOLDERS], process.cwd()));
/** Whether the first `name` in `text` (its brackets taken in or not) defines a term, as `holder`'s. */
const defines = (text: string, name: string, holder: string) => {
  const from = text.indexOf(name);
  return definesTerm(text, from, from + name.length, holder, catalogue);
};

describe('abbreviations that define a term', () => {
  it('reads the initials of the words right before the brackets, skipping small words', () => {
    expect(defines('Armed Forces of the Philippines (AFP) chief', 'AFP', 'afp')).toBe(true);
    expect(defines('Armed Forces of the Philippines (AFP) chief', '(AFP)', 'afp')).toBe(true);
    expect(defines('the Saudi Pro League (SPL) final', 'SPL', 'spl')).toBe(true);
    expect(defines('Istituto di Ricerca Sociale (IRS)', 'IRS', 'irs')).toBe(true);
  });

  it('is no term where the words are the agency\'s own name, do not spell it, or stand apart from it', () => {
    expect(defines('Photo: Agence France-Presse (AFP)', 'AFP', 'afp')).toBe(false);
    expect(defines('MANILA (AFP) - Rescue teams', 'AFP', 'afp')).toBe(false);
    expect(defines('Rescue teams in Manila (AFP)', 'AFP', 'afp')).toBe(false);
    expect(defines('Armed Forces of the Philippines AFP', 'AFP', 'afp')).toBe(false);
    expect(defines('Armed Forces of the Philippines (afp)', 'afp', 'afp')).toBe(false);
    // A sentence that ends before the brackets: a sign-off; two letters after two words: initials.
    expect(defines('Ice shelves are thinning across the Antarctic Peninsula. (AP)', 'AP', 'ap')).toBe(false);
    expect(defines('Fans at the final. Photo by Peter Allen (PA)', 'PA', 'pa')).toBe(false);
  });
});
