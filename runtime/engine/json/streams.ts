import { z } from 'zod';

/** One message of the engine's NDJSON streams Berth follows: `/events` and a container's stats. */

const count = z.number().nullish();

/** One message of `GET /events`. Type, Action and the actor's id are what every consumer needs. */
export const engineEventSchema = z.looseObject({
  Type: z.string(),
  Action: z.string(),
  Actor: z.looseObject({ ID: z.string(), Attributes: z.record(z.string(), z.string()).nullish() }),
  time: count,
  timeNano: count,
});

const cpuStatsSchema = z.looseObject({
  cpu_usage: z.looseObject({ total_usage: count, percpu_usage: z.array(z.number()).nullish() }).nullish(),
  system_cpu_usage: count,
  online_cpus: count,
});

/** One message of `GET /containers/{id}/stats?stream=true`. */
export const engineStatsSchema = z.looseObject({
  read: z.string().nullish(),
  cpu_stats: cpuStatsSchema.nullish(),
  precpu_stats: cpuStatsSchema.nullish(),
  /** `stats` holds the cgroup's counters (v1 and v2 name them differently). */
  memory_stats: z.looseObject({ usage: count, limit: count, stats: z.record(z.string(), z.unknown()).nullish() }).nullish(),
  /** `limit` is 0 or absent without one (some engines say 2^64-1). */
  pids_stats: z.looseObject({ current: count, limit: count }).nullish(),
  /** One entry per interface; absent with `--network none` or host networking. */
  networks: z.record(z.string(), z.looseObject({ rx_bytes: count, tx_bytes: count })).nullish(),
  /** Per device and operation: cgroup v1 names them `Read`, `Write`, `Total`...; v2 `read`, `write`. */
  blkio_stats: z
    .looseObject({ io_service_bytes_recursive: z.array(z.looseObject({ op: z.string().nullish(), value: count })).nullish() })
    .nullish(),
});

export type EngineEvent = z.output<typeof engineEventSchema>;
export type EngineStats = z.output<typeof engineStatsSchema>;
