import type { z } from 'zod';
import { ApiError, type FieldIssue } from '../../shared/api/errors.ts';

export function issuesOf(error: z.ZodError, prefix = ''): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
}

/** Parses with the schema or throws an ApiError naming every offending field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, prefix = ''): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw ApiError.invalid(issuesOf(result.error, prefix));
  return result.data;
}
