import { BerthError, type ContainerSummary, type containersContract, type ParsedMethodParams, type PruneResult } from '../api/index.js';
import type { HandlerSlice } from '../rpc/handlers.js';
import type { EngineConnection } from '../engine/connection.js';
import { fromEngineError } from '../engine/errors.js';
import { signalOption } from '../engine/signal-option.js';
import type { InspectAnswer } from './container-details.js';
import { summaryFromInspect } from './container-status.js';
import { toContainerSummary } from './container-summary.js';

/** containers.*: lifecycle calls straight to the engine, errors mapped by HTTP status. */
export class ContainersService {
  constructor(private readonly engine: EngineConnection) {}

  async list(params: ParsedMethodParams<'containers.list'>, signal?: AbortSignal): Promise<ContainerSummary[]> {
    const { engineId } = this.engine.status;
    try {
      // Never `size: true`: sizes can take minutes on a busy engine.
      const items = await this.engine.docker.listContainers({ all: params.all, ...signalOption(signal) });
      return items.map((item) => toContainerSummary(engineId, item));
    } catch (error) {
      throw fromEngineError(error, this.engine.engineUrl);
    }
  }

  /**
   * One container's summary (same shape as the list), or null when it no longer exists. Read
   * from inspect, which is current the moment an event arrives (the list view can lag).
   */
  async summary(containerId: string, signal?: AbortSignal): Promise<ContainerSummary | null> {
    const { engineId } = this.engine.status;
    try {
      const inspect = (await this.engine.docker.getContainer(containerId).inspect(signalOption(signal))) as unknown as InspectAnswer & { Created?: string };
      return summaryFromInspect(engineId, inspect, Date.now());
    } catch (error) {
      if (typeof error === 'object' && error !== null && (error as { statusCode?: number }).statusCode === 404) return null;
      throw fromEngineError(error, this.engine.engineUrl);
    }
  }

  async start(params: ParsedMethodParams<'containers.start'>, signal?: AbortSignal): Promise<null> {
    await this.run(() => this.engine.docker.getContainer(params.id).start(signalOption(signal)));
    return null;
  }

  async stop(params: ParsedMethodParams<'containers.stop'>, signal?: AbortSignal): Promise<null> {
    const options = params.timeoutSeconds === undefined ? {} : { t: params.timeoutSeconds };
    await this.run(() => this.engine.docker.getContainer(params.id).stop({ ...options, ...signalOption(signal) }));
    return null;
  }

  async remove(params: ParsedMethodParams<'containers.remove'>, signal?: AbortSignal): Promise<null> {
    await this.run(() => this.engine.docker.getContainer(params.id).remove({ force: params.force, v: params.volumes, ...signalOption(signal) }));
    return null;
  }

  async restart(params: ParsedMethodParams<'containers.restart'>, signal?: AbortSignal): Promise<null> {
    const options = params.timeoutSeconds === undefined ? {} : { t: params.timeoutSeconds };
    await this.run(() => this.engine.docker.getContainer(params.id).restart({ ...options, ...signalOption(signal) }));
    return null;
  }

  async kill(params: ParsedMethodParams<'containers.kill'>, signal?: AbortSignal): Promise<null> {
    await this.run(() => this.engine.docker.getContainer(params.id).kill({ signal: params.signal ?? 'SIGKILL', ...signalOption(signal) }));
    return null;
  }

  async pause(params: ParsedMethodParams<'containers.pause'>, signal?: AbortSignal): Promise<null> {
    await this.run(() => this.engine.docker.getContainer(params.id).pause(signalOption(signal)));
    return null;
  }

  async unpause(params: ParsedMethodParams<'containers.unpause'>, signal?: AbortSignal): Promise<null> {
    const container = this.engine.docker.getContainer(params.id);
    try {
      await container.unpause(signalOption(signal));
    } catch (error) {
      // dockerd 20.10 answers "is not paused" with its internal error (500). Read the state rather
      // than the words: a container that is not paused is a conflict, as a paused one is to pause.
      const status = (error as { statusCode?: number }).statusCode ?? 0;
      const state = status >= 500 ? await container.inspect(signalOption(signal)).then((inspect) => inspect.State, () => null) : null;
      if (state && !state.Paused) throw new BerthError('conflict', fromEngineError(error, this.engine.engineUrl).message, { status });
      throw fromEngineError(error, this.engine.engineUrl);
    }
    return null;
  }

  async rename(params: ParsedMethodParams<'containers.rename'>, signal?: AbortSignal): Promise<null> {
    await this.run(() => this.engine.docker.getContainer(params.id).rename({ name: params.name.replace(/^\//, ''), ...signalOption(signal) }));
    return null;
  }

  async prune(signal?: AbortSignal): Promise<PruneResult> {
    try {
      const answer = (await this.engine.docker.pruneContainers(signalOption(signal))) as { ContainersDeleted?: string[] | null; SpaceReclaimed?: number };
      return { removed: answer.ContainersDeleted ?? [], spaceReclaimedBytes: answer.SpaceReclaimed ?? 0 };
    } catch (error) {
      throw fromEngineError(error, this.engine.engineUrl);
    }
  }

  private async run(action: () => Promise<unknown>): Promise<void> {
    try {
      await action();
    } catch (error) {
      // 304: already started / already stopped. The user's intent holds; not an error.
      if (typeof error === 'object' && error !== null && (error as { statusCode?: number }).statusCode === 304) return;
      throw fromEngineError(error, this.engine.engineUrl);
    }
  }
}

/** The containers domain's handlers (`runtime/api/containers.ts`). */
export function containersHandlers(engine: EngineConnection): HandlerSlice<typeof containersContract> {
  const containers = new ContainersService(engine);
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
      'containers.prune': (_params, signal) => containers.prune(signal),
    },
    streams: {},
  };
}
