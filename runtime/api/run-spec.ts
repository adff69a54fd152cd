import { z } from 'zod';

/**
 * RunSpec: everything `docker run` can say about a new container, as structured data. The Run
 * form edits one; "Paste a docker run command" parses one; "Copy as docker run" prints one; a
 * recreate edits the one read back from an existing container. The backend turns it into
 * exactly the `Config` / `HostConfig` the docker CLI would send for the same flags.
 *
 * Field docs name the `docker run` flag each one stands for.
 */

/** Name rule of the engine: `[a-zA-Z0-9][a-zA-Z0-9_.-]+`. */
export const containerNamePattern = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

const port = z.number().int('must be a whole number').min(1, 'must be 1-65535').max(65535, 'must be 1-65535');
const byteCount = z.number().int('must be a whole number of bytes').nonnegative('must not be negative');

export const envVarSchema = z.object({
  /** `-e KEY=VALUE`. A key holds no `=` and is not empty. */
  key: z.string().min(1, 'is empty').regex(/^[^=]+$/, "must not contain '='"),
  /** Absent: `-e KEY` (passed through from the environment of whoever runs the command). */
  value: z.string().optional(),
});
export type EnvVar = z.infer<typeof envVarSchema>;

export const portSpecSchema = z.object({
  /** `-p HOSTIP:HOSTPORT:CONTAINERPORT/PROTO`. Absent host IP: all addresses. */
  hostIp: z.string().optional(),
  /** Absent: a random free host port (`-p CONTAINERPORT` or `-p HOSTIP::CONTAINERPORT`). */
  hostPort: port.optional(),
  containerPort: port,
  protocol: z.enum(['tcp', 'udp', 'sctp']).default('tcp'),
});
export type PortSpec = z.infer<typeof portSpecSchema>;

export const mountSpecSchema = z.discriminatedUnion('type', [
  /** `-v /host/path:/container/path[:ro]`. `source` must be absolute and exist on the engine host. */
  z.object({ type: z.literal('bind'), source: z.string().min(1, 'is empty'), target: z.string().min(1, 'is empty'), readOnly: z.boolean().default(false) }),
  /** `-v volume-name:/container/path[:ro]`: a named volume (created when missing). */
  z.object({ type: z.literal('volume'), source: z.string().min(1, 'is empty'), target: z.string().min(1, 'is empty'), readOnly: z.boolean().default(false) }),
  /** `-v /container/path`: an anonymous volume. */
  z.object({ type: z.literal('anonymous'), target: z.string().min(1, 'is empty') }),
  /** `--tmpfs /container/path[:options]`, e.g. options `size=64m,mode=1777`. */
  z.object({ type: z.literal('tmpfs'), target: z.string().min(1, 'is empty'), options: z.string().optional() }),
]);
export type MountSpec = z.infer<typeof mountSpecSchema>;

export const restartPolicySchema = z.object({
  /** `--restart no|always|unless-stopped|on-failure[:N]`. */
  name: z.enum(['no', 'always', 'unless-stopped', 'on-failure']),
  /** Only with `on-failure`: give up after this many restarts (0 = never give up). */
  maxRetries: z.number().int().nonnegative().optional(),
});
export type RestartPolicySpec = z.infer<typeof restartPolicySchema>;

/** Limits that `docker update` can change on a live container, and `docker run` can set. */
export const resourcesSchema = z.object({
  /** `--memory`, bytes. The engine's minimum is 6 MiB. */
  memoryBytes: byteCount.optional(),
  /** `--memory-reservation`, bytes (soft limit). */
  memoryReservationBytes: byteCount.optional(),
  /** `--memory-swap`, bytes of memory + swap; -1 = unlimited swap. */
  memorySwapBytes: z.number().int().min(-1, 'must be -1 (unlimited) or a byte count').optional(),
  /** `--cpus`, e.g. 1.5. */
  cpus: z.number().positive('must be more than 0').optional(),
  /** `--cpu-shares`, relative weight (default 1024). */
  cpuShares: z.number().int().nonnegative().optional(),
  /** `--cpuset-cpus`, e.g. `0-2,4`. */
  cpusetCpus: z.string().regex(/^\d+(-\d+)?(,\d+(-\d+)?)*$/, 'must look like 0-2,4').optional(),
  /** `--pids-limit`; -1 or 0 = unlimited. */
  pidsLimit: z.number().int().min(-1).optional(),
});
export type ResourcesSpec = z.infer<typeof resourcesSchema>;

export const runSpecSchema = z.object({
  /** The image reference, e.g. `busybox`, `registry:5000/team/app:1.2` or `app@sha256:...`. */
  image: z.string().min(1, 'is required'),
  /** `--name`. Absent: the engine picks one. */
  name: z.string().regex(containerNamePattern, 'must start with a letter or digit and use only letters, digits, _ . -').optional(),
  /** Arguments after the image (the command). Absent: the image's CMD. */
  command: z.array(z.string()).optional(),
  /** `--entrypoint`. `[]` means "no entrypoint" (`--entrypoint ""`). Absent: the image's. */
  entrypoint: z.array(z.string()).optional(),
  env: z.array(envVarSchema).default([]),
  ports: z.array(portSpecSchema).default([]),
  /** `-P`: publish every port the image exposes on random host ports. */
  publishAll: z.boolean().default(false),
  mounts: z.array(mountSpecSchema).default([]),
  restart: restartPolicySchema.optional(),
  resources: resourcesSchema.default({}),
  /** `--network`: `bridge`, `host`, `none`, `container:NAME` or a user network name. */
  network: z.string().optional(),
  /** `--hostname`. */
  hostname: z.string().optional(),
  /** `--add-host NAME:IP`, each as `NAME:IP`. */
  extraHosts: z.array(z.string().regex(/^[^:\s]+:.+$/, 'must be NAME:IP')).default([]),
  /** `--dns`. */
  dns: z.array(z.string()).default([]),
  /** `--user NAME|UID[:GROUP|GID]`. */
  user: z.string().optional(),
  /** `--workdir`. */
  workdir: z.string().optional(),
  /** `--label KEY=VALUE`. */
  labels: z.record(z.string(), z.string()).default({}),
  /** `--rm`. */
  autoRemove: z.boolean().default(false),
  /** `-i`: keep stdin open. */
  interactive: z.boolean().default(false),
  /** `-t`: allocate a terminal. */
  tty: z.boolean().default(false),
  /** `--read-only`. */
  readOnlyRootfs: z.boolean().default(false),
  /** `--init`. */
  init: z.boolean().default(false),
  /** `--privileged`. */
  privileged: z.boolean().default(false),
  /** `--pid host`. */
  pidMode: z.string().optional(),
  /** `--ipc host|private|shareable|container:NAME`. */
  ipcMode: z.string().optional(),
  /** `--cap-add`. */
  capAdd: z.array(z.string()).default([]),
  /** `--cap-drop`. */
  capDrop: z.array(z.string()).default([]),
});

/** A RunSpec as the backend receives it (defaults filled). */
export type RunSpec = z.output<typeof runSpecSchema>;
/** A RunSpec as a caller may write it (defaults optional). */
export type RunSpecInput = z.input<typeof runSpecSchema>;

/** One field problem, e.g. `{ field: 'ports.0.hostPort', message: 'port 8080 is already allocated on the host' }`. */
export interface FieldIssue {
  /** Dotted path into the RunSpec. */
  field: string;
  message: string;
}

/** A dangerous choice and what it gives away, shown before the user commits to it. */
export interface RunWarning {
  field: string;
  message: string;
}
