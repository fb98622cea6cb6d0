import { Presets, SingleBar } from 'cli-progress';
import type { AuditProgress, FileResult } from '../index.js';
import type { Io } from './io.js';

/** What the command line shows of an audit as it goes. */
export interface Progress {
  update(result: FileResult, progress: AuditProgress): void;
  stop(): void;
}

/**
 * A progress bar on standard error (pages done and found, rate, pages not checked, time left),
 * drawn only on a terminal: never in CI, nor when standard error goes to a file or a pipe, where
 * it would be noise in a log.
 */
export function progressBar(io: Io): Progress | undefined {
  const env = io.env ?? process.env;
  if (io.stderr !== process.stderr || !process.stderr.isTTY || env.CI) return undefined;
  const bar = new SingleBar({
    stream: process.stderr,
    format: '{bar} {value}/{total} pages | {rate}/s | {failed} not checked | {eta_formatted} left',
    hideCursor: true,
    clearOnComplete: true,
    etaBuffer: 50,
  }, Presets.shades_classic);
  const started = Date.now();
  let failed = 0;
  let first: number | undefined;
  bar.start(1, 0, { rate: '0.0', failed });
  return {
    update(result, { done, queued }) {
      first ??= done - 1; // a resumed audit's rate counts this run's pages only
      if (result.status === 'error') failed++;
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      bar.setTotal(done + (queued ?? 0));
      bar.update(done, { rate: ((done - first) / seconds).toFixed(1), failed });
    },
    stop() {
      bar.stop();
    },
  };
}
