// Text that comes from content (titles, URLs, captions, file names) is printed through these, so that a post
// cannot move the cursor, recolour, retitle or clear the user's terminal, or fake lines of the report.

// C0 and C1 controls, DEL, line/paragraph separators, bidirectional controls, lone surrogates.
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeChar(c: string): string {
  return SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Escapes every control character (newlines and tabs too): for one-line fields. */
export function escapeControl(s: string): string {
  return s.replace(UNSAFE, escapeChar);
}

/** Escapes controls in multi-line text, keeping line breaks (\n, and \r right before \n) and tabs. */
export function escapeMultiline(s: string): string {
  return s.replace(UNSAFE, (c, offset: number) =>
    c === '\n' || c === '\t' || (c === '\r' && s[offset + 1] === '\n') ? c : escapeChar(c),
  );
}

// Legal in JSON strings, but they would still reach a terminal raw (JSON.stringify already escapes C0 controls
// and lone surrogates).
const RAW_IN_JSON = /[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** JSON.stringify, with every control, separator and bidi character escaped: valid JSON, safe on a terminal. */
export function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Lone surrogates (no character at all: no XML, no URI can hold one) replaced with U+FFFD, as a decoder does. */
export function wellFormed(s: string): string {
  return s.replace(LONE_SURROGATE, '\ufffd');
}
