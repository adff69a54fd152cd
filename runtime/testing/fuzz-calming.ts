/**
 * The contract fuzz's calming table (runtime/rpc/contract-fuzz.int.test.ts): which methods never
 * get a valid call, which get fewer for time, and how the valid params of the others are made
 * harmless for the machine (reach, time, files) before they are sent. Kept apart so the test
 * file reads as the test; each entry says why beside it.
 */
import path from 'node:path';
import { streams, type MethodName, type StreamName } from '../api/index.js';
import { digestOf } from './fuzz-safety.js';
import type { FuzzSandbox } from './fuzz-sandbox.js';

type Name = MethodName | StreamName;

/** Valid params in, valid params out, made harmless. */
export type Calming = Partial<Record<Name, (params: Record<string, unknown>) => Record<string, unknown>>>;

export interface CalmingContext {
  sandbox: FuzzSandbox;
  registry: string;
  dataDir: string;
}

/**
 * Never sent a valid call, only params their schema refuses: a valid call acts on everything
 * on the engine, not only on what the fuzz made. `containers.prune` removes every stopped
 * container; `engine.startManaged` / `engine.stopManaged` start or stop a whole engine;
 * `engines.add`, `engines.connect` and `engines.setDefault` would reach whatever URL was
 * generated (traffic beyond 127.0.0.1) or move the default engine away from the test engine.
 * `images.prune` deletes every unused image its filters let through, other test files' too, and
 * `volumes.prune` every unused volume, `networks.prune` every unused network, and
 * `builder.prune` every unused build cache record. `networks.create`
 * makes a bridge on this machine with whatever subnet was generated: one another engine's bridge
 * uses would cut that engine off.
 * `registries.login`, `registries.logout` and `registries.remove` (with `logout`) keep or erase
 * logins where the docker CLI keeps them; `registries.deleteTag` deletes from the registry other
 * test files share; `registries.search` sends the engine to Docker Hub (beyond 127.0.0.1).
 */
export const neverValid: ReadonlySet<Name> = new Set([
  'containers.prune',
  'images.prune',
  'volumes.prune',
  'networks.prune',
  'builder.prune',
  'networks.create',
  'engine.startManaged',
  'engine.stopManaged',
  'engines.add',
  'engines.connect',
  'engines.setDefault',
  'registries.login',
  'registries.logout',
  'registries.remove',
  'registries.deleteTag',
  'registries.search',
]);

/** Percent of cases that are valid calls, where a valid call is slow (the default is 50). */
export const validPercent: Partial<Record<Name, number>> = {
  'containers.create': 30, // create (and start) + remove: ~300 ms
  'containers.recreate': 20, // rename, stop, create, start, remove, then the fixture made again: ~1 s
  'containers.restart': 15, // stop + start: ~500 ms
  'containers.start': 30,
  'containers.stop': 30,
  'containers.rename': 30, // the fixture made again after each
  'containers.remove': 30, // the fixture made again after each
  'images.remove': 30, // the own image committed again after each
  'containers.stats': 10, // the first sample takes 1-2 s
  'containers.attach': 20,
  'exec.open': 20,
  'images.pull': 15,
  'images.build': 20, // a one-step build: ~300 ms
  'images.push': 15,
};

/**
 * Valid params of these are calmed before sending, for time or reach; the reason is beside each.
 * `sandbox`: the fuzz's own objects; `registry`: the test registry; `dataDir`: the fuzz's own directory.
 */
export function calmingFor({ sandbox, registry, dataDir }: CalmingContext): Calming {
  const onTestRegistry = (reference: string, stream: 'images.pull' | 'images.push') => testRegistryReference(reference, stream, sandbox, registry);
  const volumeFile = (params: Record<string, unknown>, extension: string) => volumeFileIn(dataDir, params, extension);
  return {
    // A stop waits this long for a process that ignores SIGTERM (one a fuzzed SIGSTOP froze).
    'containers.stop': (params) => ({ ...params, ...(typeof params.timeoutSeconds === 'number' ? { timeoutSeconds: Math.min(params.timeoutSeconds, 1) } : {}) }),
    'containers.restart': (params) => ({ ...params, ...(typeof params.timeoutSeconds === 'number' ? { timeoutSeconds: Math.min(params.timeoutSeconds, 1) } : {}) }),
    // A host port in a spec is probed by binding it for a moment: one someone else is about to bind is not ours to hold.
    'containers.validateRun': (params) => ({ ...params, spec: withoutHostPorts(params.spec) }),
    // Any valid reference would be pulled, from the internet unless it names the test registry.
    'images.pull': (params) => ({ ...params, reference: onTestRegistry(String(params.reference), 'images.pull') }),
    // The same for a push: to the test registry, only what the fuzz has (else a tag that is not there).
    'images.push': (params) => ({ ...params, reference: onTestRegistry(String(params.reference), 'images.push') }),
    // A new tag stays on the engine: it names the fuzz's own image space, and goes with its image at the end.
    'images.tag': (params) => ({ ...params, target: `${sandbox.prefix}/img:tag-${digestOf(String(params.target)).slice(0, 12)}` }),
    // A generated registry could be any host: browsing goes to the test registry (127.0.0.1).
    'registries.test': (params) => ({ ...params, registry }),
    'registries.catalog': (params) => ({ ...params, registry }),
    'registries.tags': (params) => ({ ...params, registry }),
    'registries.manifest': (params) => ({ ...params, registry }),
    // A generated path could be any file on this machine: the save goes into the fuzz's own directory.
    'logs.save': (params) => ({ ...params, ...(typeof params.path === 'string' ? { path: path.join(dataDir, `saved-${digestOf(params.path)}.log`) } : {}) }),
    // A generated context could be any directory here (packing / takes hours): builds go from the
    // fuzz's own one-step context (its image carries the fuzz's label, so teardown removes it), with
    // tags of its own, and never pull (no registry but the test's is reachable).
    'images.build': ({ target: _target, ...params }) => ({
      ...params,
      context: path.join(dataDir, 'build-context'),
      dockerfile: 'Dockerfile',
      tags: Array.isArray(params.tags) ? params.tags.map((tag) => `${sandbox.prefix}/built-${digestOf(tag)}:it`) : params.tags,
      pull: false,
    }),
    // The same for image archives: a load reads what a save of the same generated path wrote (or finds no file).
    'images.save': (params) => ({ ...params, ...(typeof params.path === 'string' ? { path: path.join(dataDir, `saved-${digestOf(params.path)}.tar`) } : {}) }),
    'images.load': (params) => ({ ...params, ...(typeof params.path === 'string' ? { path: path.join(dataDir, `saved-${digestOf(params.path)}.tar`) } : {}) }),
    // Volumes it makes carry its prefix (teardown removes them); a generated driver would be looked
    // up as a plugin for 15 s; files go into its own directory, as above.
    // (An unnamed one would be named by the engine, out of the fuzz's reach: every create is named.)
    'volumes.create': (params) => ({ ...params, driver: 'local', name: `${sandbox.prefix}-v-${digestOf(params.name)}` }),
    'volumes.clone': (params) => ({ ...params, target: `${sandbox.prefix}-v-${digestOf(params.target)}` }),
    'volumes.restore': (params) => ({ ...params, name: `${sandbox.prefix}-v-${digestOf(params.name)}`, ...volumeFile(params, 'tar.gz') }),
    'volumes.backup': (params) => ({ ...params, ...volumeFile(params, 'tar.gz') }),
    'volumes.download': (params) => ({ ...params, ...volumeFile(params, 'tar') }),
  };
}

/** A volume stream's generated `file`, moved into the fuzz's own directory (a backup and a restore of the same name meet). */
function volumeFileIn(dataDir: string, params: Record<string, unknown>, extension: string): { file?: string } {
  return typeof params.file === 'string' ? { file: path.join(dataDir, `volume-${digestOf(params.file)}.${extension}`) } : {};
}

/** A RunSpec with no host port in it: the port would be probed by binding it for a moment. */
function withoutHostPorts(spec: unknown): unknown {
  if (typeof spec !== 'object' || spec === null || !Array.isArray((spec as { ports?: unknown }).ports)) return spec;
  const ports = (spec as { ports: unknown[] }).ports.map((port) => {
    if (typeof port !== 'object' || port === null) return port;
    const { hostPort: _hostPort, ...rest } = port as Record<string, unknown>;
    return rest;
  });
  return { ...spec, ports };
}

/** A reference on the test registry: as generated when it is one of the fuzz's, else behind the registry's address. */
function testRegistryReference(reference: string, stream: 'images.pull' | 'images.push', sandbox: FuzzSandbox, registry: string): string {
  if (sandbox.pullRefs().includes(reference)) return reference;
  const local = `${registry}/${reference}`;
  // Still within the schema's length, or a reference of the fuzz's that does not exist.
  return streams[stream].params.safeParse({ reference: local }).success ? local : `${registry}/${sandbox.prefix}/missing:latest`;
}
