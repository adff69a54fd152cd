import type { BerthEvent } from '../runtime/api/index.js';
import { DisposableStore } from '../runtime/api/index.js';
import { connectBerth } from './berth-client.js';
import type { EngineProxy, ProxiedRequest } from './engine-proxy.js';
import type { EngineLabel } from './engine-targets.js';
import { nowMs, round } from './stats.js';
import { delay, log } from './support.js';

/**
 * (i) Idle with several engines: one `berth serve` holding three engines, each behind a
 * counting proxy, and a client doing for every engine what the UI does for one (subscribe to
 * its `events`, list its containers and images when it says connected). Once every engine's
 * `/events` stream is open, the lists are answered and the proxies have been quiet for a
 * moment, every request that starts at any proxy during the window is counted; the one
 * `/events` stream per engine opened before the window is not a call.
 */

export interface IdleEngine {
  label: EngineLabel;
  /** The engine as requests name it; undefined for the default engine. */
  engine: string | undefined;
  proxy: EngineProxy;
}

export interface EngineIdleCalls {
  calls: number;
  callsPerMinute: number;
  /** `/events` streams open at the end of the window (one expected). */
  eventsStreamsOpen: number;
  /** Other streams open then (stats for a running container's history, logs that follow): none expected with no container running. */
  otherStreamsOpen: number;
  /** Requests the proxy passed before the window (connect, `/events`, the lists): it was in Berth's path. */
  requestsBeforeWindow: number;
  /** `METHOD /path` of each call seen, in order. */
  requests: string[];
}

export interface EnginesIdle {
  windowSeconds: number;
  /** Engines whose calls were counted (each behind its own proxy). */
  counted: EngineLabel[];
  perEngine: Partial<Record<EngineLabel, EngineIdleCalls>>;
  calls: number;
  callsPerMinute: number;
}

const eventsPath = /^(\/v[\d.]+)?\/events(\?|$)/;
const isEvents = (request: ProxiedRequest) => eventsPath.test(request.path);
/** Requests that stay open by design once answered: events, a container's stats (a history stream), logs that follow. */
const streamPath = /^(\/v[\d.]+)?\/(events(\?|$)|containers\/[^/]+\/(stats(?![^#]*stream=(false|0))|logs\?[^#]*follow=(true|1)))/;
const isStream = (request: ProxiedRequest) => streamPath.test(request.path);
const openEvents = (proxy: EngineProxy) => proxy.requests.filter((request) => isEvents(request) && request.firstByteMs !== null && request.endMs === null).length;

export async function measureEnginesIdle(options: { hostUrl: string; engines: readonly IdleEngine[]; windowSeconds: number; timeoutMs: number; quietMs?: number }): Promise<EnginesIdle> {
  const connection = await connectBerth(options.hostUrl);
  const store = new DisposableStore();
  try {
    const { client } = connection;
    // Per engine, as renderer/app/liveData.ts does for its one: lists on every `connected`.
    const listed = new Set<EngineLabel>();
    for (const engine of options.engines) {
      const target = { engine: engine.engine };
      const onEvent = (event: BerthEvent) => {
        if (event.type !== 'engine' || event.status.state !== 'connected') return;
        void Promise.all([client.call('containers.list', { all: true }, target), client.call('images.list', {}, target)]).then(
          () => listed.add(engine.label),
          (error: unknown) => log(`idle engines: listing ${engine.label} failed: ${String(error)}`),
        );
      };
      store.add(client.subscribe('events', {}, { onEvent }, target));
    }

    await until(options.timeoutMs, 'every engine listed and its /events open', () => listed.size === options.engines.length && options.engines.every((engine) => openEvents(engine.proxy) >= 1));
    await untilQuiet(options.engines.map((engine) => engine.proxy), options.quietMs ?? 1000, options.timeoutMs);

    const firsts = options.engines.map((engine) => engine.proxy.requests.length);
    const from = nowMs();
    log(`idle engines: counting engine calls on ${options.engines.map((engine) => engine.label).join(', ')} for ${options.windowSeconds} s`);
    await delay(options.windowSeconds * 1000);
    const perEngine: Partial<Record<EngineLabel, EngineIdleCalls>> = {};
    let calls = 0;
    options.engines.forEach((engine, index) => {
      const seen = engine.proxy.requests.slice(firsts[index]).filter((request) => request.startMs >= from);
      calls += seen.length;
      perEngine[engine.label] = {
        calls: seen.length,
        callsPerMinute: round(seen.length / (options.windowSeconds / 60)),
        eventsStreamsOpen: openEvents(engine.proxy),
        otherStreamsOpen: engine.proxy.requests.filter((request) => isStream(request) && !isEvents(request) && request.firstByteMs !== null && request.endMs === null).length,
        requestsBeforeWindow: firsts[index] ?? 0,
        requests: seen.map((request) => `${request.method} ${request.path}`),
      };
    });
    return {
      windowSeconds: options.windowSeconds,
      counted: options.engines.map((engine) => engine.label),
      perEngine,
      calls,
      callsPerMinute: round(calls / (options.windowSeconds / 60)),
    };
  } finally {
    store.dispose();
    connection.dispose();
  }
}

/** Polls `condition` (a read of in-memory state) until it holds. */
async function until(timeoutMs: number, what: string, condition: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms: ${what}`);
    await delay(50);
  }
}

/** Until no request is in flight at any proxy (streams aside) and none has started for `quietMs`. */
async function untilQuiet(proxies: readonly EngineProxy[], quietMs: number, timeoutMs: number): Promise<void> {
  const busy = () =>
    proxies.some((proxy) => proxy.requests.some((request) => !request.upgrade && request.endMs === null && (!isStream(request) || request.firstByteMs === null)));
  const lastStart = () => Math.max(...proxies.flatMap((proxy) => proxy.requests.map((request) => request.startMs)));
  await until(timeoutMs, `${quietMs} ms without engine calls`, () => !busy() && nowMs() - lastStart() >= quietMs);
}
