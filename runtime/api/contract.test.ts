import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { methods, streams } from './contract.js';
import { fieldDescription } from './schema-walk.js';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  innerType?: z.ZodType;
  element?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  options?: readonly z.ZodType[];
  in?: z.ZodType;
  out?: z.ZodType;
}
const defOf = (schema: z.ZodType) => schema._zod.def as Def;

/** Every object schema reachable from `schema`, with its path. */
function objectsIn(schema: z.ZodType, path: string[] = [], found: { path: string[]; def: Def }[] = []): { path: string[]; def: Def }[] {
  const def = defOf(schema);
  if (def.type === 'object') {
    found.push({ path, def });
    for (const [key, field] of Object.entries(def.shape ?? {})) objectsIn(field, [...path, key], found);
  }
  // Array elements are addressed by index; any index finds the element's schema.
  const element = def.element ? [...path, 0] : path;
  if (def.element) objectsIn(def.element, element as string[], found);
  for (const inner of [def.innerType, def.keyType, def.valueType, def.in, def.out, ...(def.options ?? [])]) {
    if (inner) objectsIn(inner, path, found);
  }
  return found;
}

const everything = [...Object.entries(methods), ...Object.entries(streams)];

describe('the contract', () => {
  it('names every method and stream domain.verb (the events stream aside)', () => {
    for (const [name] of everything) expect(name === 'events' || /^[a-z]+\.[a-z][a-zA-Z]*$/.test(name), name).toBe(true);
  });

  it('is strict at every depth: no object schema lets an unknown key through', () => {
    const loose = everything.flatMap(([name, spec]) =>
      objectsIn(spec.params)
        .filter(({ def }) => def.catchall === undefined || defOf(def.catchall).type !== 'never')
        .map(({ path }) => [name, ...path].join('.')),
    );
    expect(loose).toEqual([]);
  });

  it('documents every method, stream and parameter field', () => {
    const undocumented: string[] = [];
    for (const [name, spec] of everything) {
      if (spec.doc.trim().length < 10) undocumented.push(name);
      for (const { path, def } of objectsIn(spec.params)) {
        for (const key of Object.keys(def.shape ?? {})) {
          // Looked up by path from the method's params, as `berth api --help` and the UI's hints do.
          const described = fieldDescription(spec.params, [...path, key]);
          if (!described) undocumented.push([name, ...path, key].join('.'));
        }
      }
    }
    expect(undocumented).toEqual([]);
  });
});
