/**
 * How long a `Retry-After` header asks a client to wait, in milliseconds: its value is either
 * a number of seconds or an HTTP-date (RFC 9110, section 10.2.3). Undefined when the header is
 * missing or reads as neither; a date in the past asks for no wait.
 */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
