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

/*
 * The stats schemas name only what a sample is computed from (services/stats/sample.ts) and
 * strip the rest: a stats line carries some 30 cgroup counters and a counter per CPU, read 50
 * times a second with 50 containers running, and copying every key through (a loose object)
 * cost seven times the check itself.
 */
const cpuStatsSchema = z.object({
  /** `percpu_usage` is only counted (CPUs, when `online_cpus` is absent): its items are not read. */
  cpu_usage: z.object({ total_usage: count, percpu_usage: z.array(z.unknown()).nullish() }).nullish(),
  system_cpu_usage: count,
  online_cpus: count,
});

/** The cgroup counters the memory figures use: v1 `total_inactive_file` / `total_cache` / `cache`, v2 `inactive_file` / `file`. */
const memoryCountersSchema = z.object({ total_inactive_file: count, inactive_file: count, total_cache: count, cache: count, file: count });

/** One message of `GET /containers/{id}/stats?stream=true`. */
export const engineStatsSchema = z.object({
  read: z.string().nullish(),
  cpu_stats: cpuStatsSchema.nullish(),
  precpu_stats: cpuStatsSchema.nullish(),
  memory_stats: z.object({ usage: count, limit: count, stats: memoryCountersSchema.nullish() }).nullish(),
  /** `limit` is 0 or absent without one (some engines say 2^64-1). */
  pids_stats: z.object({ current: count, limit: count }).nullish(),
  /** One entry per interface; absent with `--network none` or host networking. */
  networks: z.record(z.string(), z.object({ rx_bytes: count, tx_bytes: count })).nullish(),
  /** Per device and operation: cgroup v1 names them `Read`, `Write`, `Total`...; v2 `read`, `write`. */
  blkio_stats: z.object({ io_service_bytes_recursive: z.array(z.object({ op: z.string().nullish(), value: count })).nullish() }).nullish(),
});

export type EngineEvent = z.output<typeof engineEventSchema>;
export type EngineStats = z.output<typeof engineStatsSchema>;
