import { z } from 'zod';

/**
 * The engine's JSON for looking into images and pruning them, typed once: the whole of
 * `GET /images/{name}/json` that the details page reads, `GET /images/{name}/history`,
 * `GET /images/json?all=1` with the parent links and labels the prune preview needs, and the
 * answer of `POST /images/prune`. Optional and nullable as engines send them (Podman, older
 * API versions); loose, so what Berth does not read passes through.
 */

const text = z.string().nullish();
const count = z.number().nullish();
const texts = z.array(z.string()).nullish();
const textMap = z.record(z.string(), z.string()).nullish();
/** `{"80/tcp": {}}`, `{"/data": {}}`: only the keys mean anything. */
const keySet = z.record(z.string(), z.unknown()).nullish();

/** `HEALTHCHECK`: durations in nanoseconds, 0 or absent for the engine's default. */
const healthcheckSchema = z.looseObject({
  Test: texts,
  Interval: count,
  Timeout: count,
  StartPeriod: count,
  Retries: count,
});

/** The image's own config: what its Dockerfile (or a commit's `--change`) set. */
export const engineImageDetailsConfigSchema = z.looseObject({
  User: text,
  ExposedPorts: keySet,
  Env: texts,
  Cmd: texts,
  Entrypoint: texts,
  Healthcheck: healthcheckSchema.nullish(),
  Volumes: keySet,
  WorkingDir: text,
  Labels: textMap,
  StopSignal: text,
  OnBuild: texts,
  Shell: texts,
});

/** `GET /images/{name}/json`, the parts the details page shows. */
export const engineImageDetailsSchema = z.looseObject({
  Id: z.string(),
  RepoTags: texts,
  RepoDigests: texts,
  /** The local parent image (classic builder and commit); empty for pulled and loaded images. */
  Parent: text,
  Comment: text,
  /** RFC 3339 with nanoseconds. */
  Created: text,
  Author: text,
  DockerVersion: text,
  Config: engineImageDetailsConfigSchema.nullish(),
  Architecture: text,
  Variant: text,
  Os: text,
  OsVersion: text,
  Size: count,
  RootFS: z.looseObject({ Type: text, Layers: texts }).nullish(),
});

/**
 * `GET /images/{name}/history`: newest first, one item per Dockerfile instruction. `Id` is the
 * local image that instruction made, or `<missing>` when the engine has no such image (layers
 * pulled, loaded, or built by BuildKit); `Size` is the layer's own size, 0 for an instruction
 * that changed only the config.
 */
export const engineImageHistorySchema = z
  .array(
    z.looseObject({
      Id: z.string(),
      Created: count,
      CreatedBy: text,
      Tags: texts,
      Size: count,
      Comment: text,
    }),
  )
  .nullable();

/** One item of `GET /images/json?all=1`: every image, intermediate ones too, with its parent. */
export const engineImageStoreItemSchema = z.looseObject({
  Id: z.string(),
  ParentId: text,
  RepoTags: texts,
  RepoDigests: texts,
  Created: count,
  Size: count,
  Labels: textMap,
});
export const engineImageStoreSchema = z.array(engineImageStoreItemSchema).nullable();

/**
 * `POST /images/prune`. `ImagesDeleted` lists, as `DELETE /images/{name}` does, each reference
 * untagged and each image and layer deleted; `SpaceReclaimed` is the engine's sum of the sizes
 * of the layers it deleted.
 */
export const engineImagesPrunedSchema = z.looseObject({
  ImagesDeleted: z.array(z.looseObject({ Untagged: text, Deleted: text })).nullish(),
  SpaceReclaimed: count,
});

export type EngineImageDetails = z.output<typeof engineImageDetailsSchema>;
export type EngineImageDetailsConfig = z.output<typeof engineImageDetailsConfigSchema>;
export type EngineImageHistory = NonNullable<z.output<typeof engineImageHistorySchema>>;
export type EngineImageStoreItem = z.output<typeof engineImageStoreItemSchema>;
export type EngineImagesPruned = z.output<typeof engineImagesPrunedSchema>;
