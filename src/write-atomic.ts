import { rename, writeFile } from 'node:fs/promises';

/** Writes a file whole or not at all (temp file, then rename), so an interrupted run leaves no stub. */
export async function writeAtomic(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, path);
}
