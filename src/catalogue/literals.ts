import { type AST, RegExpParser } from '@eslint-community/regexpp';

const parser = new RegExpParser({ ecmaVersion: 2024 });
/** Literals shorter than this say too little to be worth looking for. */
const MIN_LITERAL = 2;

/**
 * Lower-case strings of which every match of the pattern contains at least one, or undefined
 * when none can be named (the pattern is all classes and wildcards). This is the "required
 * literal" analysis that grep-like tools use to skip text that cannot match: a page or region
 * holding none of a signal's literals need not be searched with it.
 */
export function requiredLiterals(source: string, flags = 'u'): string[] | undefined {
  const pattern = parser.parsePattern(source, 0, source.length, { unicode: flags.includes('u') });
  return ofAlternatives(pattern.alternatives);
}

function ofAlternatives(alternatives: readonly AST.Alternative[]): string[] | undefined {
  const union = new Set<string>();
  for (const alternative of alternatives) {
    const literals = ofSequence(alternative.elements);
    if (!literals) return undefined;
    for (const literal of literals) union.add(literal);
  }
  return [...union];
}

/** The best requirement of a sequence: its run of plain characters or a required group with the longest shortest literal. */
function ofSequence(elements: readonly AST.Element[]): string[] | undefined {
  const candidates: string[][] = [];
  let run = '';
  const endRun = (): void => {
    if (run.length >= MIN_LITERAL) candidates.push([run]);
    run = '';
  };
  const visit = (list: readonly AST.Element[]): void => {
    for (const element of list) {
      const char = singleCharacter(element);
      if (char !== undefined) run += char;
      else if (element.type === 'Assertion') continue; // zero-width: the text around it is contiguous
      else if ((element.type === 'Group' || element.type === 'CapturingGroup') && element.alternatives.length === 1) {
        visit(element.alternatives[0]?.elements ?? []);
      } else {
        endRun();
        const required = requirementOf(element);
        if (required) candidates.push(required);
      }
    }
  };
  visit(elements);
  endRun();
  return candidates.sort((a, b) => shortest(b) - shortest(a))[0];
}

function requirementOf(element: AST.Element): string[] | undefined {
  if (element.type === 'Group' || element.type === 'CapturingGroup') return ofAlternatives(element.alternatives);
  if (element.type === 'Quantifier' && element.min >= 1) return ofSequence([element.element]);
  return undefined;
}

/** The one character (lower-cased) an element matches, if it matches exactly one. */
function singleCharacter(element: AST.Element): string | undefined {
  if (element.type === 'Character') return String.fromCodePoint(element.value).toLowerCase();
  if (element.type === 'CharacterClass' && !element.negate) {
    const chars = new Set(element.elements.map((e) => (e.type === 'Character' ? String.fromCodePoint(e.value).toLowerCase() : undefined)));
    if (chars.size === 1 && !chars.has(undefined)) return [...chars][0];
  }
  return undefined;
}

function shortest(literals: readonly string[]): number {
  return Math.min(...literals.map((l) => l.length));
}
