import { access } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/** The policy's file name, looked for from the scanned path upward. */
export const POLICY_FILE = 'rightslint.yaml';

/** The nearest `rightslint.yaml` at or above `start`, or undefined. */
export async function findPolicyFile(start: string): Promise<string | undefined> {
  let folder = resolve(start);
  for (;;) {
    const candidate = join(folder, POLICY_FILE);
    if (await access(candidate).then(() => true, () => false)) return candidate;
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}
