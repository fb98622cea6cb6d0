import type { Page } from '../document/page.js';

/** A suppression written in a page comment, as ESLint users write `eslint-disable` comments. */
export interface Directive {
  form: 'next-line' | 'disable' | 'enable' | 'file';
  /** The rules it names; empty for all rules. */
  rules: string[];
  /** The text after ` -- `: why the finding is accepted. */
  reason: string | undefined;
  /** The lines of the comment itself. */
  line: number;
  endLine: number;
  column: number;
  start: number;
  end: number;
}

const DIRECTIVE = /^\s*rightslint-(disable-next-line|disable-file|disable|enable)(?=\s|$)(.*)$/s;

/** Reads the suppression directives in a page's comments, in source order. */
export function readDirectives(page: Page): Directive[] {
  const directives: Directive[] = [];
  for (const comment of page.comments) {
    const match = DIRECTIVE.exec(comment.value);
    if (!match) continue;
    const [rulePart = '', ...reasonParts] = (match[2] ?? '').split(/\s--\s|\s--$/);
    const reason = reasonParts.join(' -- ').trim();
    const start = page.toPoint(comment.start);
    directives.push({
      form: FORMS[match[1] as keyof typeof FORMS],
      rules: rulePart.split(/[\s,]+/).filter(Boolean),
      reason: reason === '' ? undefined : reason,
      line: start.line,
      column: start.column,
      endLine: page.toPoint(Math.max(comment.start, comment.end - 1)).line,
      start: comment.start,
      end: comment.end,
    });
  }
  return directives;
}

const FORMS = {
  'disable-next-line': 'next-line',
  'disable-file': 'file',
  disable: 'disable',
  enable: 'enable',
} as const;
