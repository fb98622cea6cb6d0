// Part of `npm run build`: writes dist/catalogue.json, the shipped holder files as validated specs
// (see src/catalogue/snapshot.ts), so that runs start without parsing and validating them.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

const { BUILTIN_HOLDERS, loadHolders } = await import('../dist/catalogue/load.js');
const { writeSnapshot } = await import('../dist/catalogue/snapshot.js');
const entries = await loadHolders([BUILTIN_HOLDERS], BUILTIN_HOLDERS);
await writeSnapshot(await Promise.all(entries.map(async ({ spec, file }) => ({ spec, text: await readFile(resolve(BUILTIN_HOLDERS, file), 'utf8') }))));
