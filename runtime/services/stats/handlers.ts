import { BerthError, toDisposable, type Disposable, type StatsBatch, type StatsSample, type statsContract } from '../../api/index.js';
import type { EngineConnection } from '../../engine/connection.js';
import type { HandlerSlice, StreamSink } from '../../rpc/handlers.js';
import { Throttle } from '../../streams/throttle.js';
import { emptySeries } from './history.js';
import type { StatsKeeper } from './keeper.js';

/** `stats.watch` sends at most this often: twice a second. */
export const watchIntervalMs = 500;

type Engine = Pick<EngineConnection, 'client'>;

/**
 * The full id of the container `ref` names: from the keeper when it knows it, else from the
 * engine (one inspect), which also says `not_found` for a container that does not exist.
 */
async function resolveContainer(engine: Engine, keeper: StatsKeeper, ref: string, signal: AbortSignal): Promise<string> {
  const known = keeper.resolve(ref);
  if (known !== undefined) return known;
  const container = await engine.client.containers.inspect(ref, signal);
  if (!container.Id) throw new BerthError('not_found', `No such container: ${ref}`);
  return container.Id;
}

/** `containers.stats`: the kept samples of one container, the newest at once. */
async function followOne(engine: Engine, keeper: StatsKeeper, ref: string, sink: StreamSink<StatsSample>, signal: AbortSignal): Promise<Disposable> {
  const containerId = await resolveContainer(engine, keeper, ref, signal);
  const latest = keeper.latest(containerId);
  if (latest) sink.emit(latest);
  return keeper.onSample((id, sample) => {
    if (id === containerId) sink.emit(sample);
  });
}

/**
 * `stats.watch`: the kept samples of many containers, gathered and sent together at most every
 * `watchIntervalMs`: one message however many containers, never one per sample. A ref that
 * names no kept container yet (a name, before it starts) is matched when its samples begin.
 */
function watchMany(keeper: StatsKeeper, refs: readonly string[], sink: StreamSink<StatsBatch>): Disposable {
  const wanted = new Set(refs);
  /** Container id -> the ref it was asked by (null: not asked). */
  const matched = new Map<string, string | null>();
  const pending = new Map<string, StatsSample>();
  const throttle = new Throttle(watchIntervalMs, () => {
    if (pending.size === 0) return;
    const samples = [...pending].map(([id, sample]) => ({ id, sample }));
    pending.clear();
    sink.emit({ samples });
  });
  const refOf = (containerId: string): string | null => {
    let ref = matched.get(containerId);
    if (ref === undefined) {
      ref = wanted.has(containerId) ? containerId : ([...wanted].find((candidate) => keeper.resolve(candidate) === containerId) ?? null);
      matched.set(containerId, ref);
    }
    return ref;
  };
  for (const ref of wanted) {
    const containerId = keeper.resolve(ref);
    const latest = containerId === undefined ? null : keeper.latest(containerId);
    if (containerId !== undefined) matched.set(containerId, ref);
    if (latest) pending.set(ref, latest);
  }
  if (pending.size > 0) throttle.poke();
  const subscription = keeper.onSample((containerId, sample) => {
    const ref = refOf(containerId);
    if (ref === null) return;
    pending.set(ref, sample);
    throttle.poke();
  });
  return toDisposable(() => {
    subscription.dispose();
    throttle.dispose();
  });
}

/** The stats domain's handlers (`runtime/api/stats.ts`), all reading from the engine's keeper. */
export function statsHandlers(engine: EngineConnection, keeper: StatsKeeper): HandlerSlice<typeof statsContract> {
  return {
    methods: {
      'stats.history': async (params, signal) => {
        const containerId = await resolveContainer(engine, keeper, params.id, signal);
        const history = keeper.history(containerId);
        if (history) return history;
        // A container that exists but never ran while Berth did: an empty history.
        return { containerId, seconds: emptySeries(1000), minutes: emptySeries(60_000), latest: null, isLive: false };
      },
    },
    streams: {
      'containers.stats': (params, sink, signal) => followOne(engine, keeper, params.id, sink, signal),
      'stats.watch': (params, sink) => watchMany(keeper, params.ids, sink),
    },
  };
}
