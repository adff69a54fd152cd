import type { z } from 'zod';

/**
 * Reading the contract's schemas by path: which keys an object allows (for "unknown field"
 * errors) and what a field means (for `berth api --help` and the UI's field hints). The
 * schemas are the one source of both.
 */

/** The parts of a zod schema's definition the walk looks at. */
interface SchemaDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: readonly z.ZodType[];
  discriminator?: string;
  in?: z.ZodType;
  getter?: () => z.ZodType;
}

function defOf(schema: z.ZodType): SchemaDef {
  return schema._zod.def;
}

/** Past wrappers that do not change the shape: optional, default, nullable, readonly, pipes, lazy. */
export function unwrapSchema(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let depth = 0; depth < 32; depth++) {
    const def = defOf(current);
    const next = def.innerType ?? (def.type === 'pipe' ? def.in : undefined) ?? (def.type === 'lazy' ? def.getter?.() : undefined);
    if (!next) return current;
    current = next;
  }
  return current;
}

function valueAt(input: unknown, key: PropertyKey): unknown {
  return typeof input === 'object' && input !== null ? (input as Record<PropertyKey, unknown>)[key] : undefined;
}

/** The union member the input picks (by its discriminator), or the first member that is an object with that key. */
function pickOption(def: SchemaDef, input: unknown, nextKey: PropertyKey | undefined): z.ZodType | undefined {
  const options = def.options ?? [];
  if (def.discriminator !== undefined) {
    const wanted = valueAt(input, def.discriminator);
    const match = options.find((option) => {
      const field = defOf(unwrapSchema(option)).shape?.[def.discriminator as string];
      return field !== undefined && field.safeParse(wanted).success;
    });
    if (match) return match;
  }
  if (nextKey === undefined) return options.find((option) => defOf(unwrapSchema(option)).type === 'object');
  return options.find((option) => defOf(unwrapSchema(option)).shape?.[String(nextKey)] !== undefined);
}

/** The schema at `path` inside `schema`, reading `input` to choose between union members. */
export function schemaAt(schema: z.ZodType, path: readonly PropertyKey[], input?: unknown): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  let value = input;
  for (let index = 0; index <= path.length && current; index++) {
    const unwrapped = unwrapSchema(current);
    const def = defOf(unwrapped);
    if (def.type === 'union') {
      // A union of plain values at the end of the path is the field itself (`tail`: a number or `all`).
      if (index === path.length && !(def.options ?? []).some((option) => defOf(unwrapSchema(option)).type === 'object')) return current;
      current = pickOption(def, value, path[index]);
      index--; // the union member stands at the same place in the path
      continue;
    }
    if (index === path.length) return current;
    const key = path[index] as PropertyKey;
    if (def.type === 'object') current = def.shape?.[String(key)];
    else if (def.type === 'array') current = def.element;
    else if (def.type === 'record') current = def.valueType;
    else return undefined;
    value = valueAt(value, key);
  }
  return current;
}

/** The keys the object at `path` allows, or null when there is no object there. */
export function objectKeysAt(schema: z.ZodType, path: readonly PropertyKey[], input?: unknown): string[] | null {
  const found = schemaAt(schema, path, input);
  if (!found) return null;
  const unwrapped = unwrapSchema(found);
  const def = defOf(unwrapped);
  if (def.type === 'union') {
    const option = pickOption(def, valueAt({ value: input }, 'value'), undefined);
    return option ? objectKeysAt(option, [], input) : null;
  }
  return def.type === 'object' ? Object.keys(def.shape ?? {}) : null;
}

/** What a field means, from its schema's description (set with `.describe()`), or null. */
export function fieldDescription(schema: z.ZodType, path: readonly PropertyKey[], input?: unknown): string | null {
  let found = schemaAt(schema, path, input);
  // The description may sit on a wrapper (`x.optional().describe()`) or on what it wraps.
  for (let depth = 0; found && depth < 32; depth++) {
    if (found.description) return found.description;
    const def = defOf(found);
    found = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
  }
  return null;
}
