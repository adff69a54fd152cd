import { type ContainerSummary, type containersContract, type ParsedMethodParams } from '../api/index.js';
import { ContainerPrune } from './container-prune.js';
import type { HandlerSlice } from '../rpc/handlers.js';
import type { EngineConnection } from '../engine/connection.js';
import { summaryFromInspect } from './container-status.js';
import { ContainerStore, type TimedContainer } from './container-store.js';
import { toContainerSummary } from './container-summary.js';
import { Lazy } from './lazy.js';
import type { EngineContainer, EngineContainerState } from '../engine/json/container.js';

/** containers.*: lifecycle calls straight to the engine (errors are mapped by its client). */
export class ContainersService {
  private readonly inspecting = new Map<string, Promise<EngineContainer | null>>();

  constructor(private readonly engine: EngineConnection) {}

  async list(params: ParsedMethodParams<'containers.list'>, signal?: AbortSignal): Promise<ContainerSummary[]> {
    const { engineId } = this.engine.status;
    const items = await this.engine.client.containers.list({ all: params.all }, signal);
    return items.map((item) => toContainerSummary(engineId, item));
  }

  /**
   * One container's summary and inspect `State` (its times, exit code, health), from its inspect,
   * which is current the moment an event arrives (Docker's list still says `running` for a moment
   * after `die`); null when it no longer exists.
   */
  async lookup(containerId: string): Promise<TimedContainer | null> {
    const inspect = await this.inspectShared(containerId);
    if (inspect === null || inspect.State === undefined || inspect.State === null) return null;
    return { summary: this.summaryOf(inspect), state: inspect.State };
  }

  /** One container's inspect `State`; null when it no longer exists. */
  async stateOf(containerId: string, signal?: AbortSignal): Promise<EngineContainerState | null> {
    return (await this.engine.client.containers.inspectOrNull(containerId, signal))?.State ?? null;
  }

  /**
   * A container's inspect, one request for all who ask in the same turn: an engine event makes
   * the live list, the events' watcher and the stats keeper look the container up at once.
   */
  inspectShared(containerId: string): Promise<EngineContainer | null> {
    const asked = this.inspecting.get(containerId);
    if (asked) return asked;
    const inspect = this.engine.client.containers.inspectOrNull(containerId);
    this.inspecting.set(containerId, inspect);
    setImmediate(() => this.inspecting.delete(containerId));
    return inspect;
  }

  /**
   * One container's summary (same shape as the list), or null when it no longer exists. Read
   * from inspect, which is current the moment an event arrives (the list view can lag).
   */
  async summary(containerId: string): Promise<ContainerSummary | null> {
    const inspect = await this.inspectShared(containerId);
    return inspect === null ? null : this.summaryOf(inspect);
  }

  /** A container's summary from its inspect, its status line written at the engine's time now. */
  private summaryOf(inspect: EngineContainer): ContainerSummary {
    const offset = this.engine.client.clockOffsetMs;
    return summaryFromInspect(this.engine.status.engineId, inspect, Date.now() + offset, offset);
  }

  async start(params: ParsedMethodParams<'containers.start'>, signal?: AbortSignal): Promise<null> {
    await this.engine.client.containers.start(params.id, signal);
    return null;
  }

  async stop(params: ParsedMethodParams<'containers.stop'>, signal?: AbortSignal): Promise<null> {
    await this.engine.client.containers.stop(params.id, params.timeoutSeconds, signal);
    return null;
  }

  async remove(params: ParsedMethodParams<'containers.remove'>, signal?: AbortSignal): Promise<null> {
    await this.engine.client.containers.remove(params.id, { force: params.force, volumes: params.volumes }, signal);
    return null;
  }

  async restart(params: ParsedMethodParams<'containers.restart'>, signal?: AbortSignal): Promise<null> {
    await this.engine.client.containers.restart(params.id, params.timeoutSeconds, signal);
    return null;
  }

  async kill(params: ParsedMethodParams<'containers.kill'>, signal?: AbortSignal): Promise<null> {
    await this.engine.client.containers.kill(params.id, params.signal ?? 'SIGKILL', signal);
    return null;
  }

  async pause(params: ParsedMethodParams<'containers.pause'>, signal?: AbortSignal): Promise<null> {
    await this.engine.client.containers.pause(params.id, signal);
    return null;
  }

  async unpause(params: ParsedMethodParams<'containers.unpause'>, signal?: AbortSignal): Promise<null> {
    // dockerd 20.10 answers "is not paused" with a 500, which the engine client maps to `conflict`.
    await this.engine.client.containers.unpause(params.id, signal);
    return null;
  }

  async rename(params: ParsedMethodParams<'containers.rename'>, signal?: AbortSignal): Promise<null> {
    await this.engine.client.containers.rename(params.id, params.name.replace(/^\//, ''), signal);
    return null;
  }

}

/**
 * The live containers list of one engine connection (container-store.ts), made by the first
 * `containers.list` and kept for the connection's life. Docker only: what Podman's compatible
 * API writes as a status line is its own, so on Podman every list asks the engine.
 */
export function containerStoreOf(engine: EngineConnection, service: ContainersService): Lazy<ContainerStore> {
  return new Lazy(
    () =>
      new ContainerStore(engine, {
        list: (signal) => service.list({ all: true }, signal),
        lookup: (containerId) => service.lookup(containerId),
        stateOf: (containerId, signal) => service.stateOf(containerId, signal),
        clockOffsetMs: () => (engine.status.state === 'connected' ? engine.client.clockOffsetMs : 0),
      }),
  );
}

/**
 * The containers domain's handlers (`runtime/api/containers.ts`). `containers.list` of every
 * container answers from the live list when it is in step with the engine, else asks the engine.
 */
export function containersHandlers(engine: EngineConnection, containers: ContainersService, store: Lazy<ContainerStore>): HandlerSlice<typeof containersContract> {
  const prune = new ContainerPrune(engine);
  const isDocker = () => engine.status.state === 'connected' && engine.client.dialect === 'docker';
  return {
    methods: {
      'containers.list': async (params, signal) => (params.all && isDocker() ? await store.get()?.current(signal) : null) ?? (await containers.list(params, signal)),
      'containers.start': (params, signal) => containers.start(params, signal),
      'containers.stop': (params, signal) => containers.stop(params, signal),
      'containers.restart': (params, signal) => containers.restart(params, signal),
      'containers.kill': (params, signal) => containers.kill(params, signal),
      'containers.pause': (params, signal) => containers.pause(params, signal),
      'containers.unpause': (params, signal) => containers.unpause(params, signal),
      'containers.rename': (params, signal) => containers.rename(params, signal),
      'containers.remove': (params, signal) => containers.remove(params, signal),
      'containers.prunePreview': (params, signal) => prune.preview(params.filters, signal),
      'containers.prune': (params, signal) => prune.prune(params, signal),
    },
    streams: {},
  };
}
