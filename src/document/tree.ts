import type { Properties } from 'hast';

// The shape of syntax tree the region reader walks: what it reads of hast, where a node's
// position is only its source offsets. Trees from rehype and remark have it, and so do the trees
// that html/html-tree.ts builds without them.

/** Where a node stands in the source, as offsets. */
export interface Span {
  start?: { offset?: number | undefined } | undefined;
  end?: { offset?: number | undefined } | undefined;
}

export interface TreeText {
  type: 'text';
  value: string;
  position?: Span | undefined;
}

export interface TreeComment {
  type: 'comment';
  value: string;
  position?: Span | undefined;
}

export interface TreeElement {
  type: 'element';
  tagName: string;
  properties: Properties;
  children: TreeNode[];
  position?: Span | undefined;
}

/** Doctypes, and raw HTML that remark-rehype left unparsed, are read past. */
export type TreeNode = TreeText | TreeComment | TreeElement | { type: 'doctype' | 'raw' };

export interface TreeRoot {
  type: 'root';
  children: TreeNode[];
}
