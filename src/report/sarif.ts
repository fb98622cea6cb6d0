import { isAbsolute, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArtifactLocation, Log, Notification, ReportingDescriptor, Result, Run } from 'sarif';
import type { CheckResult, FileResult, Finding } from '../workspace/result.js';
import { ALL_RULES, docsUrl, type RuleMeta } from '../rules/meta.js';
import { evidenceLimit, shownEvidence } from './bound.js';
import { coalesce, joinChunks, jsonPieces, type ReportChunks } from './chunks.js';
import { incompleteness, runCoverage } from './incomplete.js';

/** The OASIS schema the log conforms to (SARIF 2.1.0 with errata 01). */
const SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const INFORMATION_URI = 'https://github.com/rightslint/rightslint';
/** The base every artifact URI is relative to: the folder the paths in the result are relative to. */
const SOURCE_ROOT = '%SRCROOT%';
/** Versioned so that a change in how fingerprints are computed can start a new key (SARIF `partialFingerprints` keys carry a version). */
const FINGERPRINT_KEY = 'rightslint/v2';

export interface SarifOptions {
  /** rightslint's version, recorded as `tool.driver.version`. */
  version: string;
  /**
   * The job's `GITHUB_WORKSPACE`: URIs are made relative to it and `%SRCROOT%` anchored there, as
   * code scanning reads a relative URI from the repository's top, whatever `originalUriBaseIds` says.
   */
  workspace?: string | undefined;
  /** Evidence listed per result in `properties.evidence`; `properties.evidenceCount` counts it all. */
  maxEvidence?: number;
}

/** The SARIF 2.1.0 log: for code scanning (GitHub, Azure DevOps) and SARIF viewers. */
export function formatSarif(result: CheckResult, options: SarifOptions): string {
  return joinChunks(sarifChunks(result, options));
}

/** The SARIF log in chunks, a result at a time: no one string holds a large log. */
export function* sarifChunks(result: CheckResult, options: SarifOptions): ReportChunks {
  const limit = evidenceLimit(options.maxEvidence);
  const rules = ALL_RULES.map(ruleDescriptor);
  const ruleIndex = new Map(ALL_RULES.map((rule, index) => [rule.id, index]));
  // Paths are the policy folder's (`result.root`); in GitHub Actions, the checkout's.
  const { root } = result;
  const isAnchored = options.workspace !== undefined && isAbsolute(options.workspace) && root !== undefined;
  const pathOf = (path: string): string => (isAnchored ? relative(options.workspace as string, join(root as string, path)).split(sep).join('/') : path);
  const incomplete = incompleteness(result);
  const run: Run = {
    tool: { driver: { name: 'rightslint', informationUri: INFORMATION_URI, version: options.version, rules } },
    invocations: [{
      // The run worked even when some files could not be read: those are
      // `toolExecutionNotifications`, not a failed invocation. One that stopped before its end,
      // or checked none of the pages it met, did not complete its analysis (SARIF §3.20.14): its
      // empty `results` are no clean pass.
      executionSuccessful: incomplete === undefined,
      toolExecutionNotifications: [
        ...(incomplete === undefined ? [] : [{ level: 'error' as const, message: { text: incomplete } }]),
        ...result.files.filter((file) => file.status !== 'scanned').map((file) => fileNotification(file, pathOf(file.path))),
      ],
      // The slice a sharded run checked, so that `merge` can ask for all of them, and its
      // coverage, so that merged shards are judged complete or not as one run.
      properties: { asOf: result.summary.asOf, policy: result.summary.policy, coverage: runCoverage(result), ...(result.shard ? { shard: result.shard, judgedBy: result.judgedBy } : {}) },
    }],
    originalUriBaseIds: { [SOURCE_ROOT]: sourceRoot(isAnchored ? options.workspace : result.root) },
    results: result.files.flatMap((file) => file.findings.map((finding) => findingResult(finding, pathOf(file.path), ruleIndex, limit))),
    // Our columns count UTF-16 code units, as JavaScript strings do: SARIF's `columnKind`.
    columnKind: 'utf16CodeUnits',
  };
  const log: Log = { $schema: SCHEMA_URI, version: '2.1.0', runs: [run] };
  // Four levels open (log, runs, the run, its results): one piece per result.
  yield* coalesce(jsonPieces(log, 4));
  yield '\n';
}

function ruleDescriptor(rule: RuleMeta): ReportingDescriptor {
  const helpUri = docsUrl(rule.id);
  return {
    id: rule.id,
    name: rule.id.replace(/(?:^|-)([a-z])/g, (_, letter: string) => letter.toUpperCase()),
    shortDescription: { text: rule.description },
    fullDescription: { text: `${rule.description} Reported as ${rule.defaultSeverity === 'error' ? 'an error' : 'a warning'} unless the policy says otherwise.` },
    helpUri,
    help: { text: `See ${helpUri}`, markdown: `See [\`${rule.id}\`](${helpUri}).` },
    defaultConfiguration: { level: rule.defaultSeverity },
    properties: { tags: ['copyright', 'licensing'] },
  };
}

function findingResult(finding: Finding, path: string, ruleIndex: ReadonlyMap<string, number>, limit: number): Result {
  const index = ruleIndex.get(finding.ruleId);
  const { shown, omitted } = shownEvidence(finding, limit);
  return {
    ruleId: finding.ruleId,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: finding.severity,
    message: { text: finding.message },
    locations: [{
      physicalLocation: {
        artifactLocation: artifactLocation(path),
        // Both ends are 1-based and the end column is exclusive, as in a SARIF `region`.
        region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
      },
    }],
    // GitHub code scanning matches results across runs by these, so they carry no line numbers.
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    ...(finding.suppression
      ? { suppressions: [{ kind: finding.suppression.kind, status: 'accepted' as const, justification: finding.suppression.justification }] }
      : {}),
    // JSON.stringify drops the fields a finding does not have; `evidenceCount` is there when
    // evidence is left out (a SARIF property bag takes any name, SARIF §3.8).
    properties: {
      holder: finding.holder, kinds: finding.kinds, license: finding.license, expected: finding.expected, evidence: shown,
      ...(omitted > 0 ? { evidenceCount: shown.length + omitted } : {}),
    },
  };
}

function fileNotification(file: FileResult, path: string): Notification {
  const reason = file.reason ?? (file.status === 'error' ? 'the file could not be checked' : 'not checked');
  return {
    level: file.status === 'error' ? 'error' : 'note',
    message: { text: file.status === 'skipped' ? `Skipped: ${reason}` : reason },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(path) } }],
  };
}

function artifactLocation(path: string): ArtifactLocation {
  // A relative URI reference: each segment percent-encoded, so `#`, `?`, `%` and spaces survive.
  return { uri: path.split('/').map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}

function sourceRoot(folder: string | undefined): ArtifactLocation {
  if (folder === undefined) return { description: { text: 'The folder rightslint checked from; result paths are relative to it.' } };
  // A base URI must end with a slash for relative references to resolve inside it (SARIF `originalUriBaseIds`).
  const uri = pathToFileURL(folder).href;
  return { uri: uri.endsWith('/') ? uri : `${uri}/` };
}
