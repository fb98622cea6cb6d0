import type { TreeElement } from '../../tree.js';
import { needsParser } from './needs-parser.js';
import type { OpenElements } from './open-elements.js';

// Foster parenting (13.2.6.1): what a table holds outside its cells is moved before the table,
// as browsers show it: `<table><tr>Photo: AFP<td>` puts the credit above the table.

/** Inserts an element into the last open table's parent, just before the table. */
export function fosterParent(b: OpenElements, element: TreeElement): void {
  const { parent, at } = beforeTable(b);
  parent.children.splice(at, 0, element);
}

/** Inserts text before the last open table, joined to the text already there, as parse5 joins it (its end moves, its start stays). */
export function fosterText(b: OpenElements, value: string, start: number, end: number): void {
  const { parent, at } = beforeTable(b);
  const previous = parent.children[at - 1];
  if (previous?.type === 'text') {
    previous.value += value;
    if (previous.position?.end) previous.position.end.offset = end;
    return;
  }
  parent.children.splice(at, 0, { type: 'text', value, position: { start: { offset: start }, end: { offset: end } } });
}

/**
 * The place before the last open table: in its parent, which is open too (the table is looked for
 * from the last child back, as what is fostered goes before it). A table with no parent there
 * (moved by the adoption agency) is left to parse5.
 */
function beforeTable(b: OpenElements): { parent: TreeElement; at: number } {
  const { stack } = b;
  let table = stack.length - 1;
  while (table >= 0 && ((stack[table] as TreeElement).tagName !== 'table' || b.foreign.has(stack[table] as TreeElement))) table--;
  for (let i = table - 1; i >= 0; i--) {
    const parent = stack[i] as TreeElement;
    const at = parent.children.lastIndexOf(stack[table] as TreeElement);
    if (at !== -1) return { parent, at };
  }
  return needsParser();
}
