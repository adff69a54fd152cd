import type { HandlerSlice } from '../rpc/handlers.js';
import { BerthError, checkResources, type containerDetailsContract, type ContainerDetails, type FilesystemChange, type ParsedMethodParams, type ProcessList } from '../api/index.js';
import type { EngineConnection } from '../engine/connection.js';
import { hostConfigOfResources } from '../engine/resources.js';
import { toContainerDetails, toFilesystemChanges } from './container-details.js';

/** containers.inspect / top / diff / update: looking into one container and changing its limits live. */
export class ContainerInspectionService {
  constructor(private readonly engine: EngineConnection) {}

  async inspect(params: ParsedMethodParams<'containers.inspect'>, signal?: AbortSignal): Promise<ContainerDetails> {
    const client = this.engine.client;
    const { container, json } = await client.containers.inspectWithJson(params.id, signal);
    const digest = await client.images
      .inspect(container.Image ?? '', signal)
      .then((image) => image.RepoDigests?.[0] ?? null)
      .catch(() => null); // The image may be gone (removed after the container was made).
    return toContainerDetails(this.engine.status.engineId, container, digest, json);
  }

  async top(params: ParsedMethodParams<'containers.top'>, signal?: AbortSignal): Promise<ProcessList> {
    const answer = await this.engine.client.containers.top(params.id, signal);
    return { titles: answer.Titles ?? [], processes: answer.Processes ?? [] };
  }

  async diff(params: ParsedMethodParams<'containers.diff'>, signal?: AbortSignal): Promise<FilesystemChange[]> {
    return toFilesystemChanges(await this.engine.client.containers.changes(params.id, signal));
  }

  /** `docker update`: the engine applies these to the running container's cgroups; no restart. */
  async update(params: ParsedMethodParams<'containers.update'>, signal?: AbortSignal): Promise<{ warnings: string[] }> {
    const issues = checkResources(params.resources, this.engine.status.identity);
    if (issues.length > 0) {
      throw new BerthError('invalid_argument', issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '), { field: issues[0]?.field, issues });
    }
    const body: Record<string, unknown> = { ...hostConfigOfResources(params.resources) };
    if (params.restart) body.RestartPolicy = { Name: params.restart.name, MaximumRetryCount: params.restart.name === 'on-failure' ? (params.restart.maxRetries ?? 0) : 0 };
    return this.engine.client.containers.update(params.id, body, signal);
  }
}

/** The container details domain's handlers (`runtime/api/container-details.ts`). */
export function containerDetailsHandlers(engine: EngineConnection): HandlerSlice<typeof containerDetailsContract> {
  const inspection = new ContainerInspectionService(engine);
  return {
    methods: {
      'containers.inspect': (params, signal) => inspection.inspect(params, signal),
      'containers.top': (params, signal) => inspection.top(params, signal),
      'containers.diff': (params, signal) => inspection.diff(params, signal),
      'containers.update': (params, signal) => inspection.update(params, signal),
    },
    streams: {},
  };
}
