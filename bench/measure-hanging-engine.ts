import type { BerthClient, BerthEvent, Disposable } from '../runtime/api/index.js';
import { connectBerth, type ConnectedClient } from './berth-client.js';
import { runDocker } from './docker-cli.js';
import type { StartEvents } from './engine-events.js';
import { untilEngineConnected } from './measure-list.js';
import type { SilentEngine } from './silent-engine.js';
import { nowMs, round, summarize, type Summary } from './stats.js';
import { errorMessage, log } from './support.js';

/**
 * (h) A hanging engine costs the others nothing. Two `berth serve` on the same default engine,
 * one of them also holding an engine that accepts connections and never answers (it stays
 * unreachable by timeout and is retried with backoff all along). Measured on both in the same
 * run: the default engine's `containers.list` (interleaved, alternating which goes first), and
 * an external `docker start` to the container's change event on each one's `events` stream;
 * both streams see the same start, timed from the engine's own start event.
 */

export interface HangingEngineOptions {
  /** A `berth serve` holding only the default engine. */
  plainHostUrl: string;
  /** A `berth serve` on the same default engine, to which the hanging engine is added. */
  hangingHostUrl: string;
  silent: SilentEngine;
  events: StartEvents;
  /** Stopped containers on the default engine, each started once. */
  probeNames: readonly string[];
  cliEnv: NodeJS.ProcessEnv;
  iterations: number;
  warmup: number;
  timeoutMs: number;
}

export interface Comparison {
  without: Summary;
  with: Summary;
  /** With minus without, in milliseconds: what the hanging engine added. */
  differenceMs: { median: number; p95: number };
}

export interface HangingEngine {
  hangingEngine: {
    url: string;
    /** As engines.add answered: unreachable, with the reason. */
    state: string;
    reason?: { code: string; message: string };
    /** Connections Berth opened to it while the lists and starts were measured (its retries). */
    connectionsDuringMeasure: number;
  };
  containersList: Comparison & { iterations: number; containers: number };
  /** The engine's start event to the container's change event (state running) on the client's `events` stream. */
  startToEvent: Comparison & { starts: number; failures: string[] };
}

export async function measureHangingEngine(options: HangingEngineOptions): Promise<HangingEngine> {
  const connections: ConnectedClient[] = [];
  const watches: Disposable[] = [];
  try {
    const plain = await connectBerth(options.plainHostUrl);
    connections.push(plain);
    const hanging = await connectBerth(options.hangingHostUrl);
    connections.push(hanging);
    const list = async (client: BerthClient) => (await client.call('containers.list', { all: true })).length;
    await untilEngineConnected(() => list(plain.client));
    await untilEngineConnected(() => list(hanging.client));

    const entry = await hanging.client.call('engines.add', { url: options.silent.url, name: 'bench-hanging' });
    if (entry.state !== 'unreachable') throw new Error(`the hanging engine ${options.silent.url} is ${entry.state}, not unreachable`);
    log(`hanging engine: ${entry.state} (${entry.reason?.code ?? '?'}: ${entry.reason?.message ?? ''})`);
    const acceptedBefore = options.silent.accepted;

    log(`hanging engine: ${options.warmup} warm-up + ${options.iterations} lists on each host`);
    const samples = { without: [] as number[], with: [] as number[] };
    let counts = { without: 0, with: 0 };
    for (let index = 0; index < options.warmup + options.iterations; index++) {
      const order = index % 2 === 0 ? (['without', 'with'] as const) : (['with', 'without'] as const);
      for (const which of order) {
        const start = performance.now();
        counts = { ...counts, [which]: await list(which === 'with' ? hanging.client : plain.client) };
        if (index >= options.warmup) samples[which].push(performance.now() - start);
      }
    }
    if (counts.with !== counts.without) throw new Error(`the two hosts listed ${counts.without} and ${counts.with} containers`);

    const running = { without: watchRunning(plain.client), with: watchRunning(hanging.client) };
    watches.push(running.without, running.with);
    await Promise.all([running.without.ready(options.timeoutMs), running.with.ready(options.timeoutMs)]);
    log(`hanging engine: ${options.probeNames.length} external starts, each seen on both hosts' events`);
    const starts = { without: [] as number[], with: [] as number[] };
    const failures: string[] = [];
    for (const name of options.probeNames) {
      try {
        const seen = Promise.all([running.without.runningAt(name, options.timeoutMs), running.with.runningAt(name, options.timeoutMs)]);
        await runDocker(['start', name], options.cliEnv);
        const [without, withHanging] = await seen;
        const eventMs = await options.events.startedAt(name, options.timeoutMs);
        starts.without.push(without - eventMs);
        starts.with.push(withHanging - eventMs);
      } catch (error) {
        failures.push(`${name}: ${errorMessage(error)}`);
        if (starts.with.length === 0 && failures.length >= 3) break;
      }
    }
    if (starts.with.length === 0) throw new Error(`no start was seen on the events streams: ${failures[0] ?? 'no probes'}`);

    return {
      hangingEngine: {
        url: options.silent.url,
        state: entry.state,
        ...(entry.reason ? { reason: { code: entry.reason.code, message: entry.reason.message } } : {}),
        connectionsDuringMeasure: options.silent.accepted - acceptedBefore,
      },
      containersList: { iterations: options.iterations, containers: counts.with, ...compare(samples.without, samples.with) },
      startToEvent: { starts: starts.with.length, failures, ...compare(starts.without, starts.with) },
    };
  } finally {
    for (const watch of watches) watch.dispose();
    for (const connection of connections) connection.dispose();
  }
}

function compare(without: readonly number[], withHanging: readonly number[]): Comparison {
  const a = summarize(without);
  const b = summarize(withHanging);
  return { without: a, with: b, differenceMs: { median: round(b.medianMs - a.medianMs), p95: round(b.p95Ms - a.p95Ms) } };
}

interface RunningWatch extends Disposable {
  /** Resolves once the stream has delivered its first event (the engine status): it is open. */
  ready(timeoutMs: number): Promise<void>;
  /** When (epoch ms) this client first heard that the named container is running. */
  runningAt(name: string, timeoutMs: number): Promise<number>;
}

/** The default engine's `events` stream on one client, noting when each container is first reported running. */
function watchRunning(client: BerthClient): RunningWatch {
  const seen = new Map<string, number>();
  const waiting = new Map<string, (ms: number) => void>();
  let opened: (() => void) | null = null;
  let isOpen = false;
  const subscription = client.subscribe('events', {}, {
    onEvent: (event: BerthEvent) => {
      const at = nowMs();
      isOpen = true;
      opened?.();
      if (event.type !== 'container' || event.container?.state !== 'running') return;
      const { name } = event.container;
      if (seen.has(name)) return;
      seen.set(name, at);
      waiting.get(name)?.(at);
    },
  });
  const within = <T>(timeoutMs: number, what: string, wait: (resolve: (value: T) => void) => void, cleanup: () => void) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      wait((value) => {
        clearTimeout(timer);
        cleanup();
        resolve(value);
      });
    });
  return {
    ready: (timeoutMs) =>
      isOpen
        ? Promise.resolve()
        : within<void>(timeoutMs, 'the events stream sent nothing', (resolve) => (opened = () => resolve()), () => (opened = null)),
    runningAt: (name, timeoutMs) => {
      const known = seen.get(name);
      if (known !== undefined) return Promise.resolve(known);
      return within<number>(timeoutMs, `no running event for ${name}`, (resolve) => waiting.set(name, resolve), () => waiting.delete(name));
    },
    dispose: () => subscription.dispose(),
  };
}
