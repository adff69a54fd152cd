import { z } from 'zod';

/**
 * The engine's container JSON, typed once: `GET /containers/json` items and
 * `GET /containers/{id}/json`, plus the small answers about one container. Every field is
 * optional and nullable, as engines (Podman, older API versions) really send them; only an id
 * is required. Objects are loose: fields Berth does not read pass through untouched.
 */

const text = z.string().nullish();
const count = z.number().nullish();
const flag = z.boolean().nullish();
const texts = z.array(z.string()).nullish();
const textMap = z.record(z.string(), z.string()).nullish();

/** `"80/tcp": [{HostIp, HostPort}]`, in `HostConfig.PortBindings` and `NetworkSettings.Ports`. */
const portBindings = z.record(z.string(), z.array(z.looseObject({ HostIp: text, HostPort: text })).nullish()).nullish();

export const engineHostConfigSchema = z.looseObject({
  Binds: texts,
  NetworkMode: text,
  PortBindings: portBindings,
  RestartPolicy: z.looseObject({ Name: text, MaximumRetryCount: count }).nullish(),
  AutoRemove: flag,
  CapAdd: texts,
  CapDrop: texts,
  Dns: texts,
  ExtraHosts: texts,
  IpcMode: text,
  PidMode: text,
  Privileged: flag,
  PublishAllPorts: flag,
  ReadonlyRootfs: flag,
  Memory: count,
  MemoryReservation: count,
  MemorySwap: count,
  NanoCpus: count,
  CpuQuota: count,
  CpuPeriod: count,
  CpuShares: count,
  CpusetCpus: text,
  PidsLimit: count,
  Tmpfs: textMap,
  Init: flag,
  /** The log driver (`json-file`, `local`, `journald`, `none`, `syslog`, ...) and its options. */
  LogConfig: z.looseObject({ Type: text, Config: textMap }).nullish(),
  Mounts: z
    .array(z.looseObject({ Type: text, Source: text, Target: text, ReadOnly: flag, TmpfsOptions: z.looseObject({ SizeBytes: count, Mode: count }).nullish() }))
    .nullish(),
});

const containerConfigSchema = z.looseObject({
  Hostname: text,
  User: text,
  Tty: flag,
  OpenStdin: flag,
  Env: texts,
  Cmd: texts,
  Image: text,
  Volumes: z.record(z.string(), z.unknown()).nullish(),
  WorkingDir: text,
  Entrypoint: texts,
  Labels: textMap,
});

const containerStateSchema = z.looseObject({
  Status: text,
  Running: flag,
  Paused: flag,
  Restarting: flag,
  OOMKilled: flag,
  Dead: flag,
  ExitCode: count,
  StartedAt: text,
  FinishedAt: text,
  Error: text,
  Health: z.looseObject({ Status: text }).nullish(),
});

/** `GET /containers/{id}/json`. */
export const engineContainerSchema = z.looseObject({
  Id: z.string(),
  Name: text,
  Created: text,
  RestartCount: count,
  /** The id of the image the container was created from. */
  Image: text,
  Path: text,
  Args: texts,
  State: containerStateSchema.nullish(),
  Config: containerConfigSchema.nullish(),
  HostConfig: engineHostConfigSchema.nullish(),
  /** The mounts in effect, with the names of anonymous volumes. */
  Mounts: z.array(z.looseObject({ Type: text, Name: text, Source: text, Destination: text, RW: flag })).nullish(),
  NetworkSettings: z
    .looseObject({
      Ports: portBindings,
      Networks: z.record(z.string(), z.looseObject({ IPAddress: text, Gateway: text, MacAddress: text, Aliases: texts }).nullish()).nullish(),
    })
    .nullish(),
});

/** One item of `GET /containers/json`. */
export const engineContainerListItemSchema = z.looseObject({
  Id: z.string(),
  Names: texts,
  /** What the container was created from, as the user named it (or the image id). */
  Image: text,
  ImageID: text,
  Command: text,
  Created: count,
  State: text,
  Status: text,
  Ports: z.array(z.looseObject({ IP: text, PrivatePort: z.number(), PublicPort: count, Type: text })).nullish(),
  Labels: textMap,
});

export const engineContainerListSchema = z.array(engineContainerListItemSchema).nullable();

/** `POST /containers/create`. */
export const engineCreatedSchema = z.looseObject({ Id: z.string(), Warnings: texts });

/** `POST /containers/{id}/update`. */
export const engineUpdatedSchema = z.looseObject({ Warnings: texts }).nullish();

/** `GET /containers/{id}/top`. */
export const engineTopSchema = z.looseObject({ Titles: texts, Processes: z.array(z.array(z.string())).nullish() });

/** `GET /containers/{id}/changes`: Kind 0 changed, 1 added, 2 deleted. Null when nothing changed. */
export const engineChangesSchema = z.array(z.looseObject({ Path: z.string(), Kind: z.number() })).nullish();

/** `POST /containers/prune`. */
export const enginePrunedSchema = z.looseObject({ ContainersDeleted: texts, SpaceReclaimed: count });

/** `POST /containers/{id}/exec` and `GET /exec/{id}/json`. */
export const engineExecCreatedSchema = z.looseObject({ Id: z.string() });
export const engineExecSchema = z.looseObject({ Running: flag, ExitCode: count });

export type EngineContainer = z.output<typeof engineContainerSchema>;
export type EngineContainerConfig = NonNullable<EngineContainer['Config']>;
export type EngineHostConfig = z.output<typeof engineHostConfigSchema>;
export type EngineContainerState = NonNullable<EngineContainer['State']>;
export type EnginePortBindings = z.output<typeof portBindings>;
export type EngineContainerListItem = z.output<typeof engineContainerListItemSchema>;
export type EngineTop = z.output<typeof engineTopSchema>;
export type EngineChanges = z.output<typeof engineChangesSchema>;
export type EnginePruned = z.output<typeof enginePrunedSchema>;
export type EngineExec = z.output<typeof engineExecSchema>;
