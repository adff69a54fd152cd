import { z } from 'zod';
import { params } from './define.js';
import { containerNamePattern } from './refs.js';
import { devicesSchema, healthcheckSchema, lifecycleSchema, limitsSchema, loggingSchema, mountFlagSchema, networkingSchema, securitySchema } from './run-spec-groups.js';

/**
 * RunSpec: everything `docker run` can say about a new container, as structured data. The Run
 * form edits one; "Paste a docker run command" parses one; "Copy as docker run" prints one; a
 * recreate edits the one read back from an existing container. The backend turns it into
 * exactly the `Config` / `HostConfig` the docker CLI would send for the same flags.
 *
 * Every field's description names the `docker run` flag it stands for; `berth api --help` and
 * the Run form show these words.
 */

const port = z.number().int('must be a whole number').min(1, 'must be 1-65535').max(65535, 'must be 1-65535');
const byteCount = z.number().int('must be a whole number of bytes').nonnegative('must not be negative');
const text = (max = 4096) => z.string().max(max, `is longer than ${max} characters`);

export const envVarSchema = params({
  key: text().min(1, 'is empty').regex(/^[^=]+$/, "must not contain '='").describe('The variable name (`-e KEY=VALUE`); holds no `=` and is not empty.'),
  value: text(100_000)
    .optional()
    .describe('Its value. Left out: `-e KEY`, passed through from the environment of whoever runs the command.'),
});
export type EnvVar = z.infer<typeof envVarSchema>;

export const portSpecSchema = params({
  hostIp: text(64).optional().describe('`-p HOSTIP:...`: the host address to publish on; all addresses when left out.'),
  hostPort: port.optional().describe('The host port; a random free one when left out (`-p CONTAINERPORT`).'),
  hostPortEnd: port
    .optional()
    .describe('With `hostPort`, the last host port of a range for one container port (`-p 8000-8010:80`): the engine takes a free one of them.'),
  containerPort: port.describe('The port inside the container.'),
  protocol: z.enum(['tcp', 'udp', 'sctp']).default('tcp').describe('`tcp`, `udp` or `sctp`.'),
});
export type PortSpec = z.infer<typeof portSpecSchema>;

const mountSource = text().min(1, 'is empty');
const mountTarget = text().min(1, 'is empty').describe('Where it appears inside the container (absolute path).');
const readOnly = z.boolean().default(false).describe('Mount read-only (`:ro`).');
const volumeOption = '(rw|z|Z|shared|slave|private|rshared|rslave|rprivate|nocopy|consistent|cached|delegated)';
const volumeOptions = text(256)
  .regex(new RegExp(`^${volumeOption}(,${volumeOption})*$`), 'must be -v options: rw, z, Z, [r]shared, [r]slave, [r]private, nocopy, consistent, cached, delegated')
  .optional()
  .describe('The other `-v` options, comma-separated as written after `ro`: an SELinux label (`z`, `Z`), propagation (`rshared`, ...), `nocopy`, `rw`.');

export const mountSpecSchema = z.discriminatedUnion('type', [
  params({
    type: z.literal('bind').describe('`-v /host/path:/container/path`: a host path.'),
    source: mountSource.describe('The host path: absolute, and existing on the engine host.'),
    target: mountTarget,
    readOnly,
    options: volumeOptions,
  }),
  params({
    type: z.literal('volume').describe('`-v NAME:/container/path`: a named volume, created when missing.'),
    source: mountSource.describe('The volume name.'),
    target: mountTarget,
    readOnly,
    options: volumeOptions,
  }),
  params({ type: z.literal('anonymous').describe('`-v /container/path`: an anonymous volume.'), target: mountTarget }),
  params({
    type: z.literal('tmpfs').describe('`--tmpfs /container/path[:options]`: memory-backed, gone when the container stops.'),
    target: mountTarget,
    options: text().optional().describe('tmpfs options, e.g. `size=64m,mode=1777`.'),
  }),
]);
export type MountSpec = z.infer<typeof mountSpecSchema>;

export const restartPolicySchema = params({
  name: z.enum(['no', 'always', 'unless-stopped', 'on-failure']).describe('`--restart`: `no`, `always`, `unless-stopped` or `on-failure`.'),
  maxRetries: z
    .number()
    .int()
    .nonnegative()
    .max(2_147_483_647)
    .optional()
    .describe('With `on-failure` only (`on-failure:N`): give up after this many restarts; 0 never gives up.'),
});
export type RestartPolicySpec = z.infer<typeof restartPolicySchema>;

/** Limits that `docker update` can change on a live container, and `docker run` can set. */
export const resourcesSchema = params({
  memoryBytes: byteCount.optional().describe("`--memory`, in bytes; 0 is unlimited. The engine's minimum is 6 MiB."),
  memoryReservationBytes: byteCount.optional().describe('`--memory-reservation`, in bytes: the soft limit the kernel reclaims down to under pressure.'),
  memorySwapBytes: z
    .number()
    .int()
    .min(-1, 'must be -1 (unlimited) or a byte count')
    .optional()
    .describe('`--memory-swap`, in bytes of memory plus swap; -1 is unlimited swap. Needs a memory limit.'),
  cpus: z.number().positive('must be more than 0').max(1_000_000).optional().describe('`--cpus`: how many CPUs of time, e.g. 1.5.'),
  cpuShares: z.number().int().nonnegative().max(262_144).optional().describe('`--cpu-shares`: relative weight against other containers (default 1024).'),
  cpusetCpus: z
    .string()
    .max(1024)
    .regex(/^\d+(-\d+)?(,\d+(-\d+)?)*$/, 'must look like 0-2,4')
    .optional()
    .describe('`--cpuset-cpus`: which CPUs it may run on, e.g. `0-2,4`.'),
  pidsLimit: z
    .number()
    .int()
    .min(-1)
    // Linux's PID_MAX_LIMIT: the kernel refuses a larger pids.max, which the engine answers with its internal error (500).
    .max(4_194_304, "must be at most 4194304 (the kernel's limit)")
    .optional()
    .describe('`--pids-limit`: most processes at once; -1 or 0 is unlimited.'),
});
export type ResourcesSpec = z.infer<typeof resourcesSchema>;

const stringList = (doc: string) => z.array(text()).max(1024).default([]).describe(doc);

export const runSpecSchema = params({
  image: text(512).min(1, 'is required').describe('The image reference, e.g. `busybox`, `registry:5000/team/app:1.2` or `app@sha256:...`.'),
  name: text(256)
    .regex(containerNamePattern, 'must start with a letter or digit and use only letters, digits, _ . -')
    .optional()
    .describe('`--name`. Left out: the engine picks one.'),
  command: z.array(text(100_000)).max(4096).optional().describe("The arguments after the image (the command). Left out: the image's CMD."),
  entrypoint: z
    .array(text(100_000))
    .max(4096)
    .optional()
    .describe('`--entrypoint`. `[]` means no entrypoint (`--entrypoint ""`). Left out: the image\'s.'),
  env: z.array(envVarSchema).max(4096).default([]).describe('`-e KEY=VALUE`, in order.'),
  ports: z.array(portSpecSchema).max(4096).default([]).describe('`-p`: published ports.'),
  publishAll: z.boolean().default(false).describe('`-P`: publish every port the image exposes on random host ports.'),
  mounts: z.array(mountSpecSchema).max(1024).default([]).describe('`-v` / `--tmpfs`: bind mounts, volumes and tmpfs.'),
  restart: restartPolicySchema.optional().describe('`--restart`; left out: `no`.'),
  resources: resourcesSchema.default({}).describe('Memory, CPU and process limits.'),
  network: text(256).optional().describe('`--network`: `bridge`, `host`, `none`, `container:NAME` or a user network name.'),
  hostname: text(253).optional().describe("`--hostname`: the host name the container sees as its own."),
  extraHosts: z
    .array(text().regex(/^[^:\s]+:.+$/, 'must be NAME:IP'))
    .max(1024)
    .default([])
    .describe('`--add-host NAME:IP`, each as `NAME:IP`.'),
  dns: stringList('`--dns`: DNS servers.'),
  user: text(256).optional().describe('`--user NAME|UID[:GROUP|GID]`.'),
  workdir: text().optional().describe('`--workdir`: the working directory inside the container.'),
  labels: z.record(text(), text(100_000)).default({}).describe('`--label KEY=VALUE`.'),
  autoRemove: z.boolean().default(false).describe('`--rm`: remove the container when it exits.'),
  interactive: z.boolean().default(false).describe('`-i`: keep stdin open.'),
  tty: z.boolean().default(false).describe('`-t`: allocate a terminal.'),
  readOnlyRootfs: z.boolean().default(false).describe('`--read-only`: mount the root filesystem read-only.'),
  init: z.boolean().default(false).describe('`--init`: run an init process that forwards signals and reaps zombies.'),
  privileged: z.boolean().default(false).describe('`--privileged`: every capability and every device; root on the host.'),
  pidMode: text(256).optional().describe('`--pid`: e.g. `host`, or `container:NAME`.'),
  ipcMode: text(256).optional().describe('`--ipc`: `host`, `private`, `shareable` or `container:NAME`.'),
  capAdd: stringList('`--cap-add`: capabilities to add, e.g. `NET_ADMIN`.'),
  capDrop: stringList('`--cap-drop`: capabilities to drop, e.g. `ALL`.'),
  mountFlags: z
    .array(mountFlagSchema)
    .max(1024)
    .default([])
    .describe('`--mount type=...,target=...`: mounts in the engine\'s own form (`HostConfig.Mounts`), every option kept as given.'),
  volumesFrom: stringList('`--volumes-from CONTAINER[:ro|rw]`: the volumes of other containers, at the same paths.'),
  volumeDriver: text(256).optional().describe('`--volume-driver`: the driver of volumes `-v` creates.'),
  healthcheck: healthcheckSchema.prefault({}).describe('`--health-*` and `--no-healthcheck`: how the engine checks that it is healthy.'),
  limits: limitsSchema.prefault({}).describe('Further limits: `--ulimit`, `--shm-size`, OOM, CPU scheduling, block IO.'),
  devices: devicesSchema.prefault({}).describe('`--device`, `--device-cgroup-rule`, `--gpus`.'),
  security: securitySchema.prefault({}).describe('`--security-opt`, `--group-add`, namespaces (`--userns`, `--uts`, `--cgroupns`), `--sysctl`, `--runtime`.'),
  networking: networkingSchema
    .prefault({})
    .describe('`--expose`, DNS search and options, domain name, fixed addresses, aliases and links.'),
  logging: loggingSchema.prefault({}).describe('`--log-driver` and `--log-opt`.'),
  lifecycle: lifecycleSchema.prefault({}).describe('`--stop-signal`, `--stop-timeout`, `--pull`, `--platform`.'),
  annotations: z
    .record(text(), text(100_000))
    .default({})
    .describe('`--annotation KEY=VALUE`: passed to the OCI runtime. Needs engine API 1.43 (Docker 24).'),
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
