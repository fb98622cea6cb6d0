import type { TreeElement as Element, TreeNode } from './tree.js';

// A table's column of sources, as a press review or a news ticker sets one, or of credits, as a
// gallery set as a table does: the cells under its heading, whose text the region reader reads as
// a source's name (see `SOURCE_COLUMN`) or as a picture's credit.

// The heading of a table's column of sources: a press review's "Quelle", a news ticker's "Agentur".
const SOURCE_HEADING = /^(?:sources?|quellen?|agentur(?:en)?|agency|agencies|agencia|fuentes?|fontes?|provider|wire|dienst)\s*:?$/iu;
// The heading of a column of pictures' credits: "Credit", "Photo credit", "Bildnachweis", "Crédit photo".
const CREDIT_HEADING = /^(?:(?:photo |picture |image )?credits?|crédits?(?: photo)?|créditos?|crediti|bildnachweis|bildquelle|fotonachweis|photographer|fotograf(?:in)?|copyright)\s*:?$/iu;

/** What a column of a table holds, where its heading says: the names of sources, or pictures' credits. */
export type ColumnOf = 'source' | 'credit';

/**
 * The cells under a source or credit column's heading in a table's first row (a press review's
 * "Datum | Quelle | Meldung", whose rows name "dpa", "AFP" in that column; a gallery's "Image |
 * Caption | Credit"). Cells that span columns are counted as one, as older layouts rarely set them
 * in such tables.
 */
export function columnCells(table: Element): Array<[Element, ColumnOf]> {
  const rows = rowsOf(table);
  const heading = rows[0];
  if (!heading || rows.length < 2) return [];
  const columns = cellsOf(heading).flatMap((cell, k): Array<[number, ColumnOf]> => {
    const text = shortTextOf(cell)?.trim() ?? '';
    return SOURCE_HEADING.test(text) ? [[k, 'source']] : CREDIT_HEADING.test(text) ? [[k, 'credit']] : [];
  });
  if (columns.length === 0) return [];
  return rows.slice(1).flatMap((row) => {
    const cells = cellsOf(row);
    return columns.flatMap(([k, of]): Array<[Element, ColumnOf]> => (cells[k] ? [[cells[k], of]] : []));
  });
}

/** A table's own rows, in its sections or not (a nested table's are its own). */
function rowsOf(table: Element): Element[] {
  return table.children.flatMap((child) => {
    if (child.type !== 'element') return [];
    if (child.tagName === 'tr') return [child];
    return ['thead', 'tbody', 'tfoot'].includes(child.tagName) ? child.children.filter((row): row is Element => row.type === 'element' && row.tagName === 'tr') : [];
  });
}

function cellsOf(row: Element): Element[] {
  return row.children.filter((cell): cell is Element => cell.type === 'element' && (cell.tagName === 'td' || cell.tagName === 'th'));
}

/**
 * The text of a heading cell, or undefined where it runs past a heading's length or markup: a
 * layout table's first row may hold the whole page, which is not read again for each table in it.
 */
function shortTextOf(element: Element, limit = 40): string | undefined {
  let text = '';
  let nodes = 0;
  const stack: TreeNode[] = [...element.children].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'text') text += node.value;
    else if (node.type === 'element') for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as TreeNode);
    if (text.length > limit || ++nodes > 4 * limit) return undefined;
  }
  return text;
}
