import type { ContainerLimits, ResourcesSpec } from '../api/index.js';
import type { EngineHostConfig } from './json/container.js';

/**
 * Resource limits to and from the engine's `HostConfig`, once: the create body, `docker
 * update`'s body, the Details page's limits and "Copy as docker run" all go through this pair.
 */

/** The resource fields of `HostConfig`, as create and update take them. */
export interface HostConfigResources {
  Memory?: number;
  MemoryReservation?: number;
  MemorySwap?: number;
  NanoCpus?: number;
  CpuShares?: number;
  CpusetCpus?: string;
  PidsLimit?: number;
}

/**
 * ResourcesSpec -> `HostConfig` fields, only those the spec sets (an update changes nothing
 * else). CPUs go as NanoCpus, exact to the nano-CPU, as the docker CLI sends `--cpus`.
 */
export function hostConfigOfResources(resources: ResourcesSpec): HostConfigResources {
  const { memoryBytes, memoryReservationBytes, memorySwapBytes, cpus, cpuShares, cpusetCpus, pidsLimit } = resources;
  const host: HostConfigResources = {};
  if (memoryBytes !== undefined) host.Memory = memoryBytes;
  if (memoryReservationBytes !== undefined) host.MemoryReservation = memoryReservationBytes;
  if (memorySwapBytes !== undefined) host.MemorySwap = memorySwapBytes;
  if (cpus !== undefined) host.NanoCpus = Math.round(cpus * 1e9);
  if (cpuShares !== undefined) host.CpuShares = cpuShares;
  if (cpusetCpus !== undefined) host.CpusetCpus = cpusetCpus;
  if (pidsLimit !== undefined) host.PidsLimit = pidsLimit;
  return host;
}

/**
 * `HostConfig` -> the limits in effect (0 or '' = none). CPU limits come as NanoCpus from
 * Docker, as CpuQuota/CpuPeriod from Podman (and from `docker run --cpu-quota`): both are read.
 */
export function limitsOfHostConfig(host: EngineHostConfig): ContainerLimits {
  const quota = host.CpuQuota ?? 0;
  const period = host.CpuPeriod ?? 0;
  const nanoCpus = host.NanoCpus ?? 0;
  return {
    memoryBytes: host.Memory ?? 0,
    memoryReservationBytes: host.MemoryReservation ?? 0,
    memorySwapBytes: host.MemorySwap ?? 0,
    cpus: nanoCpus > 0 ? nanoCpus / 1e9 : quota > 0 && period > 0 ? quota / period : 0,
    cpuShares: host.CpuShares ?? 0,
    cpusetCpus: host.CpusetCpus ?? '',
    // null, 0 and -1 all mean "unlimited" to the engine.
    pidsLimit: host.PidsLimit ?? 0,
    restart: { name: host.RestartPolicy?.Name || 'no', maxRetries: host.RestartPolicy?.MaximumRetryCount ?? 0 },
  };
}
