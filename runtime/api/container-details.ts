import { defineDomain, method, params } from './define.js';
import { containerRef } from './refs.js';
import { resourcesSchema, restartPolicySchema } from './run-spec.js';

/** Looking into one container (inspect, processes, filesystem changes) and changing its limits live. */


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

const byId = params({ id: containerRef });

export const containerDetailsContract = defineDomain({
  methods: {
    'containers.inspect': method<ContainerDetails>()(
      byId,
      "Everything about one container: the overview, its limits, and the engine's full inspect JSON.",
    ),
    'containers.top': method<ProcessList>()(byId, 'The processes running in a container (`docker top`).'),
    'containers.diff': method<FilesystemChange[]>()(
      byId,
      "Files added, changed or deleted in the container's filesystem since it was created (`docker diff`).",
    ),
    'containers.update': method<{ warnings: string[] }>()(
      params({
        id: containerRef,
        resources: resourcesSchema.default({}).describe('The limits to change; a limit left out stays as it is.'),
        restart: restartPolicySchema.optional().describe('The new restart policy; left out, it stays as it is.'),
      }).refine((update) => update.restart !== undefined || Object.values(update.resources).some((value) => value !== undefined), {
        message: 'nothing to change: give at least one limit in resources, or a restart policy',
        path: ['resources'],
        // Only for otherwise valid params: an unknown key says more than "nothing to change".
        when: (payload) => payload.issues.length === 0,
      }),
      'Change limits and restart policy of a container without restarting it (`docker update`).',
    ),
  },
});
