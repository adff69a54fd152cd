import { z } from 'zod';

/**
 * The engine's volume JSON, typed once: `GET /volumes`, `GET /volumes/{name}`, `POST
 * /volumes/create`, the volumes of `GET /system/df`, the containers list read for the volumes
 * each mounts, and the stat header of the archive API. Fields optional and nullable as engines
 * (Podman, older API versions) really send them; objects loose.
 */

const text = z.string().nullish();
const count = z.number().nullish();
const textMap = z.record(z.string(), z.string()).nullish();

/** One volume, as listed, inspected or created. */
export const engineVolumeSchema = z.looseObject({
  Name: z.string(),
  Driver: text,
  Mountpoint: text,
  CreatedAt: text,
  Labels: textMap,
  Scope: text,
  Options: textMap,
  Status: z.record(z.string(), z.unknown()).nullish(),
  /** Only in `/system/df`: Size -1 when the driver cannot tell. */
  UsageData: z.looseObject({ Size: count, RefCount: count }).nullish(),
});

export const engineVolumeListSchema = z.looseObject({ Volumes: z.array(engineVolumeSchema).nullish(), Warnings: z.array(z.string()).nullish() }).nullish();

/** `GET /system/df`: only its volumes are read (the rest can be large and is not needed). */
export const engineDiskUsageVolumesSchema = z.looseObject({ Volumes: z.array(engineVolumeSchema).nullish() });

/** One item of `GET /containers/json` read for its mounts: who uses which volume. */
export const engineContainerMountsSchema = z
  .array(
    z.looseObject({
      Id: z.string(),
      Names: z.array(z.string()).nullish(),
      State: text,
      Labels: textMap,
      Mounts: z.array(z.looseObject({ Type: text, Name: text, Destination: text, RW: z.boolean().nullish() })).nullish(),
    }),
  )
  .nullable();

/**
 * `X-Docker-Container-Path-Stat` of the archive API, base64 JSON: the path's name, size, Go
 * `os.FileMode` bits (type bits high, permissions low), modification time and link target.
 */
export const engineArchiveStatSchema = z.looseObject({
  name: z.string(),
  size: count,
  mode: z.number(),
  mtime: text,
  linkTarget: text,
});

export type EngineVolume = z.output<typeof engineVolumeSchema>;
export type EngineContainerMounts = NonNullable<z.output<typeof engineContainerMountsSchema>>[number];
export type EngineArchiveStat = z.output<typeof engineArchiveStatSchema>;

/** Go's `os.ModeDir` and `os.ModeSymlink`: the type bits of an archive stat's mode. */
export const goModeDir = 2 ** 31;
export const goModeSymlink = 2 ** 27;
