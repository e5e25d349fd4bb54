/**
 * Characters that could forge or hide output on an administrator's terminal: C0 and C1 controls (newlines,
 * ESC sequences), Unicode line and paragraph separators, and bidirectional overrides that reorder a line.
 */
const UNSAFE = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Text from the database or from requests, made safe to print: every unsafe character shown as an escape. */
export function printable(text: string): string {
  return text.replace(UNSAFE, (c) => NAMED[c] ?? `\\u${c.codePointAt(0)?.toString(16).padStart(4, '0')}`);
}
