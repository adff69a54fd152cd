import type { WireError } from './errors.js';
import type { FieldIssue, RunSpec, RunWarning } from './run-spec.js';

/** `containers.inspect`: the overview the Details page shows, plus the engine's whole answer. */
export interface ContainerDetails {
  engineId: string;
  id: string;
  name: string;
  state: {
    status: string;
    running: boolean;
    paused: boolean;
    restarting: boolean;
    oomKilled: boolean;
    dead: boolean;
    exitCode: number;
    /** ISO time, or null when never started / not finished. */
    startedAt: string | null;
    finishedAt: string | null;
    error: string;
    /** Health status when the container has a healthcheck: `starting`, `healthy`, `unhealthy`. */
    health: string | null;
  };
  restartCount: number;
  /** The image as asked for, and the image id it resolved to. */
  image: string;
  imageId: string;
  /** Repo digest of the image, when the engine knows one. */
  imageDigest: string | null;
  /** Entrypoint + command as the container runs them. */
  command: string[];
  /** How its main process was started: with a pseudo-terminal (`-t`), with stdin kept open (`-i`). */
  terminal: { tty: boolean; stdin: boolean };
  ports: { containerPort: number; protocol: string; hostIp: string; hostPort: number | null }[];
  mounts: { type: string; source: string; destination: string; readOnly: boolean; name: string | null }[];
  networks: { name: string; ipAddress: string; gateway: string; macAddress: string; aliases: string[] }[];
  labels: Record<string, string>;
  /** KEY=VALUE as the engine holds them. The UI masks values of secret-looking keys. */
  env: string[];
  /** Resource limits and restart policy in effect. */
  limits: ContainerLimits;
  /** The engine's full inspect JSON. */
  raw: Record<string, unknown>;
}

/** `containers.top`. */
export interface ProcessList {
  titles: string[];
  processes: string[][];
}

/** `containers.diff`. */
export interface FilesystemChange {
  path: string;
  kind: 'added' | 'changed' | 'deleted';
}

/** One sample of the `containers.stats` stream. */
export interface StatsSample {
  /** Milliseconds since the epoch. */
  time: number;
  /** CPU use in percent of ONE cpu (200 = two full cpus), like `docker stats`. */
  cpuPercent: number;
  onlineCpus: number;
  memoryUsageBytes: number;
  /** The memory limit in effect (the host's memory when unlimited). */
  memoryLimitBytes: number;
  pids: number;
}

/** The limits a container runs with, read back from the engine (`HostConfig`). */
export interface ContainerLimits {
  memoryBytes: number;
  memoryReservationBytes: number;
  memorySwapBytes: number;
  /** From NanoCpus, or CpuQuota/CpuPeriod on engines that use those (Podman). 0 = unlimited. */
  cpus: number;
  cpuShares: number;
  cpusetCpus: string;
  pidsLimit: number;
  restart: { name: string; maxRetries: number };
}

/** `containers.create`: what happened, step by step. */
export interface CreateResult {
  id: string;
  name: string;
  /** The engine's own warnings on create. */
  warnings: string[];
  started: boolean;
  /**
   * Set when create succeeded but start failed: the container exists, stopped. The user then
   * chooses to keep it or remove it (`containers.remove`).
   */
  startError?: WireError;
}

/** `containers.validateRun`: problems that would make the run fail, and dangers to show. */
export interface RunCheck {
  issues: FieldIssue[];
  warnings: RunWarning[];
}

/** `containers.runCommand`: "Copy as docker run". */
export interface RunCommand {
  command: string;
  spec: RunSpec;
}

/** `containers.prune`. */
export interface PruneResult {
  removed: string[];
  spaceReclaimedBytes: number;
}

/** `images.list`: one local image (the Images page, and the Run form's suggestions). */
export interface ImageSummary {
  /** The engine the image is on. */
  engineId: string;
  /** The full image id, `sha256:` and 64 hex digits. */
  id: string;
  /** Every `repo:tag` naming it; empty for an untagged (dangling) image. */
  repoTags: string[];
  /** `repo@sha256:...` for each registry it came from or went to; empty for a local build. */
  repoDigests: string[];
  /** When the image was built, in seconds since the epoch (not when it was pulled). */
  created: number;
  /** Its size on disk including shared layers, in bytes, as `docker images` reports it. */
  sizeBytes: number;
}

/** One event of the `images.pull` stream. */
export interface PullProgress {
  /** Layer id, or null for a message about the whole pull. */
  layer: string | null;
  status: string;
  /** Bytes done and total for this layer, when the engine says (Podman does not). */
  current?: number;
  total?: number;
}
