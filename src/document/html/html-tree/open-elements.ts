import type { TreeElement, TreeRoot } from '../../tree.js';
import { BUTTON_SCOPE, FOSTER_TARGETS, IMPLIED_END, MARKER, TABLE_MODES, TABLE_SCOPE } from './elements.js';
import { fosterParent, fosterText } from './foster-parent.js';
import { needsParser } from './needs-parser.js';

/** A formatting element opened again: its name and properties (never changed, so shared), its start tag's place. */
function reopened(element: TreeElement): TreeElement {
  const start = element.position?.start?.offset;
  const end = element.position?.end?.offset;
  return { type: 'element', tagName: element.tagName, properties: element.properties, children: [], position: start === undefined ? undefined : { start: { offset: start }, end: { offset: end } } };
}

/** The elements that end the search for a table's insertion mode: below them, the body's or a cell's applies. */
const MODE_BOUNDARIES: ReadonlySet<string> = new Set(['td', 'th', 'caption', 'select', 'template', 'body', 'head', 'html']);

/** How deep elements may nest in a page this builder reads (news pages nest some tens deep). */
const MAX_DEPTH = 512;

/**
 * The tree being built, the stack of open elements and the list of active formatting elements
 * (13.2.4.2, 13.2.4.3), with the steps every insertion mode takes on them.
 */
export class OpenElements {
  readonly root: TreeRoot = { type: 'root', children: [] };
  readonly stack: TreeElement[] = [];
  readonly formatting: Array<TreeElement | typeof MARKER> = [];
  /** The open SVG and MathML elements. */
  readonly foreign = new Set<TreeElement>();
  /**
   * Whether content misplaced in a table is being moved before it ("foster parenting", 13.2.6.1):
   * set while a table's insertion mode reads a token by the rules of the body.
   */
  isFostering = false;
  /** Elements opened where foster parenting moved them, some maybe closed since: while one is open, a table's mode may apply above the current node. */
  readonly fostered: TreeElement[] = [];

  /** The current node: the element last opened and not yet closed. */
  get current(): TreeElement | undefined {
    return this.stack.at(-1);
  }

  /** Whether the current node is SVG or MathML, where tags are read by the rules of foreign content. */
  isForeign(): boolean {
    const current = this.current;
    return current !== undefined && this.foreign.has(current);
  }

  /** Whether the current node is a table, a row group or a row, where text and markup are placed by the table's rules. */
  isTableContext(): boolean {
    const current = this.current;
    if (current === undefined || !TABLE_MODES.has(current.tagName)) return false;
    return !this.foreign.has(current); // an SVG `tr` is no row
  }

  /**
   * Where in the stack the table, row group, row or column group stands whose insertion mode reads
   * the next tag, or -1 where the body's (or a cell's) does. That is the current node, or, while an
   * element moved before a table is open, the nearest such element below it, as resetting the
   * insertion mode would find it (13.2.4.1): a `<tr>` after `<table><div>` closes the div.
   */
  tableModeAt(): number {
    const { stack, fostered } = this;
    if (this.isTableContext()) return stack.length - 1;
    while (fostered.length > 0 && !stack.includes(fostered.at(-1) as TreeElement)) fostered.pop();
    if (fostered.length === 0) return -1;
    for (let i = stack.length - 2; i >= 0; i--) {
      const node = stack[i] as TreeElement;
      if (this.foreign.has(node)) continue;
      if (TABLE_MODES.has(node.tagName)) return i;
      if (MODE_BOUNDARIES.has(node.tagName)) return -1;
    }
    return -1;
  }

  /** Forgets the formatting elements opened since the last cell, caption or object began. */
  clearFormattingToMarker(): void {
    while (this.formatting.length > 0 && this.formatting.pop() !== MARKER);
  }

  /**
   * Appends an element to the current node, and opens it unless it is void. A page nested deeper
   * than MAX_DEPTH goes to parse5: each step here may walk the stack, and no real page is so deep.
   */
  insert(element: TreeElement, isOpen = true): TreeElement {
    if (this.isFosterTarget()) {
      fosterParent(this, element);
      if (isOpen) this.fostered.push(element);
    } else (this.current ?? this.root).children.push(element);
    if (isOpen && this.stack.push(element) > MAX_DEPTH) needsParser();
    return element;
  }

  /** Whether what is inserted now goes before the table rather than into the current node. */
  isFosterTarget(): boolean {
    const current = this.current;
    return this.isFostering && current !== undefined && FOSTER_TARGETS.has(current.tagName) && !this.foreign.has(current);
  }

  /** Appends text to the current node, where `start` and `end` are its source offsets. */
  insertText(value: string, start: number, end: number): void {
    if (this.isFosterTarget()) return fosterText(this, value, start, end);
    const parent = this.current ?? this.root;
    const last = parent.children.at(-1);
    // Text next to text is one node, as when an ignored tag stood between them.
    if (last?.type === 'text') {
      last.value += value;
      if (last.position?.end) last.position.end.offset = end;
      return;
    }
    parent.children.push({ type: 'text', value, position: { start: { offset: start }, end: { offset: end } } });
  }

  /**
   * Whether an element (by name, or itself) is open with no boundary element above it (13.2.4.2).
   * Names are those of HTML elements, and so are the boundaries: an SVG `td` is neither. (SVG and MathML elements that bound a
   * scope, `foreignObject`, `mi` ..., never stand below the current node: the builder leaves HTML
   * inside them to parse5.)
   */
  inScope(target: string | TreeElement, boundaries: ReadonlySet<string>): boolean {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const node = this.stack[i] as TreeElement;
      if (typeof target === 'string' ? node.tagName === target && !this.foreign.has(node) : node === target) return true;
      if (boundaries.has(node.tagName) && !this.foreign.has(node)) return false;
    }
    return false;
  }

  inTableScope(name: string): boolean {
    return this.inScope(name, TABLE_SCOPE);
  }

  /** Closes an open paragraph, as block elements do. */
  closePInButtonScope(): void {
    if (this.inScope('p', BUTTON_SCOPE)) this.closeP();
  }

  closeP(): void {
    this.generateImpliedEndTags('p');
    this.popUntil('p');
  }

  /** Closes the elements whose end tags may be left out (`p`, `li`, `option` ...), but `except`. */
  generateImpliedEndTags(except?: string): void {
    for (let name = this.current?.tagName; name !== undefined && name !== except && IMPLIED_END.has(name); name = this.current?.tagName) this.stack.pop();
  }

  /** Closes elements up to and including the nearest HTML element named `name`. */
  popUntil(name: string): void {
    while (this.stack.length > 0) {
      const node = this.stack.pop() as TreeElement;
      if (node.tagName === name && !this.foreign.has(node)) return;
    }
  }

  /** The last active formatting element named `name` since the last marker. */
  formattingAfterMarker(name: string): TreeElement | undefined {
    for (let i = this.formatting.length - 1; i >= 0; i--) {
      const entry = this.formatting[i] as TreeElement | typeof MARKER;
      if (entry === MARKER) return undefined;
      if (entry.tagName === name) return entry;
    }
    return undefined;
  }

  /**
   * Reopens the formatting elements a block closed, before more content (13.2.4.3): `<p><b>a</p>
   * <p>b` puts a new `b` around "b". Each is a copy of the element its entry was made for, with
   * that element's start tag as its position, as parse5 gives it; the copy takes the entry's place.
   */
  reconstructFormatting(): void {
    const { formatting, stack } = this;
    const last = formatting.at(-1);
    if (last === undefined || last === MARKER || stack.includes(last)) return;
    // In a table, copies are made only where its rules read a token as in the body: they are moved before the table.
    if (this.isTableContext() && !this.isFostering) needsParser();
    let first = formatting.length - 1;
    for (let entry = formatting[first - 1]; first > 0 && entry !== MARKER && !stack.includes(entry as TreeElement); entry = formatting[--first - 1]);
    for (let i = first; i < formatting.length; i++) {
      const entry = formatting[i] as TreeElement;
      const copy = this.insert(reopened(entry));
      formatting[i] = copy;
    }
  }
}
