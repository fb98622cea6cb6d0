import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';

// Every scratch folder of a test file lives in one folder, removed when the file's tests end,
// so that running the suite leaves nothing behind in the system's temporary folder.
let root: string | undefined;
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

/** An empty folder for one test to write in, named after what it holds. */
export function scratchFolder(name: string): string {
  root ??= mkdtempSync(join(tmpdir(), 'rightslint-test-'));
  return mkdtempSync(join(root, `${name}-`));
}

/** A scratch copy of a fixture case under test/fixtures, to edit without touching the suite's files. */
export function copyOfFixture(name: string): string {
  const folder = scratchFolder(name);
  cpSync(join(import.meta.dirname, '../fixtures', name), folder, { recursive: true });
  return folder;
}

/** A scratch folder holding `files`, each path relative to it (folders made as needed) mapped to its text. */
export function scratchSite(name: string, files: Record<string, string>): string {
  const folder = scratchFolder(name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  return folder;
}
