import type { z } from 'zod';
import { logsDownloadSchema } from './logs.js';
import { unwrapSchema } from './schema-walk.js';

/**
 * Files the web host of `berth serve` serves for download, each on its own path
 * (`GET /download/<name>?<params>`), behind the same token, Host and Origin checks as `/rpc`,
 * streamed from the engine to the browser. The params are the contract's own schema, carried
 * in the query (`engine` names the engine, as the envelope's `engine` does; absent: the
 * default). The desktop app saves with its dialog instead (`logs.save` without `path`).
 */
export const downloads = {
  logs: {
    params: logsDownloadSchema,
    doc: "A container's log as `docker logs` prints it, as `<name>.log` (the options of logs.save, without path).",
  },
} as const;

export type DownloadName = keyof typeof downloads;
export type DownloadParams<N extends DownloadName> = z.output<(typeof downloads)[N]['params']>;
export type DownloadInput<N extends DownloadName> = z.input<(typeof downloads)[N]['params']>;

export const downloadPathPrefix = '/download/';

export function isDownloadName(name: string): name is DownloadName {
  return Object.hasOwn(downloads, name);
}

/** The path and query of a download, to put in a link: `/download/logs?id=web&tail=100&timestamps=1`. */
export function downloadUrl<N extends DownloadName>(name: N, params: DownloadInput<N>, engine?: string): string {
  const query: string[] = [];
  const add = (key: string, value: string) => query.push(`${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
  for (const [key, value] of Object.entries(params as Record<string, unknown>)) {
    if (value === undefined) continue;
    if (typeof value === 'boolean') add(key, value ? '1' : '0');
    else if (typeof value === 'string' || typeof value === 'number') add(key, String(value));
  }
  if (engine !== undefined) add('engine', engine);
  return `${downloadPathPrefix}${name}${query.length > 0 ? `?${query.join('&')}` : ''}`;
}

/**
 * A query's values as the params they stand for, ready for the schema to validate: a flag is
 * `1`/`true` or `0`/`false`, a number is digits; anything else stays text, so the schema
 * names the field and says what it wanted. `engine` is the route, not a param. A key given
 * twice is refused by name.
 */
export function downloadParamsFrom(name: DownloadName, query: Iterable<[string, string]>): { params: Record<string, unknown>; engine?: string } | { duplicate: string } {
  const shape = (unwrapSchema(downloads[name].params)._zod.def as { shape?: Record<string, z.ZodType> }).shape ?? {};
  const params: Record<string, unknown> = {};
  let engine: string | undefined;
  for (const [key, text] of query) {
    if (key === 'engine') {
      if (engine !== undefined) return { duplicate: key };
      engine = text;
      continue;
    }
    if (Object.hasOwn(params, key)) return { duplicate: key };
    const field = shape[key];
    params[key] = field === undefined ? text : valueFor(field, text);
  }
  return engine === undefined ? { params } : { params, engine };
}

function valueFor(field: z.ZodType, text: string): unknown {
  const kinds = kindsOf(field);
  if (kinds.has('boolean')) {
    if (text === '1' || text === 'true') return true;
    if (text === '0' || text === 'false') return false;
  }
  if (kinds.has('number') && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

/** The kinds of value a field takes: a union's members' too. */
function kindsOf(field: z.ZodType): Set<string> {
  const def = unwrapSchema(field)._zod.def as { type: string; options?: readonly z.ZodType[] };
  if (def.type !== 'union') return new Set([def.type]);
  return new Set((def.options ?? []).flatMap((option) => [...kindsOf(option)]));
}
