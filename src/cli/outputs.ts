import { resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { FORMATS, type FormatName } from '../report/index.js';
import { writeAtomic } from '../write-atomic.js';
import type { Io } from './io.js';

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
  for (const format of formats) {
    if (!(format in FORMATS)) throw new UsageError(`Cannot use --format \`${format}\`: expected one of ${Object.keys(FORMATS).join(', ')}`);
  }
  if (files.length > formats.length || files.length < formats.length - 1) {
    throw new UsageError(`Cannot pair ${formats.length} --format with ${files.length} --output-file: give each format its file (one may go to standard output)`);
  }
  return formats.map((format, i) => ({ format: format as FormatName, file: files[i] }));
}

/** Writes each report, files whole or not at all; colour only on a terminal without NO_COLOR. */
export async function writeOutputs(outputs: readonly Output[], io: Io, render: (format: FormatName, color: boolean) => string): Promise<void> {
  const env = io.env ?? process.env;
  for (const { format, file } of outputs) {
    const text = render(format, file === undefined && io.stdout.isTTY === true && !env.NO_COLOR);
    if (file) await writeAtomic(resolve(io.cwd, file), text);
    else io.stdout.write(text);
  }
}
