import { parentPort, workerData } from 'node:worker_threads';
import { contentDigest } from './cache.js';
import { readWithin } from './read-file.js';
import type { DigestJob } from './digests.js';

// Reads and digests the files it is given, in order, and posts the digests in batches: undefined
// for a file it could not read or that is over the size limit (the main thread reads that one).
const { paths, limit } = workerData as DigestJob;
const BATCH = 64;
let batch: Array<string | undefined> = [];
for (const path of paths) {
  let digest: string | undefined;
  try {
    const read = readWithin(path, limit);
    if (typeof read !== 'number') digest = contentDigest(read);
  } catch {
    // unreadable here: the main thread reads it, and reports why
  }
  batch.push(digest);
  if (batch.length === BATCH) {
    parentPort?.postMessage(batch);
    batch = [];
  }
}
parentPort?.postMessage(batch);
