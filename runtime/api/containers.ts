import { z } from 'zod';
import { containerPruneMethods } from './container-prune.js';
import { defineDomain, method, params } from './define.js';
import { containerNamePattern, containerRef, stopTimeoutSeconds } from './refs.js';

/** Containers as the UI lists them, and their lifecycle: start, stop, kill, pause, rename, remove, prune. */

/** Every state the engine reports. */
export type ContainerState = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

export interface ContainerPort {
  /** Port inside the container. */
  privatePort: number;
  /** Port published on the host, when published. */
  publicPort?: number;
  /** Host address the port is bound to, e.g. `0.0.0.0`, `::` or `127.0.0.1`. */
  ip?: string;
  protocol: 'tcp' | 'udp' | 'sctp';
}

/** `containers.list`: one row of the Containers page, built from the engine's `GET /containers/json`. */
export interface ContainerSummary {
  engineId: string;
  /** Full 64-hex id. */
  id: string;
  /** Name without the leading slash. */
  name: string;
  /** Image as the container was created from it (a reference or an id). */
  image: string;
  imageId: string;
  command: string;
  /** Creation time, seconds since the epoch. */
  created: number;
  state: ContainerState;
  /** The engine's own status line, e.g. "Up 3 minutes" or "Exited (137) 2 seconds ago". */
  status: string;
  /**
   * When the duration in `status` counts from (the start for "Up", the finish for "Exited" and
   * "Restarting"), in milliseconds since the epoch by this machine's clock, when Berth knows it:
   * `statusAt(status, statusSince, Date.now())` is the line as the engine would write it now.
   */
  statusSince?: number;
  /** Exit code for exited and dead containers, otherwise null. */
  exitCode: number | null;
  ports: ContainerPort[];
  labels: Record<string, string>;
}

const byId = params({ id: containerRef });

/** Signal numbers the engine knows on Linux: the standard ones and the real-time ones (32 and 33 belong to the C library). */
const isLinuxSignalNumber = (signal: number) => (signal >= 1 && signal <= 31) || (signal >= 34 && signal <= 64);

export const containersContract = defineDomain({
  methods: {
    'containers.list': method<ContainerSummary[]>()(
      params({
        all: z.boolean().default(true).describe('Include stopped containers, like `docker ps -a`; false lists running ones only.'),
      }),
      'Every container (like `docker ps -a`), newest first. Never asks the engine for sizes.',
    ),
    'containers.start': method<null>()(byId, 'Start a container. Starting a running container is not an error.'),
    'containers.stop': method<null>()(
      params({ id: containerRef, timeoutSeconds: stopTimeoutSeconds.optional() }),
      'Stop a container (SIGTERM, then SIGKILL after the timeout). Stopping a stopped container is not an error.',
    ),
    'containers.restart': method<null>()(
      params({ id: containerRef, timeoutSeconds: stopTimeoutSeconds.optional() }),
      'Restart a container (stop with the timeout, then start).',
    ),
    'containers.kill': method<null>()(
      params({
        id: containerRef,
        signal: z
          .string()
          .regex(/^(SIG)?[A-Z0-9+-]+$|^\d+$/, 'must be a signal name like SIGTERM or a number')
          .max(32, 'is too long')
          // The engine reads anything its number parser takes (`-3`, `+9`, `0009`) as a number, and
          // one it does not know fails there as its internal error (500), not as bad input.
          .refine((signal) => !/^[+-]?\d+$/.test(signal) || isLinuxSignalNumber(Number(signal)), 'must be a signal number from 1 to 31 or 34 to 64')
          .optional()
          .describe('Signal name or number, e.g. `SIGKILL`, `HUP`, `9`. Default SIGKILL.'),
      }),
      'Send a signal to the main process of a running container.',
    ),
    'containers.pause': method<null>()(byId, 'Freeze every process of a container.'),
    'containers.unpause': method<null>()(byId, 'Thaw a paused container.'),
    'containers.rename': method<null>()(
      params({
        id: containerRef,
        name: z
          .string()
          .max(256, 'is too long')
          .regex(containerNamePattern, 'must start with a letter or digit and use only letters, digits, _ . -')
          .describe('The new name: letters, digits, `_`, `.` and `-`, starting with a letter or digit.'),
      }),
      'Rename a container.',
    ),
    'containers.remove': method<null>()(
      params({
        id: containerRef,
        force: z.boolean().default(false).describe('Remove even when running (kills it first). Without it a running container is a `conflict`.'),
        volumes: z.boolean().default(false).describe("Also remove the container's anonymous volumes (like `docker rm -v`)."),
      }),
      'Remove a container.',
    ),
    ...containerPruneMethods,
  },
});
