/**
 * Finds many words in a text in one pass (Aho–Corasick over UTF-16 code units): the cost is one
 * step per character however many words there are, where a regular expression with one branch a
 * word tries branches at every position. Steps for ASCII characters come from a dense table;
 * other characters follow the failure links.
 */
export class KeywordSearch {
  readonly #children: Array<Map<number, number>> = [new Map()];
  /** For each state, the indexes of the words that end there (its own and its suffixes'). */
  readonly #ends: number[][] = [[]];
  readonly #fail: Int32Array;
  readonly #ascii: Int32Array;
  /** 1 where some word ends at the state: the search looks at `#ends` only there. */
  readonly #isEnd: Uint8Array;
  readonly #lengths: number[];

  constructor(words: readonly string[]) {
    this.#lengths = words.map((word) => word.length);
    words.forEach((word, index) => {
      let state = 0;
      for (let i = 0; i < word.length; i++) state = this.#childOrNew(state, word.charCodeAt(i));
      this.#ends[state]?.push(index);
    });
    const states = this.#children.length;
    this.#fail = new Int32Array(states);
    this.#ascii = new Int32Array(states * 128);
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
      const row = state * 128;
      const failRow = (this.#fail[state] as number) * 128;
      if (state !== 0) this.#ascii.copyWithin(row, failRow, failRow + 128);
      for (const [code, child] of this.#children[state] as Map<number, number>) if (code < 128) this.#ascii[row + code] = child;
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
    const [ascii, isEnd] = [this.#ascii, this.#isEnd];
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code < 128) {
        // An ASCII step is one read: a state where words end is stored as its complement.
        state = ascii[(state << 7) | code] as number;
        if (state >= 0) continue;
        state = ~state;
      } else {
        state = this.#step(state, code);
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
