import type { z } from 'zod';
import type { FieldError } from './app-error';

/**
 * One field error per zod issue, each field a dotted path under `prefix`. An unknown key becomes an error
 * on its own path, so the caller learns which field to drop, not just that "data" was wrong.
 */
export function zodFieldErrors(issues: readonly z.core.$ZodIssue[], unknownFieldMessage: string, prefix: readonly string[] = []): FieldError[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path.map(String)];
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ field: [...path, key].join('.'), message: unknownFieldMessage }));
    return [{ field: path.join('.') || '(body)', message: issue.message }];
  });
}

/** Services speak English; the edge (src/http/validate.ts) says the same in the caller's language. */
export const UNKNOWN_FIELD_MESSAGE = 'This field is not accepted here.';
