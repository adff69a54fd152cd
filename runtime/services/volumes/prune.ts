import { BerthError, type ParsedMethodParams, type VolumePruneCandidate, type VolumePrunePreview, type VolumePruneResult } from '../../api/index.js';
import type { EngineConnection } from '../../engine/connection.js';
import type { EngineVolume } from '../../engine/json/volume.js';
import { isAnonymousVolume, usersByVolume } from './volume-summary.js';
import type { VolumesService } from './volumes-service.js';

type Selection = Pick<ParsedMethodParams<'volumes.prunePreview'>, 'all' | 'filters'>;

/** Whether a volume has the label a `label=KEY[=VALUE]` filter names. Pure. */
function hasLabel(labels: Record<string, string>, wanted: string): boolean {
  const at = wanted.indexOf('=');
  if (at === -1) return Object.hasOwn(labels, wanted);
  return labels[wanted.slice(0, at)] === wanted.slice(at + 1);
}

/**
 * The volumes a prune picks, as the engine's prune does: used by no container (any state),
 * anonymous ones only unless `all`, and passing every filter (`label=` each present, `label!=`
 * each absent). Sorted by name. Pure.
 */
export function prunePicks(volumes: readonly EngineVolume[], usedNames: ReadonlySet<string>, selection: Selection): EngineVolume[] {
  const filters = selection.filters.map((word) => ({ negated: word.startsWith('label!='), label: word.slice(word.indexOf('=') + 1) }));
  return volumes
    .filter((volume) => !usedNames.has(volume.Name))
    .filter((volume) => selection.all || isAnonymousVolume(volume))
    .filter((volume) => filters.every((filter) => hasLabel(volume.Labels ?? {}, filter.label) !== filter.negated))
    .sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0));
}

/** Prune's preview and the prune itself. Berth removes the picked volumes one by one, so it removes only what it listed. */
export class VolumePrune {
  constructor(
    private readonly engine: Pick<EngineConnection, 'client' | 'status'>,
    private readonly volumes: VolumesService,
  ) {}

  private async picks(selection: Selection, signal: AbortSignal): Promise<EngineVolume[]> {
    const { client } = this.engine;
    const [volumes, containers] = await Promise.all([client.volumes.list(signal), client.volumes.mountsOfContainers(undefined, signal)]);
    // A volume a helper has mounted (being browsed or backed up) counts as used: the engine would refuse it.
    const used = new Set(usersByVolume(this.engine.status.engineId, containers, { withHelpers: true }).keys());
    return prunePicks(volumes, used, selection);
  }

  async preview(params: Selection, signal: AbortSignal): Promise<VolumePrunePreview> {
    const picked = await this.picks(params, signal);
    // Sizes only when there is something to size: disk usage walks every volume.
    const sizes = picked.length === 0 ? new Map<string, number | null>() : await this.sizes(signal);
    const volumes: VolumePruneCandidate[] = picked.map((volume) => ({
      name: volume.Name,
      driver: volume.Driver ?? 'local',
      created: volume.CreatedAt ? volume.CreatedAt : null,
      labels: volume.Labels ?? {},
      isAnonymous: isAnonymousVolume(volume),
      sizeBytes: sizes.get(volume.Name) ?? null,
    }));
    const known = volumes.flatMap((volume) => (volume.sizeBytes === null ? [] : [volume.sizeBytes]));
    return { volumes, spaceBytes: known.length === 0 ? null : known.reduce((sum, size) => sum + size, 0) };
  }

  /**
   * Removes what the selection picks now (narrowed to `names` when given: what the user saw),
   * each with `DELETE /volumes/{name}`: a volume a container took meanwhile is the engine's
   * refusal, kept in `skipped` with its words, and the rest go on.
   */
  async prune(params: ParsedMethodParams<'volumes.prune'>, signal: AbortSignal): Promise<VolumePruneResult> {
    const only = params.names === undefined ? null : new Set(params.names);
    const picked = (await this.picks(params, signal)).filter((volume) => only === null || only.has(volume.Name));
    const sizes = picked.length === 0 ? new Map<string, number | null>() : await this.sizes(signal);
    const result: VolumePruneResult = { removed: [], spaceReclaimedBytes: 0, skipped: [] };
    for (const volume of picked) {
      if (signal.aborted) break;
      try {
        await this.engine.client.volumes.remove(volume.Name, signal);
        result.removed.push(volume.Name);
        result.spaceReclaimedBytes += sizes.get(volume.Name) ?? 0;
      } catch (error) {
        if (error instanceof BerthError && error.code === 'not_found') continue; // gone already
        const said = await this.volumes.namingUsers(error, volume.Name, signal);
        result.skipped.push({ name: volume.Name, reason: said instanceof Error ? said.message : String(said) });
      }
    }
    return result;
  }

  private async sizes(signal: AbortSignal): Promise<Map<string, number | null>> {
    const { sizes } = await this.volumes.sizes(signal);
    return new Map(sizes.map((size) => [size.name, size.sizeBytes]));
  }
}
