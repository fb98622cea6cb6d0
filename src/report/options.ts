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
}

/**
 * Evidence shown per finding by default. A page can repeat one credit a hundred thousand times, and
 * listing every one made reports over a hundred times the size of the site; like ESLint's and
 * Semgrep's reports, we show a reader enough to find the content, and count the rest.
 */
export const DEFAULT_MAX_EVIDENCE = 20;
