import type { OutputStream } from './io.js';

/**
 * Writes a report to standard output chunk by chunk, asking for the next chunk only once the
 * stream has taken the last (its 'drain' after `write` returned false), so a report larger than
 * the longest string is never held whole, nor queued whole in the stream's buffer. A stream that
 * closes, or whose reader went away (EPIPE after `| head -1`), ends the writing quietly: the rest
 * has nowhere to go, and the run keeps its own exit code. Another error of the stream rejects.
 */
export async function writeChunks(stream: OutputStream, content: string | Iterable<string>): Promise<void> {
  // A string is itself an iterable, of characters: take it as one chunk.
  const chunks = typeof content === 'string' ? [content] : content;
  for (const chunk of chunks) {
    if (stream.destroyed) return;
    if (stream.write(chunk) === false && !(await drained(stream))) return;
  }
}

/**
 * Whether the stream drained (true) or closed or broke its pipe instead (false); another error
 * rejects. A plain object, which has no events, never waits.
 */
function drained(stream: OutputStream): Promise<boolean> {
  const { once, off } = stream;
  if (!once || !off || stream.destroyed) return Promise.resolve(!stream.destroyed);
  return new Promise((done, fail) => {
    const listeners = { drain: () => settle(true), close: () => settle(false), error: (error?: Error) => settle(false, error) };
    const settle = (isDrained: boolean, error?: Error) => {
      for (const [event, listener] of Object.entries(listeners)) off.call(stream, event as keyof typeof listeners, listener);
      if (error && (error as NodeJS.ErrnoException).code !== 'EPIPE') fail(error);
      else done(isDrained);
    };
    for (const [event, listener] of Object.entries(listeners)) once.call(stream, event as keyof typeof listeners, listener);
  });
}
