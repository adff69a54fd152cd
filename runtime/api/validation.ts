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

/** Unknown keys described one by one, at most; the rest are counted. */
const mostUnknownKeys = 10;

/** A key as it is named in a message: a pasted blob stays readable and the message stays small. */
function shortKey(key: string): string {
  return key.length > 64 ? `${key.slice(0, 61)}...` : key;
}

function describeIssue(schema: z.ZodType, input: unknown, issue: z.core.$ZodIssue): ParamIssue[] {
  if (issue.code !== 'unrecognized_keys') return [{ field: fieldName(issue.path.map((part) => (typeof part === 'string' ? shortKey(part) : part))), reason: issue.message }];
  const allowed = objectKeysAt(schema, issue.path, input) ?? [];
  const described = issue.keys
    .slice(0, mostUnknownKeys)
    .map((key) => ({ field: fieldName([...issue.path, shortKey(key)]), reason: unknownKeyReason(key, allowed) }));
  const more = issue.keys.length - mostUnknownKeys;
  return more > 0 ? [...described, { field: fieldName(issue.path), reason: `${more} more unknown fields` }] : described;
}

/** The words for an unknown key: what is allowed there, and the likely intended one. */
export function unknownKeyReason(key: string, allowed: readonly string[]): string {
  if (allowed.length === 0) return 'unknown field; nothing is allowed here';
  const guess = closestName(key, allowed);
  return `unknown field; allowed here: ${allowed.join(', ')}${guess ? ` (did you mean ${guess}?)` : ''}`;
}
