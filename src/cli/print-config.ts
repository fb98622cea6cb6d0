import { dirname, relative, resolve, sep } from 'node:path';
import { ALL_RULES, defaultPolicy, findPolicyFile, loadPolicy, severityFor } from '../index.js';
import { minimatch } from 'minimatch';
import { EXIT, type Io } from './io.js';

/** `check --print-config FILE`: the effective configuration for one path, as JSON. */
export async function printConfig(file: string, config: string | undefined, io: Io): Promise<number> {
  const absolute = resolve(io.cwd, file);
  const found = config ?? (await findPolicyFile(dirname(absolute)));
  const policy = found ? await loadPolicy(found, io.cwd) : await defaultPolicy(io.cwd);
  const path = relative(policy.root, absolute).split(sep).join('/');
  const matches = (glob: string): boolean => minimatch(path, glob, { dot: true });
  const effective = {
    policy: policy.file ? relative(io.cwd, policy.file).split(sep).join('/') : null,
    path,
    included: policy.spec.include.some(matches) && !policy.spec.exclude.some(matches),
    rules: Object.fromEntries(ALL_RULES.map((rule) => [rule.id, severityFor(rule, policy, path)])),
    licenses: policy.spec.licenses.filter((license) => license.paths.some(matches)),
    self: policy.spec.self,
    holders: [...policy.catalogue.holders.keys()],
  };
  io.stdout.write(`${JSON.stringify(effective, null, 2)}\n`);
  return EXIT.clean;
}
