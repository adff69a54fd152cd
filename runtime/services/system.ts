import type { SystemInfo, systemContract } from '../api/index.js';
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
    },
    streams: {},
  };
}
