import type { BuildCacheRecord, DiskUsageItems, DiskUsageTotals, SystemDiskUsage } from '../../api/index.js';
import type { EngineBuildCacheRecord, EngineDiskUsage, EngineDiskUsageContainer, EngineDiskUsageImage } from '../../engine/json/disk-usage.js';
import type { EngineVolume } from '../../engine/json/volume.js';

/**
 * `GET /system/df` summed up per kind the way the docker CLI does it for `docker system df`
 * (docker/cli's `formatter/disk_usage.go` and `system/df.go`, as of CLI 28). Pure.
 */

/** The CLI's percentage: whole, cut toward zero, and none for a size of 0. BigInt: bytes times 100 can pass 2^53. */
function percentOf(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Number((BigInt(Math.trunc(part)) * 100n) / BigInt(Math.trunc(whole)));
}

function totals(total: number, active: number, sizeBytes: number, reclaimableBytes: number, withPercent: boolean): DiskUsageTotals {
  return { total, active, sizeBytes, reclaimableBytes, reclaimablePercent: withPercent ? percentOf(reclaimableBytes, sizeBytes) : null };
}

const known = (value: number | null | undefined): number | null => (typeof value === 'number' && value >= 0 ? value : null);

/**
 * Images: active if a container uses one; the size is every layer once (`LayersSize`); what
 * stays is, for each image in use, its size less its shared part (an image whose sizes the
 * engine did not compute counts nothing), and the rest is reclaimable. An engine that gives no
 * `LayersSize` (Podman sends 0) is summed from the images' own sizes, shared layers more than once.
 */
export function imageTotals(images: readonly EngineDiskUsageImage[], layersSize: number | null | undefined): DiskUsageTotals {
  const sizeOf = (image: EngineDiskUsageImage) => known(image.Size) ?? known(image.VirtualSize) ?? 0;
  const size = typeof layersSize === 'number' && layersSize > 0 ? layersSize : images.reduce((sum, image) => sum + sizeOf(image), 0);
  let kept = 0;
  for (const image of images) {
    if ((image.Containers ?? 0) === 0) continue;
    const whole = known(image.Size);
    const shared = known(image.SharedSize);
    if (whole === null || shared === null) continue;
    kept += whole - shared;
  }
  const active = images.filter((image) => (image.Containers ?? 0) > 0).length;
  return totals(images.length, active, size, Math.max(0, size - kept), true);
}

/** Running, paused and restarting containers are active; the others' writable layers are reclaimable. */
export function isActiveContainer(state: string | null | undefined): boolean {
  return /running|paused|restarting/.test(state ?? '');
}

export function containerTotals(containers: readonly EngineDiskUsageContainer[]): DiskUsageTotals {
  let size = 0;
  let reclaimable = 0;
  let active = 0;
  for (const container of containers) {
    const bytes = container.SizeRw ?? 0;
    size += bytes;
    if (isActiveContainer(container.State)) active++;
    else reclaimable += bytes;
  }
  return totals(containers.length, active, size, reclaimable, true);
}

/** A volume a container mounts is active; volumes whose size the driver cannot tell (-1) count nothing. */
export function volumeTotals(volumes: readonly EngineVolume[]): DiskUsageTotals {
  let size = 0;
  let reclaimable = 0;
  let active = 0;
  for (const volume of volumes) {
    if ((volume.UsageData?.RefCount ?? 0) > 0) active++;
    const bytes = known(volume.UsageData?.Size);
    if (bytes === null) continue;
    size += bytes;
    if ((volume.UsageData?.RefCount ?? 0) === 0) reclaimable += bytes;
  }
  return totals(volumes.length, active, size, reclaimable, true);
}

/**
 * Build cache: the size is the records no image shares (the engine's own `BuilderSize` counts the
 * shared ones too, and the CLI no longer uses it); reclaimable is that less the unshared records
 * in use. The CLI prints no percentage here.
 */
export function buildCacheTotals(records: readonly EngineBuildCacheRecord[]): DiskUsageTotals {
  let size = 0;
  let inUse = 0;
  let active = 0;
  for (const record of records) {
    if (record.InUse === true) active++;
    if (record.Shared === true) continue;
    size += record.Size ?? 0;
    if (record.InUse === true) inUse += record.Size ?? 0;
  }
  return totals(records.length, active, size, size - inUse, false);
}

export function toBuildCacheRecord(record: EngineBuildCacheRecord): BuildCacheRecord {
  const parents = record.Parents ?? (record.Parent ? [record.Parent] : []);
  return {
    id: record.ID,
    parents,
    type: record.Type ?? '',
    description: record.Description ?? '',
    inUse: record.InUse === true,
    shared: record.Shared === true,
    sizeBytes: record.Size ?? 0,
    createdAt: record.CreatedAt ?? '',
    lastUsedAt: record.LastUsedAt ?? null,
    usageCount: record.UsageCount ?? 0,
  };
}

function toItems(usage: EngineDiskUsage): DiskUsageItems {
  return {
    images: (usage.Images ?? []).map((image) => {
      const size = known(image.Size) ?? known(image.VirtualSize) ?? 0;
      const shared = known(image.SharedSize);
      return {
        id: image.Id,
        repoTags: (image.RepoTags ?? []).filter((tag) => tag !== '<none>:<none>'),
        created: image.Created ?? 0,
        sizeBytes: size,
        sharedSizeBytes: shared,
        uniqueSizeBytes: shared === null ? null : size - shared,
        containers: Math.max(0, image.Containers ?? 0),
      };
    }),
    containers: (usage.Containers ?? []).map((container) => ({
      id: container.Id,
      name: (container.Names?.[0] ?? '').replace(/^\//, ''),
      image: container.Image ?? '',
      command: container.Command ?? '',
      created: container.Created ?? 0,
      state: container.State ?? '',
      status: container.Status ?? '',
      sizeRwBytes: container.SizeRw ?? 0,
      localVolumes: (container.Mounts ?? []).filter((mount) => mount.Type === 'volume').length,
    })),
    volumes: (usage.Volumes ?? []).map((volume) => ({
      name: volume.Name,
      driver: volume.Driver ?? 'local',
      links: known(volume.UsageData?.RefCount),
      sizeBytes: known(volume.UsageData?.Size),
    })),
    buildCache: (usage.BuildCache ?? []).map(toBuildCacheRecord),
  };
}

/** The whole answer of `system.df`. `hasBuildCache` false: the engine keeps none (Podman), said as null. */
export function toSystemDiskUsage(engineId: string, usage: EngineDiskUsage, options: { verbose: boolean; hasBuildCache: boolean }): SystemDiskUsage {
  return {
    engineId,
    images: imageTotals(usage.Images ?? [], usage.LayersSize),
    containers: containerTotals(usage.Containers ?? []),
    volumes: volumeTotals(usage.Volumes ?? []),
    buildCache: options.hasBuildCache ? buildCacheTotals(usage.BuildCache ?? []) : null,
    items: options.verbose ? toItems(usage) : null,
  };
}
