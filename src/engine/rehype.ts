import { dirname, relative, resolve, sep } from 'node:path';
import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { checkText } from './check-page.js';
import { tooLarge } from './target.js';
import { unscannable } from './unscannable.js';
import { findPolicyFile } from '../config/find.js';
import { defaultPolicy, loadPolicy, type Policy } from '../config/policy.js';
import { today } from '../policy/dates.js';
import { evidenceLimit, moreText, shownEvidence } from '../report/bound.js';
import type { Finding } from '../workspace/result.js';

/** Options of the rehype plugin. */
export interface RehypeRightslintOptions {
  /** The policy file; found from each file's folder upward when absent. */
  config?: string;
  /** The day to judge retention by; today when absent. */
  asOf?: string;
  /** Evidence texts a message's `actual` quotes before it counts the rest (default 20, as reports). */
  maxEvidence?: number;
}

/**
 * A unified plugin that checks each file of an existing pipeline (an Astro or Next.js MDX build)
 * and reports rightslint's findings as vfile messages, with `ruleId`, `source`, `place`, `url`,
 * `actual` and `expected`; errors are `fatal: true`, warnings `fatal: false`. It reads the file's
 * own text, so its positions are the source's, whatever the pipeline did to the tree.
 */
export default function rehypeRightslint(options: RehypeRightslintOptions = {}) {
  const policies = new Map<string, Promise<Policy>>();
  const policyFor = async (file: VFile): Promise<Policy> => {
    const folder = file.path ? dirname(resolve(file.cwd, file.path)) : file.cwd;
    const config = options.config ? resolve(file.cwd, options.config) : await findPolicyFile(folder);
    const key = config ?? '';
    if (!policies.has(key)) policies.set(key, config ? loadPolicy(config, file.cwd) : defaultPolicy(file.cwd));
    return policies.get(key) as Promise<Policy>;
  };

  const shown = evidenceLimit(options.maxEvidence);

  return async function transform(_tree: Root, file: VFile): Promise<void> {
    const policy = await policyFor(file);
    const absolute = resolve(file.cwd, file.path || 'page.html');
    const policyPath = relative(policy.root, absolute).split(sep).join('/');
    const run = { policy, asOf: options.asOf ?? today(), displayPath: (path: string) => path };
    const text = String(file.value);
    // Nothing can stop a check in the calling thread, and its time grows with the page's size:
    // the policy's size limit bounds it here as the pool's time limit does in `check`.
    const size = Buffer.byteLength(text);
    const path = file.path || 'page.html';
    const limit = policy.spec.maxFileSize;
    const result = size > limit
      ? unscannable(path, 'skipped', tooLarge(size, limit), policyPath, run)
      : await checkText(text, path, policyPath, run);
    for (const finding of result.findings) {
      if (finding.suppression) continue;
      const message = file.message(finding.message, {
        place: { start: { line: finding.line, column: finding.column }, end: { line: finding.endLine, column: finding.endColumn } },
        ruleId: finding.ruleId,
        source: finding.source,
      });
      message.url = finding.url;
      message.fatal = finding.severity === 'error';
      if (finding.expected) message.expected = [finding.expected];
      message.actual = actualText(finding, shown);
    }
  };
}

/**
 * The evidence texts a message quotes, the first `limit` and a count of the rest: a page repeating
 * one credit 200,000 times joined them all into 1 MB of `actual`.
 */
function actualText(finding: Finding, limit: number): string | undefined {
  const { shown, omitted } = shownEvidence(finding, limit);
  const texts = shown.map((item) => item.text);
  if (omitted > 0) texts.push(moreText(omitted));
  return texts.join('; ') || undefined;
}
