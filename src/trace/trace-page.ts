import { stat } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { checkTarget } from '../engine/check-page.js';
import { encodingFor, prefilterOf } from '../engine/read.js';
import { tooLarge } from '../engine/target.js';
import { unscannable } from '../engine/unscannable.js';
import { findPolicyFile } from '../config/find.js';
import { detectHolders } from '../detect/holders.js';
import { firstPartyHolders } from '../detect/publisher.js';
import { findEvidence } from '../detect/signals.js';
import { decodePage } from '../document/decode.js';
import { readPage } from '../document/page.js';
import { UsageError } from '../errors.js';
import { namedTarget } from '../workspace/files.js';
import { asOfDay } from '../policy/dates.js';
import { readWithin } from '../workspace/read-file.js';
import { holderEntry } from '../rules/finding.js';
import { prepareRun } from '../engine/run.js';
import { CandidateLog } from './candidate-log.js';
import { containersAt } from './containers.js';
import { summarisePage } from './page-summary.js';
import type { PageTrace } from './types.js';

/** Which page to trace, and against which policy. */
export interface TraceOptions {
  cwd?: string;
  /** The policy file; else the nearest `rightslint.yaml` at or above the page, as `check` finds it. */
  config?: string;
  /** The day retention is judged by, `YYYY-MM-DD`; today when absent. */
  asOf?: string;
}

/**
 * Everything detection does on one page: each candidate match with where it stands and why it
 * was kept or dropped, the holders proven, and the findings `check` reports for the page. The
 * candidates come from the detectors themselves (told to record what they do), the findings
 * from `check`'s own path for a page (prefilter, decoding, rules, suppressions).
 */
export async function tracePage(path: string, options: TraceOptions = {}): Promise<PageTrace> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const asOf = asOfDay(options.asOf);
  const absolute = resolve(cwd, path);
  const info = await stat(absolute).catch(() => undefined);
  if (!info?.isFile()) throw new UsageError(`Cannot trace \`${path}\`: ${info ? 'not a file (name one page)' : 'no such file'}`);
  const config = options.config === undefined ? await findPolicyFile(absolute) : resolve(cwd, options.config);
  const run = await prepareRun({ config, cwd, asOf, prefilter: true, cacheFolder: undefined });
  const { policy } = run;
  const target = await namedTarget(absolute, policy, cwd);
  const shown = run.displayPath(absolute);
  const result = target.unjudged === undefined ? await checkTarget(target, run) : unscannable(shown, 'skipped', target.unjudged, target.policyPath, run);

  const bytes = readWithin(absolute, policy.spec.maxFileSize);
  if (typeof bytes === 'number') throw new UsageError(`Cannot trace \`${path}\`: ${tooLarge(bytes, policy.spec.maxFileSize)}`);
  const { text, encoding } = decodePage(bytes, encodingFor(policy, target.policyPath));
  const page = await readPage(shown, text);
  const log = new CandidateLog();
  const { catalogue } = policy;
  const evidence = findEvidence(page, catalogue, log.record);
  const detections = detectHolders(evidence, firstPartyHolders(page.publisherNames, catalogue), log.record);
  const containers = await containersAt(text, page.format, log.regionStarts());
  return {
    path: shown,
    policy: policy.file ? relative(cwd, policy.file).split(sep).join('/') : null,
    page: summarisePage(page, encoding, prefilterOf(run)?.scope(text, page.format) ?? 'everything'),
    check: { status: result.status, ...(result.reason ? { reason: result.reason } : {}) },
    candidates: log.candidates(page, containers),
    holders: detections.map((d) => holderEntry(d, page)),
    findings: result.findings,
  };
}
