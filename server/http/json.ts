import type { FastifyInstance } from 'fastify';
import { invalidRequest } from './errors.ts';

/**
 * Deepest nesting of arrays and objects a request may hold. Records are shallow (a segment rule is the deepest,
 * a few levels of all/any); the limit only has to keep recursive code (merging, canonical JSON) off the stack's end.
 */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]);
const CLOSERS = new Set([0x5d, 0x7d]);

/** Whether JSON text nests deeper than `limit`, found by one pass over the text that skips strings. */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (OPENERS.has(c)) {
      if (++depth > limit) return true;
    } else if (CLOSERS.has(c)) depth--;
  }
  return false;
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
