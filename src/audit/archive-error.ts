/** A WARC file that cannot be read on from `offset`, a byte offset in the file, and why. */
export class ArchiveError extends Error {
  constructor(
    readonly offset: number,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(reason, options);
    this.name = 'ArchiveError';
  }
}
