/** One problem in a configuration file, pointed at the YAML node it is about. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  /** The field path, e.g. `licenses[0].until`. */
  field: string;
  message: string;
}

/** A policy or holder file that cannot be used; carries every problem found, not just the first. */
export class PolicyError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'PolicyError';
  }
}

/** A command line that cannot be carried out (unknown option, missing file, bad date). */
export class UsageError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'UsageError';
  }
}

function formatProblem(problem: Problem): string {
  const field = problem.field ? ` \`${problem.field}\`` : '';
  return `${problem.file}:${problem.line}:${problem.column}:${field} ${problem.message}`;
}
