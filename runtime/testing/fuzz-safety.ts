// Test-only: what keeps the contract fuzz (runtime/rpc/contract-fuzz.int.test.ts) away from
// anything it did not create. A generated call that passes validation reaches the engine, so
// before it is sent: RunSpecs are made harmless, pulls stay on the test registry, and a call
// that names any container, image, volume or network the test did not make is not sent.
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { RunSpecInput } from '../api/index.js';

/** What was on the engine before the fuzz made anything: never to be named by a call. */
export interface ForeignObjects {
  containers: { id: string; names: string[] }[];
  images: { id: string; refs: string[] }[];
  volumes: string[];
  networks: { id: string; name: string }[];
}

/** `busybox` and `docker.io/library/busybox:latest` are one image to the engine. */
export function normalizeReference(reference: string): string {
  let text = reference.replace(/^(docker\.io|index\.docker\.io)\//, '').replace(/^library\//, '');
  const lastSlash = text.lastIndexOf('/');
  if (!text.includes('@') && !text.slice(lastSlash + 1).includes(':')) text = `${text}:latest`;
  return text;
}

/**
 * Whether the engine could take `text` for something the test did not create: a container's
 * name or a prefix of its id, an image's reference or a prefix of its id, a volume's or a
 * network's name. Deliberately broad (any hex string may be an id prefix): a call skipped for
 * safety costs one case; a call that removes someone's container costs their work.
 */
export function namesForeignObject(text: string, foreign: ForeignObjects): boolean {
  if (text.length === 0) return false;
  const lower = text.toLowerCase();
  const bare = text.replace(/^\//, '');
  const hex = lower.replace(/^\//, '').replace(/^sha256:/, '');
  if (hex.length > 0 && /^[0-9a-f]+$/.test(hex)) {
    const ids = [...foreign.containers.map((c) => c.id), ...foreign.images.map((i) => i.id), ...foreign.networks.map((n) => n.id)];
    if (ids.some((id) => id.replace(/^sha256:/, '').startsWith(hex))) return true;
  }
  if (foreign.containers.some((container) => container.names.includes(bare))) return true;
  const reference = normalizeReference(text);
  if (foreign.images.some((image) => image.refs.some((ref) => normalizeReference(ref) === reference))) return true;
  return foreign.volumes.includes(text) || foreign.networks.some((network) => network.name === text || network.name === bare);
}

/** Every string in a value (keys aside), with where it is. */
export function stringsIn(value: unknown, path: PropertyKey[] = [], found: { path: PropertyKey[]; text: string }[] = []): { path: PropertyKey[]; text: string }[] {
  if (typeof value === 'string') found.push({ path, text: value });
  else if (Array.isArray(value)) value.forEach((item, index) => stringsIn(item, [...path, index], found));
  else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) stringsIn(item, [...path, key], found);
  return found;
}

/** A short stable tag for a generated value, so a sanitized name is the same on every replay. */
export const digestOf = (value: unknown): string => createHash('sha256').update(JSON.stringify(value) ?? 'undefined').digest('hex').slice(0, 8);

export interface SpecRules {
  /** The images a spec may use: the test image (always present: nothing pulls) and the test's own. */
  images: readonly string[];
  /** Prefix of every name the test gives: containers, volumes. */
  prefix: string;
  label: { key: string; value: string };
  /** Whether the container may start (create with `start`, a recreate of a running one). */
  mayStart: boolean;
}

/** `host`, `container:web`, paths and anything else that would share a namespace of something not ours. */
const sharesSomething = (mode: string) => !/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(mode) || mode.toLowerCase() === 'host';

/**
 * A generated RunSpec made harmless and ours: the test image, a name with the test's prefix,
 * the test's label, no host paths (a bind becomes an anonymous volume), named volumes with the
 * prefix, no privileges, no added capabilities, no host or shared network, PID or IPC
 * namespaces, no fixed host ports (the engine picks free ones), and, when it may start, a
 * command that exits at once. Everything else (the odd values the fuzz is about) is kept.
 */
export function harmlessSpec(spec: RunSpecInput, rules: SpecRules): RunSpecInput {
  const tag = digestOf(spec);
  const image = rules.images[Number.parseInt(tag.slice(0, 2), 16) % rules.images.length] ?? rules.images[0] ?? 'missing-image';
  const safe: RunSpecInput = {
    ...spec,
    image,
    labels: { ...spec.labels, [rules.label.key]: rules.label.value },
    privileged: false,
    capAdd: [],
    mounts: (spec.mounts ?? []).map((mount) => {
      if (mount.type === 'bind') return { type: 'anonymous', target: mount.target };
      if (mount.type === 'volume') return { ...mount, source: `${rules.prefix}-v-${digestOf(mount.source)}` };
      return mount;
    }),
    ports: (spec.ports ?? []).map(({ hostPort: _hostPort, ...port }) => port),
  };
  if (spec.name !== undefined) safe.name = `${rules.prefix}-c-${digestOf(spec.name)}`;
  if (spec.network !== undefined && sharesSomething(spec.network)) safe.network = 'none';
  if (spec.pidMode !== undefined && spec.pidMode !== '' && sharesSomething(spec.pidMode)) delete safe.pidMode;
  if (spec.ipcMode !== undefined && spec.ipcMode !== '' && sharesSomething(spec.ipcMode)) delete safe.ipcMode;
  if (rules.mayStart) {
    safe.command = ['true'];
    delete safe.entrypoint;
  }
  return safe;
}

/** The parts of a zod definition the walk below reads. */
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
}

/**
 * Replaces every value in `params` that sits where `schema` has `target` (found through
 * objects, optionals and defaults), e.g. every RunSpec in a method's params.
 */
export function mapWhereSchema(schema: z.ZodType, params: unknown, target: z.ZodType, replace: (value: unknown) => unknown): unknown {
  const def = schema._zod.def as Def;
  if (def === target._zod.def) return params === undefined ? params : replace(params);
  if (def.innerType) return mapWhereSchema(def.innerType, params, target, replace);
  if (def.type !== 'object' || typeof params !== 'object' || params === null || Array.isArray(params)) return params;
  const result: Record<string, unknown> = { ...(params as Record<string, unknown>) };
  for (const [key, field] of Object.entries(def.shape ?? {})) {
    if (key in result) result[key] = mapWhereSchema(field, result[key], target, replace);
  }
  return result;
}
