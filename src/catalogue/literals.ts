import type { AST } from '@eslint-community/regexpp';
import { parseRe2 } from './screen.js';

/** Literals shorter than this say too little to be worth looking for. */
const MIN_LITERAL = 2;
/** How many exact variants a run may multiply out to before it is cut. */
const MAX_VARIANTS = 16;

/**
 * Strings of which every match of the pattern contains at least one, or undefined when none can
 * be named (the pattern is all classes and wildcards). This is the "required literal" analysis
 * that grep-like tools use to skip text that cannot match: a page or region holding none of a
 * signal's literals need not be searched with it. They are spelled as the pattern spells them
 * (`[Ww]riter` gives both), or in lower case where it ignores case.
 */
export function requiredLiterals(source: string, { score = shortest, ignoreCase = false }: { score?: Score; ignoreCase?: boolean } = {}): string[] | undefined {
  // A pattern regexpp cannot read (RE2 syntax of its own) names none: it is always tried.
  const pattern = parseRe2(source);
  const fold = ignoreCase ? (text: string) => text.toLowerCase() : (text: string) => text;
  return pattern && ofAlternatives(pattern.ast.alternatives, { score, fold });
}

/** The literals of a pattern's branches, read as their `|`: undefined if one of them names none. */
export function branchLiterals(sources: readonly string[], options: { score?: Score; ignoreCase?: boolean } = {}): string[] | undefined {
  const union = new Set<string>();
  for (const source of sources) {
    const literals = requiredLiterals(source, options);
    if (!literals) return undefined;
    for (const literal of literals) union.add(literal);
  }
  return [...union];
}

/** How a search for literals goes: how to rank them, and how their letters are spelled. */
interface Analysis {
  score: Score;
  fold: (text: string) => string;
}

/** How good a set of literals is to look for: by default, the length of its shortest. */
export type Score = (literals: readonly string[]) => number;

function ofAlternatives(alternatives: readonly AST.Alternative[], analysis: Analysis): string[] | undefined {
  const union = new Set<string>();
  for (const alternative of alternatives) {
    const literals = ofSequence(alternative.elements, analysis);
    if (!literals) return undefined;
    for (const literal of literals) union.add(literal);
  }
  return [...union];
}

/**
 * The best-scoring requirement of a sequence: a run of exact text (where small alternations
 * multiply out: `(?:Reporting|Writing) by` gives both phrases), or a required group.
 */
function ofSequence(elements: readonly AST.Element[], analysis: Analysis): string[] | undefined {
  const candidates: string[][] = [];
  let runs = [''];
  const endRun = (): void => {
    if (runs.every(isTelling)) candidates.push(runs);
    runs = [''];
  };
  for (const element of elements) {
    if (element.type === 'Assertion') continue; // zero-width: the text around it is contiguous
    const exact = exactStrings(element, analysis.fold);
    if (exact && runs.length * exact.length <= MAX_VARIANTS) {
      runs = runs.flatMap((run) => exact.map((tail) => run + tail));
      continue;
    }
    endRun();
    if (exact) runs = exact;
    else {
      const required = requirementOf(element, analysis);
      if (required) candidates.push(required);
    }
  }
  endRun();
  return candidates.sort((a, b) => analysis.score(b) - analysis.score(a))[0];
}

/**
 * The few strings an element matches exactly (spelled by `fold`), or undefined. `\s+` counts as
 * one space: signals run on text whose white space is collapsed.
 */
function exactStrings(element: AST.Element, fold: Analysis['fold']): string[] | undefined {
  const char = singleCharacter(element, fold);
  if (char !== undefined) return [char];
  // A small class of plain characters multiplies out: [华華] gives 华 and 華.
  if (element.type === 'CharacterClass' && !element.negate && element.elements.length <= 8 && element.elements.every((e) => e.type === 'Character')) {
    return [...new Set(element.elements.map((e) => fold(String.fromCodePoint((e as AST.Character).value))))];
  }
  if (element.type === 'Quantifier' && element.min >= 1 && element.element.type === 'CharacterSet' && element.element.kind === 'space') return [' '];
  if (element.type === 'Quantifier' && element.min === 0 && element.max === 1) {
    const inner = exactStrings(element.element, fold);
    return inner ? ['', ...inner] : undefined;
  }
  if (element.type === 'Quantifier' && element.min === element.max && element.min <= 4) {
    const inner = exactStrings(element.element, fold);
    return inner && inner.length === 1 ? [(inner[0] as string).repeat(element.min)] : undefined;
  }
  if (element.type !== 'Group' && element.type !== 'CapturingGroup') return undefined;
  const strings: string[] = [];
  for (const alternative of element.alternatives) {
    let variants = [''];
    for (const part of alternative.elements) {
      if (part.type === 'Assertion') continue;
      const exact = exactStrings(part, fold);
      if (!exact || variants.length * exact.length > MAX_VARIANTS) return undefined;
      variants = variants.flatMap((v) => exact.map((tail) => v + tail));
    }
    strings.push(...variants);
  }
  return strings.length <= MAX_VARIANTS ? strings : undefined;
}

function requirementOf(element: AST.Element, analysis: Analysis): string[] | undefined {
  if (element.type === 'Group' || element.type === 'CapturingGroup') return ofAlternatives(element.alternatives, analysis);
  if (element.type === 'Quantifier' && element.min >= 1) return ofSequence([element.element], analysis);
  return undefined;
}

/** The one character (spelled by `fold`) an element matches, if it matches exactly one. */
function singleCharacter(element: AST.Element, fold: Analysis['fold']): string | undefined {
  if (element.type === 'Character') return fold(String.fromCodePoint(element.value));
  if (element.type === 'CharacterClass' && !element.negate) {
    const chars = new Set(element.elements.map((e) => (e.type === 'Character' ? fold(String.fromCodePoint(e.value)) : undefined)));
    if (chars.size === 1 && !chars.has(undefined)) return [...chars][0];
  }
  return undefined;
}

/** A literal worth looking for: long enough, and with a letter or digit ("//" is on every page). */
function isTelling(literal: string): boolean {
  return literal.length >= MIN_LITERAL && /[\p{L}\p{N}]/u.test(literal);
}

function shortest(literals: readonly string[]): number {
  return Math.min(...literals.map((l) => l.length));
}
