import {
  BerthError,
  compareInstants,
  instantOf,
  readLogTime,
  readPruneFilters,
  type ContainerPruneCandidate,
  type ContainerPrunePreview,
  type ContainerState,
  type Instant,
  type ParsedMethodParams,
  type PruneFilters,
  type PruneResult,
} from '../api/index.js';
import type { EngineConnection } from '../engine/connection.js';
import type { EngineDiskUsageContainer } from '../engine/json/disk-usage.js';
import { instantOfUnixSeconds, matchesLabels } from './images/prune-plan.js';

type Engine = Pick<EngineConnection, 'client'>;

/** What the engine's prune takes: every container not running (paused and restarting ones run). */
const stoppedStates = ['created', 'exited', 'dead'];

/** The filter words read (the schema has checked them), with `until` as an instant of now. */
export function containerPruneFilters(words: readonly string[]): { filters: PruneFilters; until: Instant | null } {
  const read = readPruneFilters(words);
  if (!read.ok) throw new BerthError('invalid_argument', `filters.${read.index} ${read.message}`, { field: `filters.${read.index}` });
  if (read.filters.until === null) return { filters: read.filters, until: null };
  const time = readLogTime(read.filters.until);
  if (!time.ok) throw new BerthError('invalid_argument', `until ${time.message}`, { field: 'filters' });
  return { filters: read.filters, until: instantOfUnixSeconds(time.unixSeconds) };
}

/**
 * `docker container prune` with a preview (moby `daemon/prune.go`): every container that is not
 * running, created at or before `until`, whose labels pass the label filters as the engine's
 * `MatchKVList` reads them. The preview asks the engine for the stopped containers with their
 * sizes; the prune either hands the engine the same filters (as the CLI does) or, given the ids
 * a preview showed, removes only those that are still picked, one by one.
 */
export class ContainerPrune {
  constructor(private readonly engine: Engine) {}

  async preview(words: readonly string[], signal?: AbortSignal): Promise<ContainerPrunePreview> {
    const picked = await this.picks(words, signal);
    return { containers: picked.map(toCandidate), spaceBytes: picked.reduce((sum, container) => sum + (container.SizeRw ?? 0), 0) };
  }

  async prune(params: ParsedMethodParams<'containers.prune'>, signal?: AbortSignal): Promise<PruneResult> {
    if (params.ids === undefined) {
      const { filters, until } = containerPruneFilters(params.filters);
      const engineFilters: Record<string, string[]> = {};
      if (filters.label.length > 0) engineFilters.label = filters.label;
      if (filters['label!'].length > 0) engineFilters['label!'] = filters['label!'];
      // The instant the preview used for the same words (a duration is read on Berth's clock, once).
      if (until !== null) engineFilters.until = [`${until.seconds}.${String(until.nanos).padStart(9, '0')}`];
      const answer = await this.engine.client.containers.prune(engineFilters, signal);
      return { removed: answer.ContainersDeleted ?? [], spaceReclaimedBytes: answer.SpaceReclaimed ?? 0, skipped: [] };
    }
    const wanted = new Set(params.ids);
    const picked = (await this.picks(params.filters, signal)).filter((container) => wanted.has(container.Id) || (container.Names ?? []).some((name) => wanted.has(name.replace(/^\//, ''))));
    const result: PruneResult = { removed: [], spaceReclaimedBytes: 0, skipped: [] };
    for (const container of picked) {
      if (signal?.aborted === true) break;
      try {
        // Without force: a container started since the list is the engine's refusal, kept in `skipped`.
        await this.engine.client.containers.remove(container.Id, {}, signal);
        result.removed.push(container.Id);
        result.spaceReclaimedBytes += container.SizeRw ?? 0;
      } catch (error) {
        if (error instanceof BerthError && error.code === 'not_found') continue; // gone already
        result.skipped.push({ id: container.Id, reason: error instanceof Error ? error.message : String(error) });
      }
    }
    return result;
  }

  private async picks(words: readonly string[], signal?: AbortSignal): Promise<EngineDiskUsageContainer[]> {
    const { filters, until } = containerPruneFilters(words);
    const engineFilters: Record<string, string[]> = { status: stoppedStates };
    // The list's `label` filter is the prune's; `label!` the list does not take, so it is applied here.
    if (filters.label.length > 0) engineFilters.label = filters.label;
    const listed = await this.engine.client.containers.listSized(engineFilters, signal);
    const labelled = listed.filter((container) => matchesLabels(filters, container.Labels ?? {}));
    const picked = until === null ? labelled : await this.createdBy(labelled, until, signal);
    return picked.sort((a, b) => (a.Id < b.Id ? -1 : a.Id > b.Id ? 1 : 0));
  }

  /**
   * The containers created at or before `until`. The list gives whole seconds; the engine compares
   * to the nanosecond, so a container created in `until`'s own second is inspected for its time.
   */
  private async createdBy(containers: EngineDiskUsageContainer[], until: Instant, signal?: AbortSignal): Promise<EngineDiskUsageContainer[]> {
    const kept: EngineDiskUsageContainer[] = [];
    for (const container of containers) {
      const seconds = container.Created ?? 0;
      if (seconds < until.seconds) kept.push(container);
      else if (seconds === until.seconds) {
        const inspected = await this.engine.client.containers.inspectOrNull(container.Id, signal);
        const created = inspected?.Created ? instantOf(inspected.Created) : null;
        if (created !== null && compareInstants(created, until) <= 0) kept.push(container);
      }
    }
    return kept;
  }
}

function toCandidate(container: EngineDiskUsageContainer): ContainerPruneCandidate {
  return {
    id: container.Id,
    name: (container.Names?.[0] ?? '').replace(/^\//, ''),
    image: container.Image ?? '',
    state: (container.State ?? 'exited') as ContainerState,
    status: container.Status ?? '',
    created: container.Created ?? 0,
    sizeRwBytes: container.SizeRw ?? 0,
  };
}
