/**
 * Contract fuzz (issue 16): every method and stream of the contract, read from `methods` and
 * `streams` (a new one is covered without touching this file), gets params generated from its
 * own schema and mutations of them, sent through the real dispatcher and services to the real
 * test engine. Property: every answer is a result, or an error whose code is not `internal`;
 * params the schema refuses are `invalid_argument`; the backend keeps answering.
 *
 * Safety: nothing the test did not create is touched. Generated ids are drawn from the
 * containers and images the fuzz made itself (runtime/testing/fuzz-sandbox.ts) or ids that do
 * not exist; a call that passes validation is made harmless first and is not sent at all when
 * any string in it could name a container, image, volume or network the fuzz did not make
 * (runtime/testing/fuzz-safety.ts). Sentinels made before the run (a running container, an
 * image tag, a volume) and `docker ps -a` / `docker images` / `docker volume ls` compared before
 * and after prove it.
 *
 * Replay: the run prints its seed. `FUZZ_SEED=<seed>` replays a run; add `FUZZ_ONLY=<name>` and
 * the `FUZZ_PATH` a failure printed to replay that method's failing case (engine state left by
 * earlier cases may differ). `FUZZ_RUNS` sets the cases per method (default 100, the CI
 * minimum); `FUZZ_KEEP_GOING=1` collects every failure instead of stopping at the first;
 * `FUZZ_VERBOSE=1` prints every case and its answer.
 *
 * Time budget (about 2 minutes on 2 cores): a case with invalid params costs about a
 * millisecond, a call that reaches the engine 5 to 500 ms. Each method gets `FUZZ_RUNS` cases,
 * of which `validPercent` are valid calls (50% by default); the slow ones (runtime/testing/fuzz-calming.ts) get fewer
 * valid calls and more mutations, so each still has its 100 cases. The run prints the time
 * each method took, so a new slow method shows up there.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  BerthClient,
  containerRef,
  imageRef,
  methods,
  runSpecSchema,
  sessionIdSchema,
  streams,
  type MethodName,
  type RunSpecInput,
  type StreamName,
} from '../api/index.js';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createBackend, type Backend } from '../backend.js';
import type { EngineConnection } from '../engine/connection.js';
import { dockerRunLine } from '../testing/docker-run-lines.js';
import { applyMutations, placedMutationsArbitrary } from '../testing/param-mutations.js';
import { docker, testEngineUrl, testImage } from '../testing/real-engine.js';
import { schemaArbitrary, type ParamPath } from '../testing/schema-arbitrary.js';
import { callOnce, printable, streamOnce, type Answer } from '../testing/fuzz-calls.js';
import { harmlessSpec, mapWhereSchema, namesForeignObject, stringsIn, type ForeignObjects } from '../testing/fuzz-safety.js';
import { FuzzSandbox } from '../testing/fuzz-sandbox.js';
import { calmingFor, neverValid, validPercent, type Calming } from '../testing/fuzz-calming.js';
import { serveRpc } from './dispatcher.js';
import { createPortPair } from './memory-port.js';

type Name = MethodName | StreamName;

/**
 * CI runs a fixed seed, so main stays reproducible and a red run is a change's fault, not luck's;
 * `FUZZ_SEED=random` explores new cases (and prints the seed to replay whatever it finds).
 */
const fixedSeed = 242162463;
const baseSeed = process.env.FUZZ_SEED === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.FUZZ_SEED ?? fixedSeed);
const runsPerName = Number(process.env.FUZZ_RUNS ?? 100);
const only = process.env.FUZZ_ONLY;
const keepGoing = process.env.FUZZ_KEEP_GOING === '1';
const verbose = process.env.FUZZ_VERBOSE === '1';

const caseDeadlineMs = 20_000;
const streamWindow = { firstMs: 3_000, quietMs: 60, restMs: 1_000 };
const batchSize = 25;

let engine: EngineConnection;
let backend: Backend;
let dataDir: string;
let rpc: { dispose(): void };
let client: BerthClient;
let sandbox: FuzzSandbox;
let foreign: ForeignObjects;
let registry: string;
/** How valid params are made harmless (runtime/testing/fuzz-calming.ts), once the sandbox exists. */
let calm: Calming;
const internalLog: string[] = [];
const failures: string[] = [];
const report: string[] = [];
let snapshotBefore: string;
let terminal: { sessionId: string | null; close(): void } = { sessionId: null, close: () => undefined };
const sentinel = { container: '', image: '', volume: '' };

/** The engine as the docker CLI shows it: what must be the same after the run. */
async function engineSnapshot(): Promise<string> {
  const [containers, images, volumes] = await Promise.all([
    docker('ps', '-a', '--no-trunc', '--format', '{{.ID}} {{.Names}} {{.Image}} {{.State}}'),
    docker('images', '--no-trunc', '--digests', '--format', '{{.ID}} {{.Repository}}:{{.Tag}} {{.Digest}}'),
    docker('volume', 'ls', '--format', '{{.Name}}'),
  ]);
  const sorted = (text: string) => text.split('\n').filter(Boolean).sort().join('\n');
  return `containers:\n${sorted(containers)}\nimages:\n${sorted(images)}\nvolumes:\n${sorted(volumes)}`;
}

/** A per-name seed, stable when other methods come and go. */
function seedFor(name: string): number {
  let hash = baseSeed | 0;
  for (const char of name) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}

const pick = (pool: () => readonly string[]) => fc.nat().map((index) => {
  const items = pool();
  return items[index % items.length] ?? '';
});

/**
 * Generated ids come from the fuzz's own objects (and some that do not exist), now and then from
 * the schema itself; references to pull from the test registry; pasted commands look like `docker run`.
 */
function overridesFor(name: Name) {
  const fromPool = (pool: () => readonly string[], schema: z.ZodType, path: ParamPath) =>
    fc.oneof({ weight: 4, arbitrary: pick(pool) }, { weight: 1, arbitrary: schemaArbitrary(schema, {}, path) });
  return (schema: z.ZodType, path: ParamPath): fc.Arbitrary<unknown> | undefined => {
    const def = schema._zod.def;
    if (def === containerRef._zod.def) return fromPool(() => sandbox.containerRefs(), schema, path);
    if (def === imageRef._zod.def) return fromPool(() => sandbox.imageRefs(), schema, path);
    if (def === sessionIdSchema._zod.def) return fromPool(() => (terminal.sessionId ? [terminal.sessionId] : []), schema, path);
    if ((name === 'images.pull' || name === 'images.push') && path.join('.') === 'reference') return fromPool(() => sandbox.pullRefs(), schema, path);
    if (name === 'containers.parseRunCommand' && path.join('.') === 'command') return fc.oneof({ weight: 4, arbitrary: dockerRunLine }, { weight: 1, arbitrary: schemaArbitrary(schema, {}, path) });
    // The spec is any record to the schema; a RunSpec's shape reaches the checks behind it.
    if (name === 'containers.validateRun' && path.join('.') === 'spec') {
      return fc.oneof(schemaArbitrary(runSpecSchema, { optionalPresence: 0.2 }, path), schemaArbitrary(runSpecSchema, {}, path), schemaArbitrary(schema, {}, path));
    }
    return undefined;
  };
}

function casesFor(name: Name, schema: z.ZodType): fc.Arbitrary<unknown> {
  // Sparse params too: with every optional field filled, some field nearly always fails a
  // service's own checks, and the engine is never reached.
  const valid = fc.oneof(
    schemaArbitrary(schema, { override: overridesFor(name) }),
    schemaArbitrary(schema, { override: overridesFor(name), optionalPresence: 0.1 }),
  );
  const mutated = fc.tuple(valid, placedMutationsArbitrary).map(([value, mutations]) => applyMutations(value, mutations));
  const percent = neverValid.has(name) ? 0 : (validPercent[name] ?? 50);
  const cases = percent === 0 ? mutated : fc.oneof({ weight: percent, arbitrary: valid }, { weight: 100 - percent, arbitrary: mutated });
  return fc.limitShrink(cases, 40);
}

type Prepared = { params: unknown; valid: boolean } | null;

const namesSomethingNotOurs = (params: unknown) => stringsIn(params).some(({ text }) => namesForeignObject(text, foreign));

/**
 * What is sent: params the schema refuses as they are, valid ones made harmless; nothing (null)
 * when a string in them could name something not ours (refused params too: should the
 * dispatcher ever accept what the schema here refuses, it still reaches nothing of anyone's).
 */
function prepare(name: Name, schema: z.ZodType, generated: unknown): Prepared {
  // The dispatcher reads absent params as {}.
  if (!schema.safeParse(generated ?? {}).success) return namesSomethingNotOurs(generated) ? null : { params: generated, valid: false };
  if (neverValid.has(name)) return null;
  const asObject = (generated ?? {}) as Record<string, unknown>;
  let params = mapWhereSchema(schema, asObject, runSpecSchema, (spec) =>
    harmlessSpec(spec as RunSpecInput, {
      images: sandbox.specImages(),
      prefix: sandbox.prefix,
      label: sandbox.label,
      mayStart: asObject.start !== false,
    }),
  ) as Record<string, unknown>;
  params = calm[name]?.(params) ?? params;
  const check = schema.safeParse(params);
  if (!check.success) throw new Error(`making ${name} params harmless made them invalid: ${check.error.message} in ${printable(params)}`);
  return namesSomethingNotOurs(params) ? null : { params, valid: true };
}

async function sendCase(name: Name, params: unknown): Promise<Answer> {
  return name in methods ? callOnce(client, name as MethodName, params, caseDeadlineMs) : streamOnce(client, name as StreamName, params, streamWindow);
}

async function assertAlive(): Promise<void> {
  const status = await callOnce(client, 'engine.info', {}, 5_000);
  expect(status.error).toBeUndefined();
  expect(engine.status.state).toBe('connected');
}

/** A terminal session of the fuzz's own (a raw-mode `cat` that discards input), for `terminal.*`. */
async function openTerminal(): Promise<void> {
  terminal.close();
  const opened = await new Promise<typeof terminal>((resolve, reject) => {
    const session: typeof terminal = { sessionId: null, close: () => subscription.dispose() };
    const subscription = client.subscribe(
      'exec.open',
      { id: sandbox.fixtureName('running'), command: ['sh', '-c', 'stty raw -echo; exec cat >/dev/null'], tty: true },
      {
        onEvent: (event) => {
          if (event.type !== 'opened') return;
          session.sessionId = event.sessionId;
          resolve(session);
        },
        onEnd: () => (session.sessionId = null),
        onError: (error) => (session.sessionId === null ? reject(error) : (session.sessionId = null)),
      },
    );
  });
  terminal = opened;
}

/** Cases larger than a client could send in one message are skipped (see the property). */
const maxCaseBytes = 8 * 1024 * 1024;

function jsonLength(value: unknown): number {
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return 0; // Not JSON at all (a BigInt, a cycle): small, and refused as such by the dispatcher.
  }
}

async function fuzz(name: Name, schema: z.ZodType): Promise<void> {
  await sandbox.restore();
  if (name.startsWith('terminal.')) await openTerminal();
  const counts = { valid: 0, invalid: 0, skipped: 0, answers: new Map<string, number>() };
  const startedAt = performance.now();
  let sent = 0;
  const property = fc.asyncProperty(casesFor(name, schema), async (generated) => {
    // Now and then the mutations stack into a case of a hundred megabytes (a huge array whose items
    // are huge strings). A client cannot send that in one message (the host closes a connection
    // over 16 MiB, server.int.test.ts), and copying it only exhausts the test's own memory.
    const tooBig = jsonLength(generated) > maxCaseBytes;
    const prepared = tooBig ? null : prepare(name, schema, generated);
    if (prepared === null) counts.skipped++;
    fc.pre(prepared !== null);
    if (prepared.valid) await sandbox.settle();
    const logged = internalLog.length;
    const answer = await sendCase(name, prepared.params);
    counts[prepared.valid ? 'valid' : 'invalid']++;
    const code = answer.error?.code ?? 'ok';
    if (verbose) console.log(`${name} ${prepared.valid ? 'valid' : 'invalid'} ${printable(prepared.params)} -> ${code}${answer.error ? `: ${answer.error.message.slice(0, 200)}` : ''}`);
    counts.answers.set(code, (counts.answers.get(code) ?? 0) + 1);
    const problem =
      code === 'internal'
        ? `answered internal: ${answer.error?.message ?? ''}`
        : !prepared.valid && code !== 'invalid_argument'
          ? `params the schema refuses were answered ${code === 'ok' ? 'with a result' : code}`
          : internalLog.length > logged
            ? `logged an internal error: ${internalLog.slice(logged).join(' | ')}`
            : null;
    if (++sent % batchSize === 0) await assertAlive();
    if (problem === null) return;
    const line = `${name} ${printable(prepared.params)} -> ${problem}`;
    if (!keepGoing) throw new Error(line);
    failures.push(line);
  });
  const details = await fc.check(property, {
    seed: seedFor(name),
    numRuns: runsPerName,
    ...(only === name && process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH } : {}),
  });
  await assertAlive();
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  const answers = [...counts.answers].map(([code, count]) => `${code} ${count}`).join(', ');
  report.push(`${name.padEnd(26)} ${seconds.padStart(5)} s  valid ${counts.valid}, invalid ${counts.invalid}, skipped ${counts.skipped}: ${answers}`);
  if (details.failed) {
    const replay = `replay: FUZZ_SEED=${baseSeed} FUZZ_ONLY=${name} FUZZ_PATH=${details.counterexamplePath ?? ''}`;
    const failure = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(`${name}: ${failure}\n(seed ${details.seed}, path ${details.counterexamplePath ?? ''}; ${replay})`);
  }
}

beforeAll(async () => {
  console.log(`contract fuzz: seed ${baseSeed} (replay with FUZZ_SEED=${baseSeed}), ${runsPerName} cases per method and stream`);
  registry = process.env.BERTH_TEST_REGISTRY ?? '';
  if (!registry) throw new Error('BERTH_TEST_REGISTRY is not set: start the test environment (scripts/test-env.ts).');
  // A data directory of its own: engines.* calls change only the fuzz's own list of engines.
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'berth-fuzz-'));
  backend = createBackend({ engineUrl: testEngineUrl(), autoStartManaged: false, dataDir, acceptsPaths: true });
  engine = backend.engine;
  await backend.ready;
  await engine.whenConnected(15_000);
  const [hostPort, clientPort] = createPortPair();
  rpc = serveRpc(hostPort, backend.handlers, { logInternal: (line) => internalLog.push(line) });
  client = new BerthClient(clientPort);
  sandbox = new FuzzSandbox(engine, testImage(), registry);
  calm = calmingFor({ sandbox, registry, dataDir });

  // Sentinels: not the fuzz's, so no call may touch them. Made before the snapshot and checked by it.
  sentinel.container = `berth-sentinel-${sandbox.runId}`;
  sentinel.image = `berth-sentinel-${sandbox.runId}/img:kept`;
  sentinel.volume = `berth-sentinel-${sandbox.runId}`;
  await docker('run', '-d', '--init', '--name', sentinel.container, testImage(), 'sleep', '100000');
  await docker('tag', testImage(), sentinel.image);
  await docker('volume', 'create', sentinel.volume);
  snapshotBefore = await engineSnapshot();
  foreign = await sandbox.foreignObjects();
  await sandbox.setUp();
  await mkdir(path.join(dataDir, 'build-context'));
  await writeFile(path.join(dataDir, 'build-context', 'Dockerfile'), `FROM ${testImage()}\nLABEL ${sandbox.label.key}=${sandbox.label.value}\n`);
}, 120_000);

afterAll(async () => {
  terminal.close();
  await sandbox.tearDown().catch((error: unknown) => console.error('fuzz teardown:', error));
  client.dispose();
  rpc.dispose();
  backend.dispose();
  await rm(dataDir, { recursive: true, force: true });
  await docker('rm', '-f', sentinel.container).catch(() => undefined);
  await docker('rmi', sentinel.image).catch(() => undefined);
  await docker('volume', 'rm', sentinel.volume).catch(() => undefined);
  console.log(`contract fuzz (seed ${baseSeed}):\n${report.join('\n')}`);
}, 120_000);

describe('the contract under fuzzed params, on the real engine', () => {
  const names = [...Object.entries(methods), ...Object.entries(streams)] as [Name, { params: z.ZodType }][];
  it.each(names.filter(([name]) => only === undefined || only === name))('%s answers a result or an error that is not internal', async (name, spec) => {
    await fuzz(name, spec.params);
  }, 120_000);

  it('leaves the engine as it found it: only its own objects came and went', async () => {
    terminal.close();
    await sandbox.tearDown();
    expect(await engineSnapshot()).toBe(snapshotBefore);
    expect(await docker('inspect', '-f', '{{.State.Running}}', sentinel.container)).toBe('true');
    expect(failures).toEqual([]);
  }, 120_000);
});
