import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { containerRef, methods, streams } from '../api/index.js';
import { schemaArbitrary, UnsupportedSchemaError } from './schema-arbitrary.js';

const everything = [...Object.entries(methods), ...Object.entries(streams)] as [string, { params: z.ZodType }][];

/** Why a generated value was refused, for the failure message. */
const refusal = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  return parsed.success ? null : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
};

describe('schemaArbitrary', () => {
  it.each(everything)('generates params that %s accepts', (_name, spec) => {
    fc.assert(
      fc.property(schemaArbitrary(spec.params), (value) => {
        expect(refusal(spec.params, value)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('follows lengths, patterns, integer and exclusive bounds, enums, literals, unions, records, nullables and refinements', () => {
    const schema = z.strictObject({
      name: z.string().min(3).max(5).regex(/^[a-z]+$/),
      text: z.string().max(10),
      count: z.number().int().min(-2).max(2),
      share: z.number().positive().lt(1),
      mode: z.enum(['a', 'b']),
      kind: z.literal('fixed'),
      tags: z.array(z.string()).min(1).max(2),
      labels: z.record(z.string(), z.string()),
      maybe: z.string().nullable(),
      shape: z.discriminatedUnion('type', [z.strictObject({ type: z.literal('x'), x: z.boolean() }), z.strictObject({ type: z.literal('y') })]),
      mail: z.email(),
      pair: z.strictObject({ low: z.number().int(), high: z.number().int() }).refine((pair) => pair.low <= pair.high),
    });
    fc.assert(
      fc.property(schemaArbitrary(schema), (value) => {
        expect(refusal(schema, value)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('leaves optional keys and keys with a default out sometimes, and sends them other times', () => {
    const schema = z.strictObject({ required: z.boolean(), optional: z.boolean().optional(), defaulted: z.boolean().default(true) });
    const values = fc.sample(schemaArbitrary(schema), 300) as Record<string, unknown>[];
    expect(values.every((value) => 'required' in value)).toBe(true);
    for (const key of ['optional', 'defaulted']) {
      expect(values.some((value) => !(key in value))).toBe(true);
      expect(values.some((value) => typeof value[key] === 'boolean')).toBe(true);
    }
  });

  it('leaves optional keys out as often as asked, for sparse params', () => {
    const schema = z.strictObject({ required: z.boolean(), a: z.boolean().optional(), b: z.boolean().default(true), c: z.string().optional() });
    const values = fc.sample(schemaArbitrary(schema, { optionalPresence: 0.1 }), 400) as Record<string, unknown>[];
    const present = values.reduce((sum, value) => sum + Object.keys(value).length - 1, 0) / (values.length * 3);
    expect(present).toBeGreaterThan(0.03);
    expect(present).toBeLessThan(0.2);
    expect(values.every((value) => schema.safeParse(value).success && typeof value.required === 'boolean')).toBe(true);
  });

  it('sends the longest string a field allows now and then', () => {
    const values = fc.sample(schemaArbitrary(z.string().max(300)), 500) as string[];
    expect(values.some((value) => value.length === 300)).toBe(true);
  });

  it('uses the override at the node it names, with the path to it', () => {
    const schema = z.strictObject({ id: containerRef, nested: z.strictObject({ other: containerRef }) });
    const seen: string[] = [];
    const arbitrary = schemaArbitrary(schema, {
      override: (node, path) => {
        if (node !== containerRef) return undefined;
        seen.push(path.join('.'));
        return fc.constant(`own-${path.join('.')}`);
      },
    });
    expect(fc.sample(arbitrary, 5)).toEqual(Array(5).fill({ id: 'own-id', nested: { other: 'own-nested.other' } }));
    expect(seen).toEqual(['id', 'nested.other']);
  });

  it('refuses a kind it cannot follow, naming it and where it is', () => {
    expect(() => schemaArbitrary(z.strictObject({ when: z.date() }))).toThrow(UnsupportedSchemaError);
    expect(() => schemaArbitrary(z.strictObject({ when: z.date() }))).toThrow(/zod kind "date" at when/);
    expect(() => schemaArbitrary(z.strictObject({ size: z.bigint() }))).toThrow(/zod kind "bigint" at size/);
  });
});
