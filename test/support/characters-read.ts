/**
 * Characters read while `run` runs: one a `charCodeAt` (how re2js reads text), and those `indexOf`
 * passes over. Work done, where time would measure the machine: tests of linear matching count it.
 */
export function charactersRead(run: () => void): number {
  const { charCodeAt, indexOf } = String.prototype;
  let read = 0;
  String.prototype.charCodeAt = function (this: string, index: number): number {
    read++;
    return charCodeAt.call(this, index);
  };
  String.prototype.indexOf = function (this: string, search: string, from?: number): number {
    const at = indexOf.call(this, search, from);
    read += (at < 0 ? this.length : at + search.length) - Math.max(0, Math.min(from ?? 0, this.length));
    return at;
  };
  try {
    run();
  } finally {
    String.prototype.charCodeAt = charCodeAt;
    String.prototype.indexOf = indexOf;
  }
  return read;
}
