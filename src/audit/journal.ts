import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { fileErrorReason } from '../file-error.js';
import type { FileResult } from '../workspace/result.js';

/** What makes two audits one: a state file is resumed only by the audit that wrote it. */
export interface AuditIdentity {
  /** The URLs or WARC files audited, as given. */
  sources: string[];
  isWarc: boolean;
  shard: string | null;
  asOf: string;
  policy: string | null;
}

/** One page done: its key (a URL, or a WARC record's `file#offset`), its result, and the links it holds. */
export interface JournalEntry {
  key: string;
  result: FileResult;
  links?: string[];
  /** The URL that redirected to the page: done too, and not to be fetched again. */
  redirectedFrom?: string;
}

const FORMAT = 'rightslint-audit-state';

/**
 * An audit's state file: a line of JSON naming the audit, then a line for each page as soon as
 * it is done. Written as it goes, the file survives an audit that is killed (not only
 * interrupted): a resumed audit finds every page whose line was written, and checks again only a
 * page whose line the kill cut short.
 */
export class Journal {
  private constructor(readonly file: string) {}

  /** Starts a state file for a new audit, replacing any earlier one. */
  static start(file: string, identity: AuditIdentity): Journal {
    writeFileSync(file, `${JSON.stringify({ format: FORMAT, version: 1, ...identity })}\n`);
    return new Journal(file);
  }

  /**
   * Reads the state file of an interrupted audit, to go on appending to it. A file that is
   * missing, of another audit, or damaged anywhere but in its last line is a usage error.
   */
  static resume(file: string, name: string, identity: Omit<AuditIdentity, 'asOf'>): { journal: Journal; asOf: string; entries: JournalEntry[] } {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new UsageError(`Cannot resume the audit: cannot read its state file \`${name}\`: ${fileErrorReason(error)}`);
    }
    const lines = text.split('\n');
    // A kill can cut the last line short; that page was not recorded, and is checked again.
    if (!text.endsWith('\n')) lines.pop();
    const header = parseLine(lines[0] ?? '', name, 1) as Partial<AuditIdentity> & { format?: string };
    if (header?.format !== FORMAT) throw new UsageError(`Cannot resume the audit: \`${name}\` is not an audit's state file`);
    for (const field of ['sources', 'isWarc', 'shard', 'policy'] as const) {
      if (JSON.stringify(header[field]) !== JSON.stringify(identity[field])) {
        throw new UsageError(`Cannot resume the audit in \`${name}\`: it was of ${describe(field, header[field])}, and this one is of ${describe(field, identity[field])}`);
      }
    }
    const entries = lines.slice(1).filter((line) => line !== '').map((line, i) => parseLine(line, name, i + 2) as JournalEntry);
    return { journal: new Journal(file), asOf: String(header.asOf), entries };
  }

  /** Records a page as done. */
  add(entry: JournalEntry): void {
    appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
  }

  /** Removes the state file of an audit that has ended: there is nothing left to resume. */
  remove(): void {
    rmSync(this.file, { force: true });
  }
}

function parseLine(line: string, name: string, number: number): unknown {
  try {
    return JSON.parse(line);
  } catch (error) {
    throw new UsageError(`Cannot resume the audit: \`${name}\`:${number}:1: ${(error as Error).message}`);
  }
}

function describe(field: keyof AuditIdentity, value: unknown): string {
  if (field === 'sources') return Array.isArray(value) ? value.map((source) => `\`${String(source)}\``).join(', ') : 'nothing';
  if (field === 'isWarc') return value ? 'web archives' : 'a live site';
  if (field === 'shard') return value === null ? 'every page (no shard)' : `shard \`${String(value)}\``;
  return value === null ? 'the built-in policy' : `policy \`${String(value)}\``;
}
