import type { SystemInfo, systemContract } from '../api/index.js';
import type { EngineConnection } from '../engine/connection.js';
import type { EngineInfo } from '../engine/json/system.js';
import type { HandlerSlice } from '../rpc/handlers.js';

/** `docker info` -> SystemInfo. Pure. */
export function toSystemInfo(engineId: string, info: EngineInfo): SystemInfo {
  const securityOptions = info.SecurityOptions ?? [];
  return {
    engineId,
    hostName: info.Name ?? '',
    operatingSystem: info.OperatingSystem ?? '',
    osType: info.OSType ?? '',
    kernelVersion: info.KernelVersion ?? '',
    architecture: info.Architecture ?? '',
    cpus: info.NCPU ?? 0,
    memoryBytes: info.MemTotal ?? 0,
    storageDriver: info.Driver ?? '',
    cgroupVersion: info.CgroupVersion ?? '',
    cgroupDriver: info.CgroupDriver ?? '',
    rootless: securityOptions.some((option) => option.split(',').includes('name=rootless')),
    securityOptions,
    containers: {
      total: info.Containers ?? 0,
      running: info.ContainersRunning ?? 0,
      paused: info.ContainersPaused ?? 0,
      stopped: info.ContainersStopped ?? 0,
    },
    images: info.Images ?? 0,
  };
}

/** The system domain's handlers (`runtime/api/system.ts`). */
export function systemHandlers(engine: EngineConnection): HandlerSlice<typeof systemContract> {
  return {
    methods: {
      'system.info': async (_params, signal) => toSystemInfo(engine.status.engineId, await engine.client.system.info(signal)),
    },
    streams: {},
  };
}
