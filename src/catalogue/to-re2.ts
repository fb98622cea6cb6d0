import { type AST, RegExpParser } from '@eslint-community/regexpp';
import { complement, type CodePoints, escapeCodePoints, ignoringCase, includes, re2Class, union } from './code-points.js';

const parser = new RegExpParser({ ecmaVersion: 2024 });

/**
 * A JavaScript pattern (`u` flag, `i` if asked) written for RE2, whose matching time is linear
 * in the text. RE2 has no lookahead, so a lookahead that ends the pattern (or a branch of it)
 * becomes text that is matched after an empty capture group, the "marker": `P(?=Q)` becomes
 * `P()Q` and `P(?![\p{L}])` becomes `P()(?:[^\p{L}]|$)`. A match ends where its marker stands,
 * and the next search starts there. As nothing that consumes text follows the lookahead, the
 * text after the marker matches exactly where the lookahead holds, and both engines try the
 * alternatives of `P` in the same order, so they find the same matches.
 */
export interface Re2Pattern {
  source: string;
  /** How many markers (capture groups) the source has; the pattern's own groups are made non-capturing. */
  markers: number;
  /**
   * The pattern with its lookarounds left out (some kept as text, see `screenOf`), which matches
   * wherever the pattern can: without lookbehind, RE2 tests it with a DFA, several times faster
   * than a search for the matches.
   */
  screen: string;
}

/** Why a pattern cannot be written for RE2: a lookahead not at its end, or a backreference. */
export class NotTranslatable extends Error {}

export function toRe2(pattern: string, ignoreCase: boolean): Re2Pattern {
  const ast = parser.parsePattern(pattern, 0, pattern.length, { unicode: true });
  const context: Context = { ignoreCase, isFinal: true, isTail: false, markers: { count: 0 } };
  const source = ast.alternatives.map((alternative) => ofAlternative(alternative, context, [])).join('|');
  const screen = ast.alternatives.map((alternative) => screenOf(alternative, ignoreCase)).join('|');
  return { source, markers: context.markers.count, screen };
}

interface Context {
  ignoreCase: boolean;
  /** Nothing that consumes text follows: a lookahead here can become a marker and text after it. */
  isFinal: boolean;
  /** Inside what follows a marker, where lookaheads are written as text with no marker of their own. */
  isTail: boolean;
  markers: { count: number };
}

type Leaf = AST.Character | AST.CharacterClass | AST.CharacterSet | AST.ExpressionCharacterClass;

const isLookahead = (node: AST.Node): node is AST.LookaroundAssertion => node.type === 'Assertion' && node.kind === 'lookahead';
const isZeroWidth = (element: AST.Element): boolean => element.type === 'Assertion' || (element.type === 'Quantifier' && element.max === 0);
const isLeaf = (node: AST.Node): node is Leaf =>
  node.type === 'Character' || node.type === 'CharacterClass' || node.type === 'CharacterSet' || node.type === 'ExpressionCharacterClass';

function hasLookahead(node: AST.Node): boolean {
  switch (node.type) {
    case 'Group':
    case 'CapturingGroup':
      return node.alternatives.some(hasLookahead);
    case 'Assertion':
      return node.kind === 'lookahead' || (node.kind === 'lookbehind' && node.alternatives.some(hasLookahead));
    case 'Alternative':
      return node.elements.some(hasLookahead);
    case 'Quantifier':
      return hasLookahead(node.element);
    default:
      return false;
  }
}

/** The code points a character, escape or class matches, with the `u` flag, and `i` if `ignoreCase`. */
function codePoints(leaf: Leaf, ignoreCase: boolean): CodePoints {
  const asWritten = asWrittenOf(leaf);
  return ignoreCase ? ignoringCase(leaf.raw, asWritten) : asWritten;
}

function asWrittenOf(leaf: Leaf | AST.CharacterClassElement): CodePoints {
  switch (leaf.type) {
    case 'Character':
      return [[leaf.value, leaf.value]];
    case 'CharacterClassRange':
      return [[leaf.min.value, leaf.max.value]];
    case 'CharacterClass': {
      const members = union(...leaf.elements.map((element) => asWrittenOf(element)));
      return leaf.negate ? complement(members) : members;
    }
    case 'CharacterSet':
      return escapeCodePoints(leaf.raw);
    default:
      throw new NotTranslatable(`the class \`${leaf.raw}\``);
  }
}

/**
 * An alternative, whose trailing zero-width assertions and `pending` ones (from around a group
 * it ends in) are written together. Where the alternative ends in a group, those assertions are
 * moved into each of its branches (`(A|B)Z` is `AZ|BZ` for a zero-width `Z`), so that a
 * lookahead stands at the end of each.
 */
function ofAlternative(alternative: AST.Alternative, context: Context, pending: AST.Element[]): string {
  const elements = alternative.elements;
  let end = elements.length;
  while (end > 0 && isZeroWidth(elements[end - 1] as AST.Element)) end--;
  const trailing = [...elements.slice(end), ...pending];
  const inner = { ...context, isFinal: false };
  if (!context.isFinal) {
    if ([...elements, ...pending].some(hasLookahead)) throw new NotTranslatable('a lookahead in the middle of the pattern');
    return [...elements, ...pending].map((element) => ofNode(element, inner)).join('');
  }
  const last = elements[end - 1];
  const written = elements.slice(0, Math.max(0, end - 1)).map((element) => ofNode(element, inner));
  if (last && endsInGroup(last) && (trailing.some(hasLookahead) || hasLookahead(last))) {
    if (last.type === 'Quantifier') {
      const group = last.element as AST.Group | AST.CapturingGroup;
      const branches = group.alternatives.map((a) => ofAlternative(a, context, trailing)).join('|');
      const skipped = ofAssertions(trailing, context);
      written.push(last.min === 1 ? `(?:${branches})` : last.greedy ? `(?:${branches}|${skipped})` : `(?:${skipped}|${branches})`);
    } else {
      written.push(`(?:${last.alternatives.map((a) => ofAlternative(a, context, trailing)).join('|')})`);
    }
    return written.join('');
  }
  if (last) written.push(ofNode(last, inner));
  written.push(ofAssertions(trailing, context));
  return written.join('');
}

/** A group, or an optional group holding a lookahead, into whose branches trailing assertions can move. */
function endsInGroup(element: AST.Element): element is AST.Group | AST.CapturingGroup | AST.Quantifier {
  if (element.type === 'Group' || element.type === 'CapturingGroup') return true;
  return element.type === 'Quantifier' && element.max === 1 && hasLookahead(element.element)
    && (element.element.type === 'Group' || element.element.type === 'CapturingGroup');
}

/** Zero-width assertions at the end of an alternative: lookbehinds as they are, then the marker and what the lookaheads ask. */
function ofAssertions(assertions: AST.Element[], context: Context): string {
  const inner = { ...context, isFinal: false };
  if (!assertions.some(isLookahead)) return assertions.map((element) => ofNode(element, inner)).join('');
  const behind = assertions.filter((e) => e.type === 'Assertion' && (e.kind === 'lookbehind' || e.kind === 'start'));
  const ahead = assertions.filter((e) => !behind.includes(e));
  let written = behind.map((element) => ofNode(element, inner)).join('');
  if (!context.isTail) {
    written += '()';
    context.markers.count++;
  }
  const only = ahead.length === 1 ? ahead[0] : undefined;
  if (only && isLookahead(only) && !only.negate) {
    try {
      const tail = { ...context, isTail: true, isFinal: true };
      return `${written}(?:${only.alternatives.map((a) => ofAlternative(a, tail, [])).join('|')})`;
    } catch (error) {
      if (!(error instanceof NotTranslatable)) throw error;
    }
  }
  const next = only && isLookahead(only) && only.negate ? nextCharacter(only, context.ignoreCase) : undefined;
  if (next) return `${written}(?:${re2Class(complement(next))}|$)`;
  return written + conditionText(ahead, context.ignoreCase);
}

/** The characters a lookahead of one character (in each branch) asks for next, or undefined if it asks more. */
function nextCharacter(lookahead: AST.LookaroundAssertion, ignoreCase: boolean): CodePoints | undefined {
  const leaves = lookahead.alternatives.map((a) => (a.elements.length === 1 && isLeaf(a.elements[0] as AST.Node) ? (a.elements[0] as Leaf) : undefined));
  return leaves.every((leaf) => leaf !== undefined) ? union(...leaves.map((leaf) => codePoints(leaf as Leaf, ignoreCase))) : undefined;
}

function ofNode(node: AST.Node, context: Context): string {
  switch (node.type) {
    case 'Character':
    case 'CharacterClass':
    case 'CharacterSet':
    case 'ExpressionCharacterClass':
      return re2Class(codePoints(node, context.ignoreCase));
    case 'Group':
    case 'CapturingGroup':
      return `(?:${node.alternatives.map((a) => ofAlternative(a, context, [])).join('|')})`;
    case 'Quantifier': {
      const element = atom(ofNode(node.element, context.isFinal && node.max <= 1 ? context : { ...context, isFinal: false }));
      return element + quantifier(node.min, node.max) + (node.greedy ? '' : '?');
    }
    case 'Assertion':
      if (node.kind === 'start') return '^';
      if (node.kind === 'end') return '$';
      if (node.kind === 'word') return node.negate ? '\\B' : '\\b';
      if (node.kind === 'lookbehind') {
        const body = { ...context, isFinal: false, isTail: true };
        return `(?<${node.negate ? '!' : '='}${node.alternatives.map((a) => ofAlternative(a, body, [])).join('|')})`;
      }
      throw new NotTranslatable('a lookahead in the middle of the pattern');
    default:
      throw new NotTranslatable(node.type === 'Backreference' ? 'a backreference' : `${node.type}`);
  }
}

/** Where a node stands in the pattern: before anything it consumes, and after everything. */
interface Edges {
  isStart: boolean;
  isEnd: boolean;
}

/**
 * The pattern with its lookarounds left out (see `Re2Pattern.screen`), but for one lookbehind
 * before anything the pattern consumes and one lookahead after everything, which are kept as text
 * to match there: the screen of "(?<=Photo: )AP" is then "Photo: AP", not any "AP" (on a long
 * page, RE2 searched it for matches wherever "AP" stood). Anywhere else a lookaround would
 * overlap other text, and is left out.
 */
function screenOf(node: AST.Node, ignoreCase: boolean, edges: Edges = { isStart: true, isEnd: true }): string {
  switch (node.type) {
    case 'Alternative': {
      const consumes = node.elements.map((element) => element.type !== 'Assertion');
      const [first, last] = [consumes.indexOf(true), consumes.lastIndexOf(true)];
      let [isBehindKept, isAheadKept] = [false, false];
      return node.elements.map((element, i) => {
        const isStart = edges.isStart && !isBehindKept && (first === -1 || i <= first);
        const isEnd = edges.isEnd && !isAheadKept && i >= last;
        const isPositiveLookaround = element.type === 'Assertion' && (element.kind === 'lookbehind' || element.kind === 'lookahead') && !element.negate;
        const kind = isPositiveLookaround ? element.kind : undefined;
        if (kind === 'lookbehind' && isStart) isBehindKept = true;
        if (kind === 'lookahead' && isEnd) isAheadKept = true;
        return screenOf(element, ignoreCase, { isStart, isEnd });
      }).join('');
    }
    case 'Group':
    case 'CapturingGroup':
      return `(?:${node.alternatives.map((a) => screenOf(a, ignoreCase, edges)).join('|')})`;
    case 'Quantifier':
      return atom(screenOf(node.element, ignoreCase, { isStart: false, isEnd: false })) + quantifier(node.min, node.max) + (node.greedy ? '' : '?');
    case 'Assertion':
      if (node.kind === 'lookbehind' && !node.negate && edges.isStart) return `(?:${node.alternatives.map((a) => screenOf(a, ignoreCase, { isStart: true, isEnd: false })).join('|')})`;
      if (node.kind === 'lookahead' && !node.negate && edges.isEnd) return `(?:${node.alternatives.map((a) => screenOf(a, ignoreCase, { isStart: false, isEnd: true })).join('|')})`;
      return node.kind === 'start' ? '^' : node.kind === 'end' ? '$' : node.kind === 'word' ? (node.negate ? '\\B' : '\\b') : '';
    default:
      if (isLeaf(node)) return re2Class(codePoints(node, ignoreCase));
      throw new NotTranslatable(node.type === 'Backreference' ? 'a backreference' : `${node.type}`);
  }
}

function quantifier(min: number, max: number): string {
  if (min === 0 && max === Infinity) return '*';
  if (min === 1 && max === Infinity) return '+';
  if (min === 0 && max === 1) return '?';
  if (max === Infinity) return `{${min},}`;
  return min === max ? `{${min}}` : `{${min},${max}}`;
}

/** Source that a quantifier can follow: one character, class or group as it is, else grouped. */
function atom(source: string): string {
  if (source.length <= 1 || /^\[[^\]]*\]$|^\\x\{[0-9a-f]+\}$/.test(source)) return source;
  return source.startsWith('(') && closingParenthesis(source) === source.length - 1 ? source : `(?:${source})`;
}

/** Where the group that opens `source` closes. */
function closingParenthesis(source: string): number {
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') i++;
    else if (char === '[') {
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
    } else if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return i;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------
// What the other lookaheads ask, as text: an automaton is built for the conditions that must all
// hold at one position (positive and negative lookaheads, `$`, `\b`, `\B`), made deterministic,
// and written as a pattern that matches the text after the position exactly where they hold.

type Test = { kind: 'end' } | { kind: 'word'; negate: boolean } | { kind: 'next'; set: CodePoints; negate: boolean };

interface State {
  empty: number[];
  tests: Array<[Test, number]>;
  steps: Array<[CodePoints, number]>;
}

/** A nondeterministic automaton over code points, with zero-width tests on its empty moves. */
class Automaton {
  readonly states: State[] = [];

  add(): number {
    return this.states.push({ empty: [], tests: [], steps: [] }) - 1;
  }

  /** Adds `node`, entered from state `from`; returns the state where it ends. */
  build(node: AST.Node, from: number, ignoreCase: boolean): number {
    const states = this.states;
    switch (node.type) {
      case 'Character':
      case 'CharacterClass':
      case 'CharacterSet':
      case 'ExpressionCharacterClass': {
        const to = this.add();
        states[from]?.steps.push([codePoints(node, ignoreCase), to]);
        return to;
      }
      case 'Group':
      case 'CapturingGroup':
        return this.branches(node.alternatives, from, ignoreCase);
      case 'Alternative':
        return node.elements.reduce((at, element) => this.build(element, at, ignoreCase), from);
      case 'Quantifier': {
        let at = from;
        for (let i = 0; i < node.min; i++) at = this.build(node.element, at, ignoreCase);
        if (node.max === Infinity) {
          const loop = this.add();
          states[at]?.empty.push(loop);
          states[this.build(node.element, loop, ignoreCase)]?.empty.push(loop);
          return loop;
        }
        const end = this.add();
        states[at]?.empty.push(end);
        for (let i = node.min; i < node.max; i++) {
          at = this.build(node.element, at, ignoreCase);
          states[at]?.empty.push(end);
        }
        return end;
      }
      case 'Assertion': {
        const to = this.add();
        if (node.kind === 'end') states[from]?.tests.push([{ kind: 'end' }, to]);
        else if (node.kind === 'word') states[from]?.tests.push([{ kind: 'word', negate: node.negate }, to]);
        else {
          const set = isLookahead(node) ? nextCharacter(node, ignoreCase) : undefined;
          if (!isLookahead(node) || !set) throw new NotTranslatable(`\`${node.raw}\` inside a lookahead`);
          states[from]?.tests.push([{ kind: 'next', set, negate: node.negate }, to]);
        }
        return to;
      }
      default:
        throw new NotTranslatable(`${node.type} inside a lookahead`);
    }
  }

  branches(alternatives: readonly AST.Alternative[], from: number, ignoreCase: boolean): number {
    const end = this.add();
    for (const alternative of alternatives) {
      const start = this.add();
      this.states[from]?.empty.push(start);
      this.states[this.build(alternative, start, ignoreCase)]?.empty.push(end);
    }
    return end;
  }
}

/** The largest deterministic automaton a condition may need before it is refused. */
const MAX_STATES = 2000;

/** Text that matches after a position exactly where all `conditions` hold there. */
function conditionText(conditions: AST.Element[], ignoreCase: boolean): string {
  const automaton = new Automaton();
  const positives: Array<[start: number, end: number]> = [];
  const negativeStart = automaton.add();
  const negativeEnd = automaton.add();
  let hasNegative = false;
  for (const condition of conditions) {
    const start = automaton.add();
    if (isLookahead(condition) && condition.negate) {
      hasNegative = true;
      automaton.states[negativeStart]?.empty.push(start);
      automaton.states[automaton.branches(condition.alternatives, start, ignoreCase)]?.empty.push(negativeEnd);
    } else {
      positives.push([start, isLookahead(condition) ? automaton.branches(condition.alternatives, start, ignoreCase) : automaton.build(condition, start, ignoreCase)]);
    }
  }
  const states = automaton.states;
  const word = ignoreCase ? ignoringCase('\\w', escapeCodePoints('\\w')) : escapeCodePoints('\\w');
  // The alphabet, cut into classes of code points that every set and test treats alike.
  const sets: CodePoints[] = states.some((s) => s.tests.some(([test]) => test.kind === 'word')) ? [word] : [];
  for (const state of states) {
    for (const [set] of state.steps) sets.push(set);
    for (const [test] of state.tests) if (test.kind === 'next') sets.push(test.set);
  }
  const bounds = [...new Set([0, 0x110000, ...sets.flatMap((set) => set.flatMap(([from, to]) => [from, to + 1]))])].sort((a, b) => a - b);
  const classOf = new Map<string, number>();
  const classes: Array<Array<[number, number]>> = [];
  const sample: number[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const code = bounds[i] as number;
    const signature = sets.map((set) => (includes(set, code) ? '1' : '0')).join('');
    let id = classOf.get(signature);
    if (id === undefined) {
      id = classes.push([]) - 1;
      classOf.set(signature, id);
      sample.push(code);
    }
    classes[id]?.push([code, (bounds[i + 1] as number) - 1]);
  }
  const isWord = sample.map((code) => includes(word, code));
  // The states reached by empty moves whose tests pass, between a character of the given
  // wordness and the next class (-1: the end of the text).
  const closure = (from: readonly number[], afterWord: boolean, next: number): Set<number> => {
    const seen = new Set<number>();
    const stack = [...from];
    const beforeWord = next >= 0 && (isWord[next] as boolean);
    while (stack.length > 0) {
      const state = stack.pop() as number;
      if (seen.has(state)) continue;
      seen.add(state);
      stack.push(...(states[state] as State).empty);
      for (const [test, to] of (states[state] as State).tests) {
        const passes = test.kind === 'end' ? next < 0
          : test.kind === 'word' ? (afterWord !== beforeWord) !== test.negate
            : (next >= 0 && includes(test.set, sample[next] as number)) !== test.negate;
        if (passes) stack.push(to);
      }
    }
    return seen;
  };
  const step = (from: Set<number>, next: number): number[] => {
    const to = new Set<number>();
    for (const state of from) for (const [set, target] of (states[state] as State).steps) if (includes(set, sample[next] as number)) to.add(target);
    return [...to].sort((a, b) => a - b);
  };
  const negativeFinal = hasNegative ? negativeEnd : -1;

  /** The deterministic automaton from a position after a word character or not, as a pattern. */
  const fromPosition = (afterWord: boolean): string => {
    // A state: the wordness of the last character, where the negative conditions may still be
    // (null: none can match any more), and each positive one (null: it has matched).
    interface Deterministic { afterWord: boolean; negative: number[] | null; positives: Array<number[] | null> }
    const ids = new Map<string, number>();
    const found: Deterministic[] = [];
    const edges: Array<Map<number | 'matched' | 'end', number[]>> = [];
    const idOf = (state: Deterministic): number => {
      const key = JSON.stringify(state);
      let id = ids.get(key);
      if (id === undefined) {
        id = found.push(state) - 1;
        ids.set(key, id);
        edges.push(new Map());
      }
      return id;
    };
    idOf({ afterWord, negative: hasNegative ? [negativeStart] : null, positives: positives.map(([start]) => [start]) });
    for (let i = 0; i < found.length; i++) {
      const state = found[i] as Deterministic;
      const out = edges[i] as Map<number | 'matched' | 'end', number[]>;
      const negativeHolds = (next: number) => state.negative !== null && closure(state.negative, state.afterWord, next).has(negativeFinal);
      if (!negativeHolds(-1) && state.positives.every((p, j) => p === null || closure(p, state.afterWord, -1).has(positives[j]?.[1] as number))) out.set('end', []);
      for (let next = 0; next < classes.length; next++) {
        if (negativeHolds(next)) continue;
        let isDead = false;
        const positivesAfter = state.positives.map((p, j) => {
          if (p === null) return null;
          const reached = closure(p, state.afterWord, next);
          if (reached.has(positives[j]?.[1] as number)) return null;
          const after = step(reached, next);
          if (after.length === 0) isDead = true;
          return after;
        });
        if (isDead) continue;
        const negativeAfter = state.negative === null ? null : step(closure(state.negative, state.afterWord, next), next);
        const negative = negativeAfter && negativeAfter.length > 0 ? negativeAfter : null;
        const target = positivesAfter.every((p) => p === null) && negative === null ? 'matched' : idOf({ afterWord: isWord[next] as boolean, negative, positives: positivesAfter });
        out.set(target, [...(out.get(target) ?? []), next]);
      }
      if (found.length > MAX_STATES) throw new NotTranslatable('a lookahead too intricate to write for RE2');
    }
    return toPattern(found.length, edges, classes);
  };
  const [afterOther, afterWord] = [fromPosition(false), fromPosition(true)];
  if (afterOther === afterWord) return `(?:${afterOther})`;
  const wordClass = re2Class(word);
  return `(?:(?<=${wordClass})(?:${afterWord})|(?<!${wordClass})(?:${afterOther}))`;
}

/**
 * A deterministic automaton as a pattern, by removing its states one by one (those with the
 * fewest ways in and out first) and writing what they did into the edges around them.
 */
function toPattern(count: number, edges: Array<Map<number | 'matched' | 'end', number[]>>, classes: ReadonlyArray<ReadonlyArray<[number, number]>>): string {
  const final = count;
  const labels: Array<Map<number, string>> = Array.from({ length: count + 1 }, () => new Map());
  const either = (a: string | undefined, b: string) => (a === undefined ? b : `${a}|${b}`);
  const grouped = (source: string) => (source.includes('|') ? `(?:${source})` : source);
  for (let from = 0; from < count; from++) {
    for (const [to, next] of edges[from] ?? []) {
      const label = to === 'end' ? '$' : re2Class(union(...next.map((c) => classes[c] ?? [])));
      const target = typeof to === 'number' ? to : final;
      labels[from]?.set(target, either(labels[from]?.get(target), label));
    }
  }
  const left = new Set(Array.from({ length: count - 1 }, (_, i) => i + 1));
  while (left.size > 0) {
    let removed = -1;
    let cost = Infinity;
    for (const state of left) {
      let ways = 0;
      for (let from = 0; from < count; from++) if (from !== state && labels[from]?.has(state)) ways++;
      const outs = [...(labels[state]?.keys() ?? [])].filter((to) => to !== state).length;
      if (ways * outs < cost) [removed, cost] = [state, ways * outs];
    }
    left.delete(removed);
    const own = labels[removed] as Map<number, string>;
    const loop = own.get(removed);
    const repeat = loop === undefined ? '' : `${grouped(loop)}*`;
    for (let from = 0; from < count; from++) {
      const into = from === removed ? undefined : labels[from]?.get(removed);
      if (into === undefined) continue;
      for (const [to, label] of own) if (to !== removed) labels[from]?.set(to, either(labels[from]?.get(to), `${grouped(into)}${repeat}${grouped(label)}`));
      labels[from]?.delete(removed);
    }
    own.clear();
  }
  const loop = labels[0]?.get(0);
  const done = labels[0]?.get(final);
  if (done === undefined) return '[^\\x{0}-\\x{10ffff}]';
  return (loop === undefined ? '' : `${grouped(loop)}*`) + grouped(done);
}
