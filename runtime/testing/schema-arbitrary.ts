// Test-only: fast-check generators read from the contract's own zod schemas, so a fuzz test
// follows the contract as it changes. Not part of the build.
import fc from 'fast-check';
import type { z } from 'zod';

/** A path into params, as zod reports it (`['spec', 'mounts', 0, 'target']`). */
export type ParamPath = readonly PropertyKey[];

export interface SchemaArbitraryOptions {
  /**
   * A generator to use instead of the schema's own at this node: the fuzz test gives the ids of
   * containers and images it created itself here, so no generated id names anything else.
   */
  override?: (schema: z.ZodType, path: ParamPath) => fc.Arbitrary<unknown> | undefined;
  /** Longest string generated where the schema allows more (default 24): small cases run fast. */
  maxStringLength?: number;
  /** Most array items or record entries generated where the schema allows more (default 4). */
  maxItems?: number;
  /**
   * How often a key that may be left out is there, 0 to 1 (default: fast-check's choice, most of
   * the time). Low values make sparse params, which get past a service's own checks more often.
   */
  optionalPresence?: number;
}

/** The parts of a zod definition this reads; `schema._zod.def` in zod 4. */
interface Def {
  type: string;
  /** Set on string formats (`z.email()`, ...): the format's name and its pattern. */
  format?: string;
  pattern?: RegExp;
  checks?: readonly { _zod: { def: CheckDef } }[];
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  innerType?: z.ZodType;
  element?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  options?: readonly z.ZodType[];
  items?: readonly z.ZodType[];
  entries?: Record<string, string | number>;
  values?: readonly unknown[];
  in?: z.ZodType;
  getter?: () => z.ZodType;
}

interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  length?: number;
  value?: number | bigint;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}

const defOf = (schema: z.ZodType): Def => schema._zod.def;
const checksOf = (def: Def): CheckDef[] => (def.checks ?? []).map((check) => check._zod.def);

/** Thrown for a zod kind or check the generator cannot follow: extend it rather than guess. */
export class UnsupportedSchemaError extends Error {
  constructor(what: string, path: ParamPath) {
    super(`schemaArbitrary: no generator for ${what} at ${path.map(String).join('.') || '(params)'}; teach runtime/testing/schema-arbitrary.ts this kind`);
    this.name = 'UnsupportedSchemaError';
  }
}

/**
 * Values the schema accepts as input (`z.input`), generated from its definition: every kind
 * of zod schema the contract uses, with its length, range, integer and pattern checks. Keys
 * that are optional or have a default are sometimes left out, sometimes `undefined`. A
 * refinement (`.refine`) cannot be read, so values are filtered through the schema there.
 */
export function schemaArbitrary(schema: z.ZodType, options: SchemaArbitraryOptions = {}, path: ParamPath = []): fc.Arbitrary<unknown> {
  const overridden = options.override?.(schema, path);
  if (overridden) return overridden;
  const def = defOf(schema);
  const arbitrary = kindArbitrary(schema, def, options, path);
  // A refinement cannot be read: values are kept only when the schema accepts them.
  return checksOf(def).some((check) => check.check === 'custom') ? arbitrary.filter((value) => schema.safeParse(value).success) : arbitrary;
}

function kindArbitrary(schema: z.ZodType, def: Def, options: SchemaArbitraryOptions, path: ParamPath): fc.Arbitrary<unknown> {
  const inner = (child: z.ZodType | undefined, at: ParamPath = path) => {
    if (!child) throw new UnsupportedSchemaError(`a ${def.type} without its inner schema`, path);
    return schemaArbitrary(child, options, at);
  };
  switch (def.type) {
    case 'string':
      return stringArbitrary(def, options, path);
    case 'number':
      return numberArbitrary(def, path);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'undefined':
    case 'void':
      return fc.constant(undefined);
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case 'literal':
      return fc.constantFrom(...(def.values ?? []));
    case 'optional':
    case 'default':
    case 'prefault':
      return fc.option(inner(def.innerType), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(inner(def.innerType), { nil: null, freq: 3 });
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return inner(def.innerType);
    case 'object':
      return objectArbitrary(def, options, path);
    case 'array': {
      const { min, max } = lengthBounds(checksOf(def), path);
      const cap = Math.max(min, Math.min(max, options.maxItems ?? 4));
      return fc.array(inner(def.element, [...path, 0]), { minLength: min, maxLength: cap });
    }
    case 'tuple':
      return fc.tuple(...(def.items ?? []).map((item, index) => inner(item, [...path, index])));
    case 'record':
      return fc.dictionary(inner(def.keyType) as fc.Arbitrary<string>, inner(def.valueType, [...path, '*']), {
        maxKeys: options.maxItems ?? 4,
        noNullPrototype: true,
      });
    case 'union':
      return fc.oneof(...(def.options ?? []).map((option) => inner(option)));
    case 'unknown':
    case 'any':
      return fc.jsonValue({ maxDepth: 3 });
    case 'pipe':
      // The input side says what may be sent; whatever the pipe does next is checked by the schema.
      return inner(def.in).filter((value) => schema.safeParse(value).success);
    case 'lazy':
      if (path.length > 32) throw new UnsupportedSchemaError('a lazy schema nested deeper than 32', path);
      return inner(def.getter?.());
    default:
      throw new UnsupportedSchemaError(`zod kind "${def.type}"`, path);
  }
}

function objectArbitrary(def: Def, options: SchemaArbitraryOptions, path: ParamPath): fc.Arbitrary<unknown> {
  const shape = def.shape ?? {};
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  const requiredKeys: string[] = [];
  const presence = options.optionalPresence;
  for (const [key, field] of Object.entries(shape)) {
    const value = schemaArbitrary(field, options, [...path, key]);
    // zod 4 marks a key that may be left out by its `optin` (`optional`, `defaulted`).
    const required = (field._zod as { optin?: string }).optin === undefined;
    if (required || presence === undefined) model[key] = value;
    else model[key] = fc.oneof({ weight: Math.round(presence * 100), arbitrary: value }, { weight: Math.round((1 - presence) * 100), arbitrary: fc.constant(absent) });
    if (required || presence !== undefined) requiredKeys.push(key);
  }
  const record = fc.record(model, { requiredKeys, noNullPrototype: true });
  if (presence === undefined) return record;
  return record.map((value) => Object.fromEntries(Object.entries(value).filter(([, item]) => item !== absent)));
}

/** Marks a key to leave out (with `optionalPresence`); removed before a value is handed out. */
const absent = Symbol('absent');

function lengthBounds(checks: CheckDef[], path: ParamPath): { min: number; max: number } {
  let min = 0;
  let max = Number.POSITIVE_INFINITY;
  for (const check of checks) {
    if (check.check === 'min_length') min = Math.max(min, check.minimum ?? 0);
    else if (check.check === 'max_length') max = Math.min(max, check.maximum ?? max);
    else if (check.check === 'length_equals') [min, max] = [check.length ?? 0, check.length ?? 0];
    else if (!['string_format', 'custom', 'overwrite'].includes(check.check)) throw new UnsupportedSchemaError(`the "${check.check}" check`, path);
  }
  return { min, max };
}

function stringArbitrary(def: Def, options: SchemaArbitraryOptions, path: ParamPath): fc.Arbitrary<string> {
  const checks = checksOf(def);
  const { min, max } = lengthBounds(checks, path);
  const patterns: RegExp[] = [];
  // A format (`z.email()`, `.regex()`) carries its pattern, on the schema itself or on a check.
  for (const format of [def, ...checks.filter((check) => check.check === 'string_format')]) {
    if (format.format === undefined) continue;
    if (!format.pattern) throw new UnsupportedSchemaError(`the string format "${format.format}"`, path);
    patterns.push(format.pattern);
  }
  const cap = Math.max(min, Math.min(max, options.maxStringLength ?? 24));
  const fits = (text: string) => text.length >= min && text.length <= max && patterns.every((pattern) => new RegExp(pattern.source, pattern.flags).test(text));
  const [first] = patterns;
  if (first) return fc.stringMatching(first, { maxLength: cap }).filter(fits);
  const anyText = fc.oneof(
    fc.string({ minLength: min, maxLength: cap }),
    fc.string({ minLength: min, maxLength: cap, unit: 'binary' }),
  );
  // The longest string allowed, now and then: limits are where the bugs are.
  return Number.isFinite(max) && max > cap && max <= 1_000_000 ? fc.oneof({ arbitrary: anyText, weight: 9 }, { arbitrary: fc.constant('x'.repeat(max)), weight: 1 }) : anyText;
}

function numberArbitrary(def: Def, path: ParamPath): fc.Arbitrary<number> {
  let isInteger = false;
  let min = Number.NEGATIVE_INFINITY;
  let max = Number.POSITIVE_INFINITY;
  let minExcluded = false;
  let maxExcluded = false;
  for (const check of checksOf(def)) {
    if (check.check === 'number_format') {
      if (!['safeint', 'int32', 'uint32'].includes(check.format ?? '')) throw new UnsupportedSchemaError(`the number format "${String(check.format)}"`, path);
      isInteger = true;
      if (check.format === 'int32') [min, max] = [Math.max(min, -(2 ** 31)), Math.min(max, 2 ** 31 - 1)];
      if (check.format === 'uint32') [min, max] = [Math.max(min, 0), Math.min(max, 2 ** 32 - 1)];
    } else if (check.check === 'greater_than') {
      const value = Number(check.value);
      if (value > min || (value === min && !check.inclusive)) [min, minExcluded] = [value, !check.inclusive];
    } else if (check.check === 'less_than') {
      const value = Number(check.value);
      if (value < max || (value === max && !check.inclusive)) [max, maxExcluded] = [value, !check.inclusive];
    } else if (check.check !== 'overwrite') {
      // An overwrite (`.trim()`, ...) changes a value after it passed, and refuses nothing.
      throw new UnsupportedSchemaError(`the "${check.check}" check`, path);
    }
  }
  if (isInteger) {
    const low = Math.max(Number.MIN_SAFE_INTEGER, minExcluded ? Math.floor(min) + 1 : Math.ceil(min));
    const high = Math.min(Number.MAX_SAFE_INTEGER, maxExcluded ? Math.ceil(max) - 1 : Math.floor(max));
    return fc.integer({ min: low, max: high });
  }
  return fc.double({
    noNaN: true,
    noDefaultInfinity: true,
    ...(Number.isFinite(min) ? { min, minExcluded } : { min: -Number.MAX_VALUE }),
    ...(Number.isFinite(max) ? { max, maxExcluded } : { max: Number.MAX_VALUE }),
  });
}
