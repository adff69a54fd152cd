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

const deviceRates = z.array(z.looseObject({ Path: text, Rate: count })).nullish();

/** One of `HostConfig.Mounts`: a `--mount` as the engine keeps it. */
const engineMountSchema = z.looseObject({
  Type: text,
  Source: text,
  Target: text,
  ReadOnly: flag,
  Consistency: text,
  BindOptions: z.looseObject({ Propagation: text, NonRecursive: flag, ReadOnlyNonRecursive: flag, ReadOnlyForceRecursive: flag }).nullish(),
  VolumeOptions: z
    .looseObject({ NoCopy: flag, Labels: textMap, Subpath: text, DriverConfig: z.looseObject({ Name: text, Options: textMap }).nullish() })
    .nullish(),
  ImageOptions: z.looseObject({ Subpath: text }).nullish(),
  TmpfsOptions: z.looseObject({ SizeBytes: count, Mode: count }).nullish(),
});
export type EngineMount = z.output<typeof engineMountSchema>;

/** `Config.Healthcheck` of a container or an image; durations in nanoseconds. */
export const engineHealthcheckSchema = z
  .looseObject({ Test: texts, Interval: count, Timeout: count, StartPeriod: count, StartInterval: count, Retries: count })
  .nullish();

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
  Mounts: z.array(engineMountSchema).nullish(),
  // The further flags `docker run` takes (run-spec-groups.ts), as the engine keeps them.
  VolumeDriver: text,
  VolumesFrom: texts,
  CgroupnsMode: text,
  DnsOptions: texts,
  DnsSearch: texts,
  GroupAdd: texts,
  Links: texts,
  OomScoreAdj: count,
  SecurityOpt: texts,
  UTSMode: text,
  UsernsMode: text,
  ShmSize: count,
  Sysctls: textMap,
  Runtime: text,
  Isolation: text,
  CgroupParent: text,
  BlkioWeight: count,
  BlkioWeightDevice: z.array(z.looseObject({ Path: text, Weight: count })).nullish(),
  BlkioDeviceReadBps: deviceRates,
  BlkioDeviceWriteBps: deviceRates,
  BlkioDeviceReadIOps: deviceRates,
  BlkioDeviceWriteIOps: deviceRates,
  CpuRealtimePeriod: count,
  CpuRealtimeRuntime: count,
  CpusetMems: text,
  Devices: z.array(z.looseObject({ PathOnHost: text, PathInContainer: text, CgroupPermissions: text })).nullish(),
  DeviceCgroupRules: texts,
  DeviceRequests: z
    .array(z.looseObject({ Driver: text, Count: count, DeviceIDs: texts, Capabilities: z.array(z.array(z.string())).nullish(), Options: textMap }))
    .nullish(),
  KernelMemory: count,
  MemorySwappiness: count,
  OomKillDisable: flag,
  Ulimits: z.array(z.looseObject({ Name: text, Soft: count, Hard: count })).nullish(),
  CpuCount: count,
  CpuPercent: count,
  IOMaximumIOps: count,
  IOMaximumBandwidth: count,
  StorageOpt: textMap,
  MaskedPaths: texts,
  ReadonlyPaths: texts,
  Annotations: textMap,
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
  Domainname: text,
  ExposedPorts: z.record(z.string(), z.unknown()).nullish(),
  MacAddress: text,
  Healthcheck: engineHealthcheckSchema,
  StopSignal: text,
  StopTimeout: count,
});

const containerStateSchema = z.looseObject({
  Status: text,
  Running: flag,
  Paused: flag,
  Restarting: flag,
  OOMKilled: flag,
  Dead: flag,
  ExitCode: count,
  /** The main process's id on the engine's host (0 when it is not running). */
  Pid: count,
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
      Networks: z
        .record(
          z.string(),
          z
            .looseObject({
              IPAddress: text,
              Gateway: text,
              MacAddress: text,
              Aliases: texts,
              Links: texts,
              IPAMConfig: z.looseObject({ IPv4Address: text, IPv6Address: text, LinkLocalIPs: texts }).nullish(),
              DriverOpts: z.record(z.string(), z.string()).nullish(),
            })
            .nullish(),
        )
        .nullish(),
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
