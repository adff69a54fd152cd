import type { z } from 'zod';
import { BerthError } from '../../api/index.js';

/** A value read against its schema, or the first place where it differs, named by path. */
export type Reading<T> = { ok: true; value: T } | { ok: false; problem: string };

export function check<S extends z.ZodType>(schema: S, value: unknown): Reading<z.output<S>> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '(the answer itself)';
  return { ok: false, problem: `${where}: ${issue?.message ?? 'unreadable'}` };
}

/**
 * An engine answer read at the boundary. An answer Berth cannot read is the engine's fault or
 * an engine Berth does not know yet; it is reported naming the request and the field, never
 * passed on half-read.
 */
export function readAnswer<S extends z.ZodType>(schema: S, value: unknown, request: string): z.output<S> {
  const reading = check(schema, value);
  if (reading.ok) return reading.value;
  throw new BerthError('internal', `The engine answered ${request} in a shape Berth cannot read: ${reading.problem}`, { request });
}
