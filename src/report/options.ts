/** What every reporter may need besides the result. */
export interface ReportOptions {
  /** Colour the output (a terminal, and NO_COLOR unset). */
  color: boolean;
  /** rightslint's version, for formats that name the tool (SARIF). */
  version: string;
  /**
   * How many evidence items a report shows per finding (and per holder in JSON); the rest are
   * counted, not listed. `DEFAULT_MAX_EVIDENCE` when absent; `Infinity` lists all the result
   * holds, which is itself at most 1,000 a finding (`MAX_KEPT_EVIDENCE`, src/rules/finding.ts).
   */
  maxEvidence?: number;
  /**
   * The folder a GitHub Actions job checked the repository out to (`GITHUB_WORKSPACE`): GitHub
   * attaches an annotation only to a path relative to it.
   */
  workspace?: string;
  /**
   * A page's text as it was checked, decoded by its `encoding`, for a report that shows evidence
   * in its context (html). Absent, or undefined for a page, where the text is not at hand (a page
   * read from standard input, a shard's result merged on another machine): the evidence is then
   * shown alone. The report never reads files itself, so a result can be reported anywhere.
   */
  pageText?: (path: string, encoding: string | undefined) => string | undefined;
  /** The policy's licences by id, so a report people read can quote the clause a finding names. */
  licenses?: ReadonlyMap<string, LicenseClause>;
  /** Holders' names by id (the catalogue's and the policy's own), for reports people read. */
  holderNames?: ReadonlyMap<string, string>;
}

/** A licence as the policy grants it: what a report quotes beside a finding that names it. */
export interface LicenseClause {
  holder: string;
  via?: string | undefined;
  kinds?: readonly string[] | undefined;
  paths: readonly string[];
  from?: string | undefined;
  until?: string | undefined;
  retention?: string | undefined;
  attribution?: string | undefined;
}

/**
 * Evidence shown per finding by default. A page can repeat one credit a hundred thousand times, and
 * listing every one made reports over a hundred times the size of the site; like ESLint's and
 * Semgrep's reports, we show a reader enough to find the content, and count the rest.
 */
export const DEFAULT_MAX_EVIDENCE = 20;
