import { resolve } from 'node:path';
import { assertWritable, fileErrorMeaning, UsageError, writeAtomic } from '../index.js';
import { FORMAT_NAMES, type FormatName } from '../report/index.js';
import { CommandLineError } from './args.js';
import type { Io } from './io.js';
import { writeChunks } from './write-chunks.js';

/** One report to write: a format, and its file (standard output when absent). */
export interface Output {
  format: FormatName;
  file: string | undefined;
}

/**
 * Pairs `--format` with `--output-file` in the order given; one format may go without a file, to
 * standard output (`-f sarif -o a.sarif -f stylish` writes SARIF to a file and shows the rest).
 */
export function pairOutputs(formats: readonly string[], files: readonly string[]): Output[] {
  const known: readonly string[] = FORMAT_NAMES;
  for (const format of formats) {
    if (!known.includes(format)) throw new CommandLineError(`Cannot use --format \`${format}\`: expected one of ${FORMAT_NAMES.join(', ')}`);
  }
  if (files.length > formats.length || files.length < formats.length - 1) {
    throw new CommandLineError(`Cannot pair ${formats.length} --format with ${files.length} --output-file: give each format its file (one may go to standard output)`);
  }
  return formats.map((format, i) => ({ format: format as FormatName, file: files[i] }));
}

/**
 * Writes each report, files whole or not at all (a device or a link's target written in place);
 * colour, when `color` says so (see `isColored`), only on standard output. Reports come in chunks
 * and go out one chunk at a time, so no report is ever one string: V8 caps a string at about
 * 512 MB, which the JSON of a large archive passes. A file that cannot be written is a usage error.
 */
export async function writeOutputs(outputs: readonly Output[], io: Io, color: boolean, render: (format: FormatName, color: boolean) => string | Iterable<string>): Promise<void> {
  for (const { format, file } of outputs) {
    const chunks = render(format, file === undefined && color);
    if (file) await writing(file, () => writeAtomic(resolve(io.cwd, file), chunks));
    else await writing('standard output', () => writeChunks(io.stdout, chunks));
  }
}

/** Refuses, before any page is read, a report file that could not be written (see `writeAtomic`). */
export async function checkOutputs(outputs: readonly Output[], io: Io): Promise<void> {
  for (const { file } of outputs) if (file) await writing(file, () => assertWritable(resolve(io.cwd, file)));
}

/** Runs a write to `file`, a file-system error a usage error that says what it means. */
async function writing(file: string, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    throw new UsageError(cannotWrite(file === 'standard output' ? file : `\`${file}\``, error), { cause: error });
  }
}

/**
 * "Cannot write standard output: no space left on the device": what a failed write of a report
 * means. The command line's own streams fail out of its reach too, as events (see bin/rightslint.js).
 */
export function cannotWrite(what: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = (code && WRITING_REASONS[code]) ?? fileErrorMeaning(code) ?? (error instanceof Error ? error.message : String(error));
  return `Cannot write ${what}: ${reason}`;
}

// What the errors only writing meets mean to the one who gave the report's path (the others are
// worded as for any file).
const WRITING_REASONS: Record<string, string> = {
  EISDIR: 'it is a folder (give a file name)',
  ENOENT: 'its folder does not exist',
};
