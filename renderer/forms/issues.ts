import type { z } from 'zod';
import type { FieldIssue } from '../../shared/api/errors.ts';

export type Parsed<I> = { ok: true; input: I } | { ok: false; issues: FieldIssue[] };

/** Validates form input with the shared schema, adding issues found while converting form values (e.g. amounts). */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, conversionIssues: FieldIssue[] = []): Parsed<z.input<S>> {
  const result = schema.safeParse(input);
  const issues = [
    ...conversionIssues,
    ...(result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))),
  ];
  const converted = new Set(conversionIssues.map((i) => i.path));
  const unique = issues.filter((issue, index) => index < conversionIssues.length || !converted.has(issue.path));
  return unique.length === 0 ? { ok: true, input: input as z.input<S> } : { ok: false, issues: unique };
}

/** The form field an issue belongs to: `patch.tags.0` → `tags`. */
export function fieldOf(path: string): string {
  const parts = path.split('.').filter((p) => p !== 'patch');
  return parts[0] ?? '';
}
