import type { SystemInfo, systemContract, SystemVersion } from '../api/index.js';
import type { EngineConnection } from '../engine/connection.js';
import { fromEngineError } from '../engine/errors.js';
import { signalOption } from '../engine/signal-option.js';
import type { HandlerSlice } from '../rpc/handlers.js';

/** The parts of `GET /info` that `system.info` reads; engines and API versions leave fields out. */
interface InfoAnswer {
  Name?: string;
  OperatingSystem?: string;
  OSType?: string;
  KernelVersion?: string;
  Architecture?: string;
  NCPU?: number;
  MemTotal?: number;
  Driver?: string;
  CgroupVersion?: string;
  CgroupDriver?: string;
  SecurityOptions?: string[] | null;
  Containers?: number;
  ContainersRunning?: number;
  ContainersPaused?: number;
  ContainersStopped?: number;
  Images?: number;
}

/** The parts of `GET /version` that `system.version` reads. */
interface VersionAnswer {
  Platform?: { Name?: string };
  Version?: string;
  ApiVersion?: string;
  MinAPIVersion?: string;
  GitCommit?: string;
  GoVersion?: string;
  Os?: string;
  Arch?: string;
  KernelVersion?: string;
  BuildTime?: string;
  Experimental?: boolean;
  Components?: { Name?: string; Version?: string }[] | null;
}

/** `docker version` (server) -> SystemVersion. Pure. */
export function toSystemVersion(engineId: string, version: VersionAnswer): SystemVersion {
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
export function toSystemInfo(engineId: string, info: InfoAnswer): SystemInfo {
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
      'system.info': async (_params, signal) => {
        try {
          // dockerode's `info` takes the abort option; its typings lag behind.
          const info = (await (engine.docker.info as (options: object) => Promise<unknown>).call(engine.docker, signalOption(signal))) as InfoAnswer;
          return toSystemInfo(engine.status.engineId, info);
        } catch (error) {
          throw fromEngineError(error, engine.engineUrl);
        }
      },
      'system.version': async (_params, signal) => {
        try {
          // dockerode's `version` takes the abort option; its typings lag behind.
          const version = (await (engine.docker.version as (options: object) => Promise<unknown>).call(engine.docker, signalOption(signal))) as VersionAnswer;
          return toSystemVersion(engine.status.engineId, version);
        } catch (error) {
          throw fromEngineError(error, engine.engineUrl);
        }
      },
    },
    streams: {},
  };
}
