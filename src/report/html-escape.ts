// Every character that can end a text run or an attribute value, as the HTML standard's
// serialisation escapes them, and the apostrophe too, so a value is safe in either kind of quotes.
const SPECIAL: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// C0 controls but tab and line breaks, and lone surrogates, are parse errors in HTML (HTML
// standard, "preprocessing the input stream"): a page's stray bytes would show as nothing or as
// boxes, so they show as U+FFFD, as a browser decoding the page did.
const UNSHOWABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text from a result made safe for HTML, in element content and in quoted attribute values
 * alike. Everything a page gave the result (paths, evidence, messages, reasons) is untrusted and
 * goes through here; the report holds no markup of the page's.
 */
export function escapeHtml(text: string | number): string {
  return String(text).replace(UNSHOWABLE, '\uFFFD').replace(/[&<>"']/g, (character) => SPECIAL[character] ?? character);
}

/** A message escaped, its `quoted` names set as code, as the terminal report's backticks mean. */
export function messageHtml(message: string): string {
  return escapeHtml(message).replace(/`([^`]+)`/g, '<code>$1</code>');
}
