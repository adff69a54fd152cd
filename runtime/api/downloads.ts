import type { z } from 'zod';
import { imagesDownloadSchema } from './image-archive.js';
import { logsDownloadSchema } from './logs.js';
import { unwrapSchema } from './schema-walk.js';
import { volumeBackupDownloadSchema, volumeFilesDownloadSchema } from './volume-files.js';

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
  images: {
    params: imagesDownloadSchema,
    doc: 'Images as `docker save` writes them, as `<image>.tar` or `images.tar`: `ids` once per image (`?ids=app:1&ids=app:2`).',
  },
  'volume-backup': {
    params: volumeBackupDownloadSchema,
    doc: "A volume's whole content as `<name>.tar.gz` (what volumes.backup writes).",
  },
  'volume-files': {
    params: volumeFilesDownloadSchema,
    doc: 'A file or folder of a volume as `<name>.tar` (what volumes.download writes).',
  },
} as const;

export type DownloadName = keyof typeof downloads;
export type DownloadParams<N extends DownloadName> = z.output<(typeof downloads)[N]['params']>;
export type DownloadInput<N extends DownloadName> = z.input<(typeof downloads)[N]['params']>;

export const downloadPathPrefix = '/download/';

export function isDownloadName(name: string): name is DownloadName {
  return Object.hasOwn(downloads, name);
}

/**
 * The path and query of a download, to put in a link: `/download/logs?id=web&tail=100&timestamps=1`.
 * A list is its key once per item, in order (`ids=a&ids=b`), as URLSearchParams and the engine's
 * own API (`/images/get?names=a&names=b`) write lists: no separator an item could hold.
 */
export function downloadUrl<N extends DownloadName>(name: N, params: DownloadInput<N>, engine?: string): string {
  const query: string[] = [];
  const add = (key: string, value: string) => query.push(`${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
  for (const [key, value] of Object.entries(params as Record<string, unknown>)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? (value as unknown[]) : [value]) {
      if (typeof item === 'boolean') add(key, item ? '1' : '0');
      else if (typeof item === 'string' || typeof item === 'number') add(key, String(item));
    }
  }
  if (engine !== undefined) add('engine', engine);
  return `${downloadPathPrefix}${name}${query.length > 0 ? `?${query.join('&')}` : ''}`;
}

/**
 * A query's values as the params they stand for, ready for the schema to validate: a flag is
 * `1`/`true` or `0`/`false`, a number is digits; anything else stays text, so the schema
 * names the field and says what it wanted. `engine` is the route, not a param. A list field
 * takes its key once per item (`ids=a&ids=b`), each item read as the list's items are; any
 * other key given twice is refused by name.
 */
export function downloadParamsFrom(name: DownloadName, query: Iterable<[string, string]>): { params: Record<string, unknown>; engine?: string } | { duplicate: string } {
  return paramsFromQuery(downloads[name].params, query);
}

/** The params of `schema` from a query, as downloadParamsFrom reads them (uploads read theirs so too). */
export function paramsFromQuery(schema: z.ZodType, query: Iterable<[string, string]>): { params: Record<string, unknown>; engine?: string } | { duplicate: string } {
  const shape = (unwrapSchema(schema)._zod.def as { shape?: Record<string, z.ZodType> }).shape ?? {};
  const params: Record<string, unknown> = {};
  let engine: string | undefined;
  for (const [key, text] of query) {
    if (key === 'engine') {
      if (engine !== undefined) return { duplicate: key };
      engine = text;
      continue;
    }
    const field = shape[key];
    const items = field === undefined ? undefined : listItemsOf(field);
    if (items !== undefined) {
      const list = (params[key] ??= []) as unknown[];
      list.push(valueFor(items, text));
      continue;
    }
    if (Object.hasOwn(params, key)) return { duplicate: key };
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

/** The schema of a list field's items; undefined for a field that is not a list. */
function listItemsOf(field: z.ZodType): z.ZodType | undefined {
  const def = unwrapSchema(field)._zod.def as { type: string; element?: z.ZodType };
  return def.type === 'array' ? def.element : undefined;
}

/** The kinds of value a field takes: a union's members' too. */
function kindsOf(field: z.ZodType): Set<string> {
  const def = unwrapSchema(field)._zod.def as { type: string; options?: readonly z.ZodType[] };
  if (def.type !== 'union') return new Set([def.type]);
  return new Set((def.options ?? []).flatMap((option) => [...kindsOf(option)]));
}
