/** What every reporter may need besides the result. */
export interface ReportOptions {
  /** Colour the output (a terminal, and NO_COLOR unset). */
  color: boolean;
  /** rightslint's version, for formats that name the tool (SARIF). */
  version: string;
}
