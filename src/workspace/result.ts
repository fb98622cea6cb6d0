import type { ContentKind } from '../catalogue/schema.js';
import type { DateSource } from '../document/facts.js';

/** One piece of evidence as reports show it. */
export interface EvidenceEntry {
  signal: string;
  text: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Usage restrictions stated beside a credit. */
  restrictions?: string[];
}

/** A holder detected on a page, licensed or not: the audit inventory. */
export interface HolderEntry {
  holder: string;
  kinds: ContentKind[];
  /** The holder publishes the page itself: its own content, which no rule reports. */
  firstParty?: true;
  /** The holder was seen only in page furniture (teasers, rails, galleries). */
  aside?: true;
  evidence: EvidenceEntry[];
  /**
   * How many pieces of evidence there were, set only when `evidence` lists fewer: a result keeps
   * the first thousand, and a report its first 20, of a page repeating one credit 200,000 times.
   */
  evidenceCount?: number;
}

/** A rule violation; its fields follow vfile-message (`ruleId`, `source`, `url`, positions). */
export interface Finding {
  ruleId: string;
  severity: 'error' | 'warning';
  message: string;
  source: 'rightslint';
  url: string;
  holder?: string;
  kind?: ContentKind;
  kinds?: ContentKind[];
  license?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  evidence: EvidenceEntry[];
  /** How many pieces of evidence there were, set only when `evidence` lists fewer (see `HolderEntry`). */
  evidenceCount?: number;
  expected?: string;
  /** Stable across edits elsewhere in the page: rule, path, holder and evidence text, no lines; all the evidence, kept or not. */
  fingerprint: string;
  /** Set when a comment in the page (`inSource`) or the baseline (`external`) accepts the finding. */
  suppression?: { kind: 'inSource' | 'external'; justification: string };
}

/** What happened to one file. */
export interface FileResult {
  path: string;
  status: 'scanned' | 'skipped' | 'error';
  reason?: string;
  encoding?: string;
  /** The publication date the page was judged by; `publishedFrom` says where it came from. */
  published?: string;
  publishedFrom?: DateSource | 'as-of' | 'captured';
  /** When an audit fetched the page, or the web archive captured it (ISO 8601); `path` is then its URL. */
  captured?: string;
  /** The web archive's record the page was read from, `file#offset`. */
  archive?: string;
  holders: HolderEntry[];
  findings: Finding[];
}

/** The result of a check: what `--format json` prints and `check()` returns. */
export interface CheckResult {
  version: 1;
  /**
   * The absolute folder the files' paths are relative to: the policy's folder, or the working
   * folder for the built-in policy. Reporters anchor paths there (SARIF's `%SRCROOT%`).
   */
  root?: string;
  files: FileResult[];
  summary: {
    files: number;
    scanned: number;
    skipped: number;
    errored: number;
    errors: number;
    warnings: number;
    /** Findings accepted by a suppression comment or the baseline; not counted above. */
    suppressed: number;
    asOf: string;
    policy: string | null;
  };
  /**
   * What the run did that its files do not show, one line each (and indented lines under it): that
   * a policy change made `--changed-since` check every page, baseline entries pruned. The command
   * line prints them on standard error.
   */
  notices?: string[];
  /** Set by an audit stopped before its end: the files are those it had done. */
  interrupted?: true;
  /**
   * Pages an audit found and did not visit, set where `--max-pages` stopped it before the site's
   * end: the files are not the site, and the run did not cover it (merged, the shards' sum).
   */
  unvisited?: number;
  /** The slice of the pages a sharded run checked, `i/n`: merge asks for all n of them. */
  shard?: string;
  /**
   * What a sharded run judged its pages by: a digest of rightslint's version and build, the
   * effective policy and the catalogue, as the cache keys results. Merge asks that all shards
   * share it: a shard of another commit (a stale artifact, a job that checked out another ref)
   * judged its pages by another policy, and a report of both would hold no single verdict.
   */
  judgedBy?: string;
}
