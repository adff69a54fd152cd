import type { SystemInfo, systemContract, SystemVersion } from '../api/index.js';
import type { EngineConnection } from '../engine/connection.js';
import type { EngineInfo, EngineVersion } from '../engine/json/system.js';
import type { HandlerSlice } from '../rpc/handlers.js';

/** `docker version` (server) -> SystemVersion. Pure. */
export function toSystemVersion(engineId: string, version: EngineVersion): SystemVersion {
  return {
    engineId,
    platform: version.Platform?.Name ?? '',
    version: version.Version ?? '',
    apiVersion: version.ApiVersion ?? '',
    minApiVersion: version.MinAPIVersion ?? '',
    gitCommit: version.GitCommit ?? '',
    goVersion: version.GoVersion ?? '',
    os: version.Os ?? '',
    arch: version.Arch ?? '',
    kernelVersion: version.KernelVersion ?? '',
    buildTime: version.BuildTime ?? '',
    experimental: version.Experimental === true,
    components: (version.Components ?? []).map((component) => ({ name: component.Name ?? '', version: component.Version ?? '' })),
  };
}

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
      'system.version': async (_params, signal) => toSystemVersion(engine.status.engineId, await engine.client.system.version(signal)),
    },
    streams: {},
  };
}
