import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A scratch copy of a fixture case under test/fixtures, to edit without touching the suite's files. */
export function copyOfFixture(name: string): string {
  const folder = mkdtempSync(join(tmpdir(), `rightslint-${name}-`));
  cpSync(join(import.meta.dirname, '../fixtures', name), folder, { recursive: true });
  return folder;
}
