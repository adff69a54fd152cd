import { z } from 'zod';
import { engineVolumeSchema } from './volume.js';

/**
 * The engine's `GET /system/df` (`docker system df`), typed once, and `POST /build/prune`. Every
 * field optional and nullable as engines send them: Docker 20.10 sends `Parent` on a build cache
 * record where newer engines send `Parents`; Podman sends no build cache and `LayersSize` 0.
 */

const text = z.string().nullish();
const count = z.number().nullish();
const texts = z.array(z.string()).nullish();
const flag = z.boolean().nullish();

/** One image: `Size` is its whole size, `SharedSize` the part other images share (-1: not computed). */
export const engineDiskUsageImageSchema = z.looseObject({
  Id: z.string(),
  ParentId: text,
  RepoTags: texts,
  RepoDigests: texts,
  Created: count,
  Size: count,
  SharedSize: count,
  VirtualSize: count,
  Labels: z.record(z.string(), z.string()).nullish(),
  /** How many containers use it (-1: not computed). */
  Containers: count,
});

/** One container: `SizeRw` is its writable layer, what removing it frees. */
export const engineDiskUsageContainerSchema = z.looseObject({
  Id: z.string(),
  Names: texts,
  Image: text,
  ImageID: text,
  Command: text,
  Created: count,
  State: text,
  Status: text,
  SizeRw: count,
  SizeRootFs: count,
  Labels: z.record(z.string(), z.string()).nullish(),
  Mounts: z.array(z.looseObject({ Type: text, Name: text })).nullish(),
});

/** `GET /containers/json?size=1`: the same items, sized. */
export const engineSizedContainerListSchema = z.array(engineDiskUsageContainerSchema).nullable();

/** One BuildKit cache record. */
export const engineBuildCacheRecordSchema = z.looseObject({
  ID: z.string(),
  Parent: text,
  Parents: texts,
  Type: text,
  Description: text,
  InUse: flag,
  Shared: flag,
  Size: count,
  CreatedAt: text,
  LastUsedAt: text,
  UsageCount: count,
});

export const engineDiskUsageSchema = z.looseObject({
  /** The bytes of every image layer, each counted once. */
  LayersSize: count,
  Images: z.array(engineDiskUsageImageSchema).nullish(),
  Containers: z.array(engineDiskUsageContainerSchema).nullish(),
  Volumes: z.array(engineVolumeSchema).nullish(),
  BuildCache: z.array(engineBuildCacheRecordSchema).nullish(),
  /** Deprecated by the engine (it counts shared records too); the CLI adds up the records itself. */
  BuilderSize: count,
});

/** `POST /build/prune`. */
export const engineBuildCachePrunedSchema = z.looseObject({ CachesDeleted: texts, SpaceReclaimed: count });

export type EngineDiskUsage = z.output<typeof engineDiskUsageSchema>;
export type EngineDiskUsageImage = z.output<typeof engineDiskUsageImageSchema>;
export type EngineDiskUsageContainer = z.output<typeof engineDiskUsageContainerSchema>;
export type EngineBuildCacheRecord = z.output<typeof engineBuildCacheRecordSchema>;
export type EngineBuildCachePruned = z.output<typeof engineBuildCachePrunedSchema>;
