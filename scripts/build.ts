// `npm run build`: bundles the JavaScript with esbuild, one file for each entry point plus the
// chunks they share, and writes the catalogue snapshot beside it; tsc then adds the type
// declarations. Loading some 250 modules one at a time was most of a run's start-up.
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { literalsTable } from '../src/catalogue/compile.js';
import { BUILTIN_HOLDERS, loadHolders } from '../src/config/load-holders.js';
import { writeSnapshot } from '../src/catalogue/snapshot.js';

const DIST = join(import.meta.dirname, '../dist');

await rm(DIST, { recursive: true, force: true });
await build({
  // Flat: the bundled code sits one level below package.json, as src/package-root.ts expects.
  entryPoints: { index: 'src/index.ts', rehype: 'src/rehype.ts', cli: 'src/cli/main.ts', worker: 'src/engine/worker.ts', 'digest-worker': 'src/workspace/digest-worker.ts' },
  outdir: DIST,
  bundle: true,
  splitting: true, // the Markdown pipeline and parse5 stay in chunks loaded only when a page needs them
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  // piscina starts its workers from a file of its own, found beside its code.
  external: ['piscina'],
  // jsonc-parser's `main` is a UMD build that esbuild cannot follow; its `module` is plain ESM.
  mainFields: ['module', 'main'],
  // Bundled CommonJS packages call `require` for Node's own modules.
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  logLevel: 'warning',
  plugins: [
    {
      // zod exports its messages in some fifty languages as \`z.locales\`, which rightslint never
      // reads (English is registered apart): a third of zod's code, parsed by every thread at start.
      name: 'no-zod-locales',
      setup(build) {
        build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => (/[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'empty' } : undefined));
        build.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export {};', loader: 'js' }));
      },
    },
  ],
});
// piscina loads a task file with require() before it tries import(), and on Node 20.19+ and 22
// require() of an ES module takes Node's require(esm) path, which aborts the whole process when
// a worker is stopped while it loads (rightslint issue 18). The pool is given this CommonJS file
// instead: require() finds no ES module in it, and it loads the worker with import().
await writeFile(
  join(DIST, 'worker.cjs'),
  "'use strict';\n// The pool's task: the ES module worker, loaded with import(), never require() (see scripts/build.ts).\nmodule.exports = import('./worker.js').then((worker) => worker.default);\n",
);
// What the built code is, beside its version: a result cache made by another build of the same
// version (an install from a git commit) is not reused, as its detection may differ.
const code = createHash('sha256');
for (const file of (await readdir(DIST)).filter((name) => name.endsWith('.js')).sort()) code.update(file).update(await readFile(join(DIST, file)));
await writeFile(join(DIST, 'build-id'), `${code.digest('hex').slice(0, 16)}\n`);
const entries = await loadHolders([BUILTIN_HOLDERS], BUILTIN_HOLDERS);
const holders = await Promise.all(entries.map(async ({ spec, file }) => ({ spec, text: await readFile(resolve(BUILTIN_HOLDERS, file), 'utf8') })));
await writeSnapshot({ holders, literals: literalsTable(entries) }, join(DIST, 'catalogue.json'));
