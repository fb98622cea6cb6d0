import { appendFileSync, createReadStream, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
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

  /**
   * Starts the state file of a new audit. One left by an interrupted audit is not overwritten:
   * hours of crawling are not lost to a forgotten `--resume`.
   */
  static start(file: string, name: string, identity: AuditIdentity): Journal {
    try {
      writeFileSync(file, `${JSON.stringify({ format: FORMAT, version: 1, ...identity })}\n`, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new UsageError(`Cannot start the audit: \`${name}\` holds the state of an interrupted one; go on with --resume, or remove the file to start again`);
      }
      throw new UsageError(`Cannot start the audit: cannot write its state file \`${name}\`: ${fileErrorReason(error)}`);
    }
    return new Journal(file);
  }

  /**
   * Reads the state file of an interrupted audit, a line at a time, to go on appending to it. A
   * last line cut short by a kill is cut off the file: that page was not recorded, and is checked
   * again. A file that is missing, of another audit, or damaged anywhere else is a usage error.
   */
  static async resume(file: string, name: string, identity: Omit<AuditIdentity, 'asOf'>): Promise<{ journal: Journal; asOf: string; entries: JournalEntry[] }> {
    let header: (Partial<AuditIdentity> & { format?: string }) | undefined;
    const entries: JournalEntry[] = [];
    let whole = 0; // the bytes of the lines that end in a line break
    let cut: string | undefined;
    try {
      const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
      let number = 0;
      for await (const line of lines) {
        if (cut !== undefined) throw new UsageError(`Cannot resume the audit: \`${name}\`:${number}:1: ${cut}`);
        number++;
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch (error) {
          // Only the last line may be cut short (by a kill while it was written).
          cut = (error as Error).message;
          continue;
        }
        whole += Buffer.byteLength(line) + 1;
        if (number === 1) header = value as typeof header;
        else entries.push(value as JournalEntry);
      }
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`Cannot resume the audit: cannot read its state file \`${name}\`: ${fileErrorReason(error)}`);
    }
    if (header?.format !== FORMAT) throw new UsageError(`Cannot resume the audit: \`${name}\` is not an audit's state file`);
    for (const field of ['sources', 'isWarc', 'shard', 'policy'] as const) {
      if (JSON.stringify(header[field]) !== JSON.stringify(identity[field])) {
        throw new UsageError(`Cannot resume the audit in \`${name}\`: it was of ${describe(field, header[field])}, and this one is of ${describe(field, identity[field])}`);
      }
    }
    // A kill may leave a line cut short, or whole but for its line break: the next line must start clean.
    const size = statSync(file).size;
    if (whole < size) truncateSync(file, whole);
    else if (whole > size) appendFileSync(file, '\n');
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

function describe(field: keyof AuditIdentity, value: unknown): string {
  if (field === 'sources') return Array.isArray(value) ? value.map((source) => `\`${String(source)}\``).join(', ') : 'nothing';
  if (field === 'isWarc') return value ? 'web archives' : 'a live site';
  if (field === 'shard') return value === null ? 'every page (no shard)' : `shard \`${String(value)}\``;
  return value === null ? 'the built-in policy' : `policy \`${String(value)}\``;
}
