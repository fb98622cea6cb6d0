import { createHash } from 'node:crypto';
import { UsageError } from '../errors.js';

/** One of `count` slices of the files, 1-based as CI matrices count (`--shard 2/4`). */
export interface Shard {
  index: number;
  count: number;
}

/** Reads `i/n`, refusing anything but 1 <= i <= n. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError(`Cannot use --shard \`${text}\`: expected i/n with 1 <= i <= n, such as 2/4`);
  }
  return { index, count };
}

/**
 * Whether a file belongs to the shard: by a hash of its path, so every runner agrees without
 * talking to the others and a new file does not move the rest between shards.
 */
export function isInShard(policyPath: string, shard: Shard): boolean {
  const bucket = createHash('sha256').update(policyPath).digest().readUInt32BE(0) % shard.count;
  return bucket === shard.index - 1;
}
