/**
 * Finds many words in a text in one pass (Aho–Corasick over UTF-16 code units): the cost is one
 * step per character however many words there are, where a regular expression with one branch a
 * word tries branches at every position. Steps for ASCII characters come from a dense table with
 * a column for each character the words hold (and one for all others), so that a catalogue's
 * thousands of states fit in a processor's cache; other characters follow the failure links.
 *
 * A `caseless` search takes lower-case words and finds them in any case, with no lowered copy of
 * the text: an offset it gives is one in the text itself.
 */
export class KeywordSearch {
  readonly #children: Array<Map<number, number>> = [new Map()];
  /** For each state, the indexes of the words that end there (its own and its suffixes'). */
  readonly #ends: number[][] = [[]];
  readonly #fail: Int32Array;
  /** The table's column of each ASCII character: 0 for those no word holds. */
  readonly #columns = new Uint8Array(128);
  readonly #width: number;
  readonly #ascii: Int32Array;
  /** 1 where some word ends at the state: the search looks at `#ends` only there. */
  readonly #isEnd: Uint8Array;
  readonly #lengths: number[];
  readonly #caseless: boolean;

  constructor(words: readonly string[], options: { caseless?: boolean } = {}) {
    this.#caseless = options.caseless === true;
    this.#lengths = words.map((word) => word.length);
    words.forEach((word, index) => {
      let state = 0;
      for (let i = 0; i < word.length; i++) state = this.#childOrNew(state, word.charCodeAt(i));
      this.#ends[state]?.push(index);
    });
    let width = 1;
    for (const word of words) {
      for (let i = 0; i < word.length; i++) {
        const code = word.charCodeAt(i);
        if (code < 128 && this.#columns[code] === 0) this.#columns[code] = width++;
      }
    }
    // A caseless search steps on a capital as on its small letter.
    if (this.#caseless) for (let code = 65; code <= 90; code++) this.#columns[code] = this.#columns[code + 32] as number;
    this.#width = width;
    const states = this.#children.length;
    this.#fail = new Int32Array(states);
    this.#ascii = new Int32Array(states * width);
    // Breadth first, so a state's failure state (always shallower) is complete before it.
    const queue = [0];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head] as number;
      for (const [code, child] of this.#children[state] as Map<number, number>) {
        if (state !== 0) this.#fail[child] = this.#step(this.#fail[state] as number, code);
        this.#ends[child]?.push(...(this.#ends[this.#fail[child] as number] ?? []));
        queue.push(child);
      }
      // A state steps as its failure state does, but where it has a child of its own.
      const row = state * width;
      const failRow = (this.#fail[state] as number) * width;
      if (state !== 0) this.#ascii.copyWithin(row, failRow, failRow + width);
      for (const [code, child] of this.#children[state] as Map<number, number>) if (code < 128) this.#ascii[row + (this.#columns[code] as number)] = child;
    }
    this.#isEnd = Uint8Array.from(this.#ends, (ends) => (ends.length > 0 ? 1 : 0));
    this.#ascii.forEach((state, at) => {
      if (this.#isEnd[state] === 1) this.#ascii[at] = ~state;
    });
  }

  /**
   * Calls `found` with each occurrence (the word's index and where it starts), in order of their
   * ends, until it returns true; returns whether it did.
   */
  search(text: string, found: (word: number, start: number) => boolean): boolean {
    const [ascii, columns, width, isEnd] = [this.#ascii, this.#columns, this.#width, this.#isEnd];
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code < 128) {
        // An ASCII step is one read: a state where words end is stored as its complement.
        state = ascii[state * width + (columns[code] as number)] as number;
        if (state >= 0) continue;
        state = ~state;
      } else {
        state = this.#step(state, this.#caseless ? smallLetter(code) : code);
        if (isEnd[state] === 0) continue;
      }
      for (const word of this.#ends[state] as number[]) {
        if (found(word, i + 1 - (this.#lengths[word] as number))) return true;
      }
    }
    return false;
  }

  #step(from: number, code: number): number {
    let state = from;
    for (;;) {
      const child = this.#children[state]?.get(code);
      if (child !== undefined) return child;
      if (state === 0) return 0;
      state = this.#fail[state] as number;
    }
  }

  #childOrNew(state: number, code: number): number {
    const children = this.#children[state] as Map<number, number>;
    let child = children.get(code);
    if (child === undefined) {
      child = this.#children.length;
      this.#children.push(new Map());
      this.#ends.push([]);
      children.set(code, child);
    }
    return child;
  }
}

// The small letter of each UTF-16 code unit above ASCII, as lower case makes it, found once: 0
// where not yet known. A letter whose lower case is two (İ) stays as it is.
const SMALL = new Uint16Array(65536);

function smallLetter(code: number): number {
  let small = SMALL[code] as number;
  if (small === 0) {
    const lower = String.fromCharCode(code).toLowerCase();
    small = lower.length === 1 ? lower.charCodeAt(0) : code;
    SMALL[code] = small;
  }
  return small;
}
