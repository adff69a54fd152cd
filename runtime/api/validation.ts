import type { z } from 'zod';
import { BerthError } from './errors.js';

/**
 * Validates params against a contract schema. On failure throws `invalid_argument` whose
 * message names the field and the reason, e.g. `timeoutSeconds: expected number, got string`.
 */
export function parseParams<S extends z.ZodType>(name: string, schema: S, params: unknown): z.output<S> {
  const parsed = schema.safeParse(params ?? {});
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(params)',
    reason: issue.message,
  }));
  const first = issues[0] ?? { field: '(params)', reason: 'invalid' };
  const message = `${name}: ${issues.map((i) => `${i.field}: ${i.reason}`).join('; ')}`;
  throw new BerthError('invalid_argument', message, { field: first.field, issues });
}
