import { type ContainerSummary, type containersContract, type ParsedMethodParams } from '../api/index.js';
import { ContainerPrune } from './container-prune.js';
import type { HandlerSlice } from '../rpc/handlers.js';
import type { EngineConnection } from '../engine/connection.js';
import { summaryFromInspect } from './container-status.js';
import { toContainerSummary } from './container-summary.js';

/** containers.*: lifecycle calls straight to the engine (errors are mapped by its client). */
export class ContainersService {
  constructor(private readonly engine: EngineConnection) {}

  async list(params: ParsedMethodParams<'containers.list'>, signal?: AbortSignal): Promise<ContainerSummary[]> {
    const { engineId } = this.engine.status;
    const items = await this.engine.client.containers.list({ all: params.all }, signal);
    return items.map((item) => toContainerSummary(engineId, item));
  }

  /**
   * One container's summary (same shape as the list), or null when it no longer exists. Read
   * from inspect, which is current the moment an event arrives (the list view can lag).
   */
  async summary(containerId: string, signal?: AbortSignal): Promise<ContainerSummary | null> {
    const { engineId } = this.engine.status;
    const inspect = await this.engine.client.containers.inspectOrNull(containerId, signal);
    return inspect === null ? null : summaryFromInspect(engineId, inspect, Date.now());
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

/** The containers domain's handlers (`runtime/api/containers.ts`). */
export function containersHandlers(engine: EngineConnection): HandlerSlice<typeof containersContract> {
  const containers = new ContainersService(engine);
  const prune = new ContainerPrune(engine);
  return {
    methods: {
      'containers.list': (params, signal) => containers.list(params, signal),
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
