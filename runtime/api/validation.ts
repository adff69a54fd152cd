import type { z } from 'zod';
import { BerthError } from './errors.js';
import { closestName } from './suggest.js';
import { objectKeysAt } from './schema-walk.js';

/** One refused field: its dotted path in the params and why. */
export interface ParamIssue {
  field: string;
  reason: string;
}

/**
 * Validates params against a contract schema. On failure throws `invalid_argument` whose
 * message names each field and the reason, e.g. `timeoutSeconds: expected number, got string`,
 * or for an unknown key `resources.memory: unknown field; allowed here: ... (did you mean
 * memoryBytes?)`.
 */
export function parseParams<S extends z.ZodType>(name: string, schema: S, params: unknown): z.output<S> {
  const input = params ?? {};
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.flatMap((issue) => describeIssue(schema, input, issue));
  const first = issues[0] ?? { field: '(params)', reason: 'invalid' };
  const message = `${name}: ${issues.map((i) => `${i.field}: ${i.reason}`).join('; ')}`;
  throw new BerthError('invalid_argument', message, { field: first.field, issues });
}

function fieldName(path: readonly PropertyKey[]): string {
  return path.map(String).join('.') || '(params)';
}

function describeIssue(schema: z.ZodType, input: unknown, issue: z.core.$ZodIssue): ParamIssue[] {
  if (issue.code !== 'unrecognized_keys') return [{ field: fieldName(issue.path), reason: issue.message }];
  const allowed = objectKeysAt(schema, issue.path, input) ?? [];
  return issue.keys.map((key) => ({ field: fieldName([...issue.path, key]), reason: unknownKeyReason(key, allowed) }));
}

/** The words for an unknown key: what is allowed there, and the likely intended one. */
export function unknownKeyReason(key: string, allowed: readonly string[]): string {
  if (allowed.length === 0) return 'unknown field; nothing is allowed here';
  const guess = closestName(key, allowed);
  return `unknown field; allowed here: ${allowed.join(', ')}${guess ? ` (did you mean ${guess}?)` : ''}`;
}
