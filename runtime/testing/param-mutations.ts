// Test-only: bad input made from good input. A valid value (from schemaArbitrary) is broken
// in one to three places: what a confused caller, a buggy script or a hostile page would send.
import fc from 'fast-check';

/** One way of breaking a value at one place in it. */
export type Mutation =
  | { kind: 'wrong_type'; value: unknown }
  | { kind: 'unknown_key'; key: string | { nearMissOf: number }; value: unknown }
  | { kind: 'drop_key' }
  | { kind: 'odd_string'; value: string }
  | { kind: 'odd_number'; value: number | null }
  | { kind: 'deep_nesting'; value: unknown }
  | { kind: 'huge_array'; value: unknown[] };

/** A mutation and where it lands: `at` picks one of the places the mutation applies to. */
export interface PlacedMutation {
  at: number;
  mutation: Mutation;
}

const hugeLength = 100_000;

/** Values of every JSON type (and `undefined`, which IPC delivers and JSON drops). */
const anyTypeValues: unknown[] = [null, undefined, true, false, 0, -1, 1.5, '', 'text', [], [1, 'two'], {}, { key: 'value' }];

/** Strings that break parsers, paths, terminals, logs and UTF-8 encoders. */
const oddStrings = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'x'.repeat(hugeLength),
    '\u00e9'.repeat(hugeLength),
    '\uD800', // a lone high surrogate: not encodable as UTF-8
    '\uDFFF',
    'web\uD800',
    '\uDBFF\uDBFF',
    '\u0000',
    'web\u0000',
    '\u001b[31mred\u001b[0m',
    '\r\n',
    '\u2028\u2029',
    '\u202etxt.exe',
    '\ufeff',
    '\uffff',
    '../../etc/passwd',
    '/',
    '.',
    '..',
    '%2e%2e%2f',
    'a/b?c=d#e',
    'sha256:',
    'container:',
    'host',
    '-1',
    'NaN',
    '{}',
    'null',
  ),
  // Control characters mixed into ordinary text.
  fc.string({ unit: fc.constantFrom('\u0000', '\u0001', '\u0007', '\b', '\t', '\n', '\u000b', '\f', '\r', '\u001b', '\u007f', '\u0085', 'a', '/', ':'), maxLength: 16 }),
  // Half surrogate pairs among other UTF-16 code units.
  fc.string({ unit: fc.integer({ min: 0xd7f0, max: 0xe010 }).map((code) => String.fromCharCode(code)), minLength: 1, maxLength: 8 }),
);

/** Numbers at and past every limit: negative, fractional, unsafe, huge, and what JSON has no words for. */
const oddNumbers = fc.oneof(
  fc.constantFrom(
    -1,
    -0,
    0.5,
    -0.5,
    1e-9,
    2 ** 31,
    2 ** 32,
    2 ** 53,
    2 ** 53 + 2,
    -(2 ** 53),
    1e21,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    Number.MIN_VALUE,
    Number.NaN, // as IPC's structured clone delivers it
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    null, // NaN and Infinity as JSON delivers them
  ),
  fc.double(),
  fc.integer({ min: -(2 ** 31), max: -1 }),
);

function nested(depth: number, inArrays: boolean): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level++) value = inArrays ? [value] : { a: value };
  return value;
}

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constantFrom(...anyTypeValues).map((value): Mutation => ({ kind: 'wrong_type', value })),
  fc
    .tuple(
      fc.oneof(
        fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', ' ', 'ID', 'Id'),
        fc.string({ minLength: 1, maxLength: 12 }),
        fc.nat().map((index) => ({ nearMissOf: index })),
      ),
      fc.constantFrom<unknown>('x', 1, true, null, {}, []),
    )
    .map(([key, value]): Mutation => ({ kind: 'unknown_key', key, value })),
  fc.constant<Mutation>({ kind: 'drop_key' }),
  oddStrings.map((value): Mutation => ({ kind: 'odd_string', value })),
  oddNumbers.map((value): Mutation => ({ kind: 'odd_number', value })),
  fc
    .tuple(fc.integer({ min: 100, max: 1_000 }), fc.boolean())
    .map(([depth, inArrays]): Mutation => ({ kind: 'deep_nesting', value: nested(depth, inArrays) })),
  fc.constantFrom<unknown>('x', 1, {}).map((item): Mutation => ({ kind: 'huge_array', value: Array<unknown>(5_000).fill(item) })),
);

/** One to three mutations, each placed somewhere in the value. */
export const placedMutationsArbitrary: fc.Arbitrary<PlacedMutation[]> = fc.array(
  fc.record({ at: fc.nat(), mutation: mutationArbitrary }),
  { minLength: 1, maxLength: 3 },
);

/** A place in a value: the path to it and what is there. */
interface Place {
  path: PropertyKey[];
  value: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Places down to this depth: params are shallow, and a mutation inside a deep nest adds nothing. */
const deepestPlace = 12;

function placesIn(value: unknown, path: PropertyKey[] = [], found: Place[] = []): Place[] {
  found.push({ path, value });
  if (path.length >= deepestPlace) return found;
  if (Array.isArray(value)) value.forEach((item, index) => placesIn(item, [...path, index], found));
  else if (isObject(value)) for (const [key, item] of Object.entries(value)) placesIn(item, [...path, key], found);
  return found;
}

/** Where each kind of mutation may land; when nowhere fits, it lands on the whole value. */
function fits(mutation: Mutation, place: Place): boolean {
  switch (mutation.kind) {
    case 'unknown_key':
      return isObject(place.value);
    case 'drop_key':
      return isObject(place.value) && Object.keys(place.value).length > 0;
    case 'odd_string':
      return typeof place.value === 'string';
    case 'odd_number':
      return typeof place.value === 'number';
    case 'huge_array':
      return Array.isArray(place.value);
    default:
      return true;
  }
}

/** Sets an own property, even `__proto__` (plain assignment would change the prototype instead). */
function setOwn(target: Record<PropertyKey, unknown> | unknown[], key: PropertyKey, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function replaceAt(root: unknown, path: readonly PropertyKey[], given: unknown): unknown {
  // A copy: later mutations write into what was placed, and fast-check reuses its values.
  const value = typeof given === 'object' && given !== null ? structuredClone(given) : given;
  if (path.length === 0) return value;
  let parent = root as Record<PropertyKey, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<PropertyKey, unknown>;
  setOwn(parent, path[path.length - 1] as PropertyKey, value);
  return root;
}

function applyOne(root: unknown, { at, mutation }: PlacedMutation): unknown {
  const places = placesIn(root);
  const fitting = places.filter((place) => fits(mutation, place));
  const place = (fitting.length > 0 ? fitting : places)[at % (fitting.length > 0 ? fitting.length : places.length)] as Place;
  switch (mutation.kind) {
    case 'wrong_type': {
      const kindOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
      const other = anyTypeValues.find((value, index) => index >= anyTypeValues.indexOf(mutation.value) && kindOf(value) !== kindOf(place.value));
      return replaceAt(root, place.path, other ?? null);
    }
    case 'unknown_key': {
      const target = isObject(place.value) ? place.value : {};
      const keys = Object.keys(target);
      const key = typeof mutation.key === 'string' ? mutation.key : nearMiss(keys[mutation.key.nearMissOf % Math.max(1, keys.length)] ?? 'id', mutation.key.nearMissOf);
      setOwn(target, key, typeof mutation.value === 'object' && mutation.value !== null ? structuredClone(mutation.value) : mutation.value);
      return target === place.value ? root : replaceAt(root, place.path, target);
    }
    case 'drop_key': {
      if (!isObject(place.value)) return replaceAt(root, place.path, undefined);
      const keys = Object.keys(place.value);
      delete place.value[keys[at % keys.length] as string];
      return root;
    }
    default:
      return replaceAt(root, place.path, mutation.value);
  }
}

/** A key one slip away from a real one: `memory` for `memoryBytes`, `Id` for `id`, `timeoutSecond`. */
function nearMiss(key: string, variant: number): string {
  const forms = [key.slice(0, -1), `${key}s`, key.toUpperCase(), key.replace(/[A-Z][a-z]*$/, '') || `${key}_`, ` ${key}`];
  return forms[variant % forms.length] as string;
}

/** The value with the mutations applied, in order; the value given is left as it was. */
export function applyMutations(value: unknown, mutations: readonly PlacedMutation[]): unknown {
  let result: unknown = value === undefined ? undefined : structuredClone(value);
  for (const placed of mutations) result = applyOne(result, placed);
  return result;
}
