import type { FastifyInstance } from 'fastify';
import { invalidRequest } from './errors.ts';

/**
 * Deepest nesting of arrays and objects a request may hold. Records are shallow (a segment rule is the deepest,
 * a few levels of all/any); the limit only has to keep recursive code (merging, canonical JSON) off the stack's end.
 */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Whether JSON text nests deeper than `limit`, found by one pass over the text that skips strings (found with
 * indexOf: record data is mostly strings, and a request of 5,000 changes is megabytes).
 */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      let end = text.indexOf('"', i + 1);
      while (end !== -1 && escaped(text, i, end)) end = text.indexOf('"', end + 1);
      if (end === -1) return false;
      i = end;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** Whether the quote at `at`, in a string opened at `start`, follows an odd run of backslashes. */
function escaped(text: string, start: number, at: number): boolean {
  let backslashes = 0;
  for (let k = at - 1; k > start && text.charCodeAt(k) === BACKSLASH; k--) backslashes++;
  return backslashes % 2 === 1;
}

/** Fastify's own JSON parser (prototype-poisoning checks included), refusing over-deep bodies with 400 first. */
export function limitJsonDepth(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'ignore');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (nestsDeeperThan(text, MAX_JSON_DEPTH))
      return done(invalidRequest(`The request nests values more than ${MAX_JSON_DEPTH} levels deep.`), undefined);
    return parse(request, text, done);
  });
}
