import { z } from 'zod';

/** The engine's `/info` and `/version` JSON, typed once; optional and nullable as engines send them. */

const text = z.string().nullish();
const count = z.number().nullish();

/** `GET /info`, the parts Berth reads. */
export const engineInfoSchema = z.looseObject({
  Name: text,
  OperatingSystem: text,
  OSType: text,
  KernelVersion: text,
  Architecture: text,
  NCPU: count,
  MemTotal: count,
  Driver: text,
  CgroupVersion: text,
  CgroupDriver: text,
  /** What a container gets without `--runtime` / `--log-driver`. */
  DefaultRuntime: text,
  LoggingDriver: text,
  SecurityOptions: z.array(z.string()).nullish(),
  Containers: count,
  ContainersRunning: count,
  ContainersPaused: count,
  ContainersStopped: count,
  Images: count,
  /** The engine's clock when it answered (RFC 3339 with nanoseconds). */
  SystemTime: text,
});

/** `GET /version`. Podman names itself among the components. */
export const engineVersionSchema = z.looseObject({
  Version: text,
  ApiVersion: text,
  Os: text,
  Arch: text,
  MinAPIVersion: text,
  GitCommit: text,
  GoVersion: text,
  KernelVersion: text,
  BuildTime: text,
  Experimental: z.boolean().nullish(),
  Platform: z.looseObject({ Name: text }).nullish(),
  Components: z.array(z.looseObject({ Name: text, Version: text })).nullish(),
});

export type EngineInfo = z.output<typeof engineInfoSchema>;
export type EngineVersion = z.output<typeof engineVersionSchema>;
