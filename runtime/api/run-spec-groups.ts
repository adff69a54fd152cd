import { z } from 'zod';
import { params } from './define.js';

/**
 * The RunSpec's groups beyond the everyday fields (run-spec.ts composes them): healthcheck,
 * further limits, devices, security and namespaces, networking details, logging, lifecycle,
 * and `--mount` in the engine's own form. Each field names the `docker run` flag it stands
 * for; every value is what the docker CLI would read from that flag, so the backend can send
 * exactly the `Config` / `HostConfig` / `NetworkingConfig` the CLI sends.
 */

const text = (max = 4096) => z.string().max(max, `is longer than ${max} characters`);
const words = (doc: string, max = 4096) => z.array(text(max)).max(1024).default([]).describe(doc);
const textMap = (doc: string) => z.record(text(), text(100_000)).default({}).describe(doc);
const wholeNumber = z.number().int('must be a whole number');
const byteCount = wholeNumber.nonnegative('must not be negative');

/**
 * A duration in the CLI's words (`30s`, `1m30s`, `500ms`): what `--health-interval` takes, as
 * go-duration.ts reads it; never negative. (Too long to count in nanoseconds: validation says so.)
 */
const duration = text(64).regex(/^(0|((\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h))+)$/, 'must be a duration like 30s, 1m30s or 500ms (ms|s|m|h), not negative');

export const healthcheckSchema = params({
  command: text(100_000)
    .optional()
    .describe("`--health-cmd`: the check, run by the container's shell (`CMD-SHELL`); exit status 0 is healthy. Left out: the image's check."),
  interval: duration.optional().describe("`--health-interval`: time between checks, e.g. `30s`. Left out: the image's, else 30s."),
  timeout: duration.optional().describe("`--health-timeout`: a check running longer fails, e.g. `5s`. Left out: the image's, else 30s."),
  startPeriod: duration
    .optional()
    .describe("`--health-start-period`: time to start up during which failed checks do not count, e.g. `1m`. Left out: the image's, else 0s."),
  startInterval: duration.optional().describe('`--health-start-interval`: time between checks during the start period. Needs engine API 1.44 (Docker 25).'),
  retries: wholeNumber
    .min(0, 'must not be negative')
    .max(2_147_483_647)
    .optional()
    .describe("`--health-retries`: consecutive failures that make it unhealthy. Left out: the image's, else 3."),
  disabled: z.boolean().default(false).describe("`--no-healthcheck`: no healthcheck at all, not even the image's."),
});

export const ulimitNames = [
  'core', 'cpu', 'data', 'fsize', 'locks', 'memlock', 'msgqueue', 'nice', 'nofile', 'nproc', 'rss', 'rtprio', 'rttime', 'sigpending', 'stack',
] as const;

export const ulimitSchema = params({
  name: z.enum(ulimitNames).describe('The resource, e.g. `nofile` (open files) or `nproc` (processes).'),
  soft: wholeNumber.min(-1, 'must be -1 (unlimited) or more').describe('The soft limit, where the kernel starts refusing; -1 is unlimited.'),
  hard: wholeNumber.min(-1, 'must be -1 (unlimited) or more').describe('The hard limit, which the soft limit may be raised to; -1 is unlimited.'),
});
export type UlimitSpec = z.infer<typeof ulimitSchema>;

const devicePath = text(1024).regex(/^\/dev\//, 'must be a device path under /dev/');
export const deviceRateSchema = params({
  path: devicePath.describe('The device, e.g. `/dev/sda`.'),
  rate: byteCount.describe('Bytes (or operations) per second.'),
});
export const deviceWeightSchema = params({
  path: devicePath.describe('The device, e.g. `/dev/sda`.'),
  weight: wholeNumber.min(0).max(1000).describe('Relative weight, 10-1000 (0: none).'),
});
export type DeviceRateSpec = z.infer<typeof deviceRateSchema>;
export type DeviceWeightSpec = z.infer<typeof deviceWeightSchema>;

export const limitsSchema = params({
  ulimits: z.array(ulimitSchema).max(64).default([]).describe('`--ulimit NAME=SOFT[:HARD]`: resource limits of the processes, e.g. `nofile=1024:2048`.'),
  shmSizeBytes: byteCount.optional().describe("`--shm-size`, in bytes: the size of /dev/shm. Left out: the engine's 64 MiB."),
  memorySwappiness: wholeNumber.min(0, 'must be 0-100').max(100, 'must be 0-100').optional().describe('`--memory-swappiness`: 0-100, how readily its memory is swapped out.'),
  oomKillDisable: z.boolean().default(false).describe('`--oom-kill-disable`: never kill it when it runs out of memory (use only with a memory limit).'),
  oomScoreAdj: wholeNumber.min(-1000, 'must be -1000 to 1000').max(1000, 'must be -1000 to 1000').optional().describe("`--oom-score-adj`: -1000 to 1000, how early the kernel's OOM killer picks it."),
  kernelMemoryBytes: byteCount.optional().describe('`--kernel-memory`, in bytes (deprecated by the engine; cgroup v1 only).'),
  cpuPeriod: wholeNumber.min(0).max(1_000_000).optional().describe('`--cpu-period`: the CFS scheduler period, in microseconds (1000-1000000).'),
  cpuQuota: wholeNumber.min(-1).optional().describe('`--cpu-quota`: CPU time per period, in microseconds; -1 is none.'),
  cpuRealtimePeriod: wholeNumber.min(0).optional().describe('`--cpu-rt-period`: the real-time scheduler period, in microseconds.'),
  cpuRealtimeRuntime: wholeNumber.min(0).optional().describe('`--cpu-rt-runtime`: real-time CPU time per period, in microseconds.'),
  cpusetMems: text(1024)
    .regex(/^\d+(-\d+)?(,\d+(-\d+)?)*$/, 'must look like 0-1,3')
    .optional()
    .describe('`--cpuset-mems`: which memory nodes (NUMA) it may use, e.g. `0-1`.'),
  blkioWeight: wholeNumber.min(0).max(1000, 'must be 10-1000 (or 0 for none)').optional().describe('`--blkio-weight`: block IO weight, 10-1000.'),
  blkioWeightDevices: z.array(deviceWeightSchema).max(256).default([]).describe('`--blkio-weight-device DEVICE:WEIGHT`: block IO weight per device.'),
  deviceReadBps: z.array(deviceRateSchema).max(256).default([]).describe('`--device-read-bps DEVICE:RATE`: most bytes per second read from a device.'),
  deviceWriteBps: z.array(deviceRateSchema).max(256).default([]).describe('`--device-write-bps DEVICE:RATE`: most bytes per second written to a device.'),
  deviceReadIops: z.array(deviceRateSchema).max(256).default([]).describe('`--device-read-iops DEVICE:RATE`: most reads per second from a device.'),
  deviceWriteIops: z.array(deviceRateSchema).max(256).default([]).describe('`--device-write-iops DEVICE:RATE`: most writes per second to a device.'),
  storageOpts: textMap('`--storage-opt KEY=VALUE`: storage driver options, e.g. `size=10G` (only some drivers take them).'),
  cpuCount: wholeNumber.min(0).optional().describe('`--cpu-count` (Windows engines only).'),
  cpuPercent: wholeNumber.min(0).max(100).optional().describe('`--cpu-percent` (Windows engines only).'),
  ioMaximumIops: wholeNumber.min(0).optional().describe('`--io-maxiops` (Windows engines only).'),
  ioMaximumBandwidthBytes: byteCount.optional().describe('`--io-maxbandwidth`, in bytes per second (Windows engines only).'),
});
export type LimitsSpec = z.output<typeof limitsSchema>;

/** `r`, `w` and `m`, each at most once, in any order. */
const devicePermissions = ['r', 'w', 'm', 'rw', 'rm', 'wr', 'wm', 'mr', 'mw', 'rwm', 'rmw', 'wrm', 'wmr', 'mrw', 'mwr'] as const;

export const deviceMappingSchema = params({
  source: text(1024).min(1, 'is empty').describe('The device on the engine host, e.g. `/dev/snd`.'),
  target: text(1024).min(1, 'is empty').describe('Its path inside the container (usually the same).'),
  permissions: z
    .enum(devicePermissions, 'must be made of r, w and m, each once')
    .default('rwm')
    .describe('`r` read, `w` write, `m` mknod; default `rwm`.'),
});
export type DeviceMappingSpec = z.infer<typeof deviceMappingSchema>;

export const gpuRequestSchema = params({
  driver: text(256).optional().describe('`driver=`: the device driver, e.g. `nvidia`.'),
  count: wholeNumber.min(-1).optional().describe('How many GPUs; -1 is all (`--gpus all`).'),
  deviceIds: z.array(text(256)).max(256).optional().describe('`device=`: which GPUs, by index or id.'),
  capabilities: z.array(text(256)).max(64).default(['gpu']).describe('`capabilities=`: what the GPUs must offer; always includes `gpu`.'),
  options: textMap('`options=`: driver options.'),
});
export type GpuRequestSpec = z.output<typeof gpuRequestSchema>;

export const devicesSchema = params({
  mappings: z.array(deviceMappingSchema).max(256).default([]).describe('`--device HOST[:CONTAINER[:PERMISSIONS]]`: host devices in the container.'),
  cdi: words('`--device VENDOR/CLASS=NAME`: Container Device Interface devices, by their qualified name.', 512),
  cgroupRules: z
    .array(text(256).regex(/^[acb] ([0-9]+|\*):([0-9]+|\*) [rwm]{1,3}$/, "must look like 'c 1:3 mr'"))
    .max(256)
    .default([])
    .describe("`--device-cgroup-rule`: a device cgroup rule, e.g. `c 42:* rmw`."),
  gpus: z.array(gpuRequestSchema).max(16).default([]).describe('`--gpus`: GPUs to add, e.g. `all` or `device=0,1`.'),
});
export type DevicesSpec = z.output<typeof devicesSchema>;

const namespaceMode = (flag: string, doc: string) => text(256).optional().describe(`\`${flag}\`: ${doc}`);

export const securitySchema = params({
  options: words('`--security-opt`: e.g. `no-new-privileges`, `seccomp=unconfined`, `apparmor=PROFILE`, `label=...`, `systempaths=unconfined`.', 1_000_000),
  groupAdd: words('`--group-add`: more groups the processes belong to, by name or id.', 256),
  usernsMode: namespaceMode('--userns', '`host` to use the host\'s user namespace when the engine remaps users.'),
  utsMode: namespaceMode('--uts', "`host` to share the host's host name and domain."),
  cgroupnsMode: z.enum(['host', 'private']).optional().describe("`--cgroupns`: `host` or `private`. Left out: the engine's default."),
  cgroupParent: text(1024).optional().describe('`--cgroup-parent`: the cgroup the container\'s cgroup is made under.'),
  sysctls: textMap('`--sysctl KEY=VALUE`: namespaced kernel parameters (`net.*`, `fs.mqueue.*`, `kernel.shm*`, `kernel.msg*`, `kernel.sem`).'),
  runtime: text(256).optional().describe("`--runtime`: the OCI runtime, e.g. `runc`. Left out: the engine's default."),
  isolation: text(64).optional().describe('`--isolation`: `default`, `process` or `hyperv` (Windows engines).'),
});
export type SecuritySpec = z.output<typeof securitySchema>;

export const exposedPortSchema = params({
  containerPort: wholeNumber.min(1, 'must be 1-65535').max(65535, 'must be 1-65535').describe('The port.'),
  protocol: z.enum(['tcp', 'udp', 'sctp']).default('tcp').describe('`tcp`, `udp` or `sctp`.'),
});
export type ExposedPortSpec = z.output<typeof exposedPortSchema>;

export const networkingSchema = params({
  expose: z.array(exposedPortSchema).max(65536).default([]).describe('`--expose PORT[/PROTO]`: ports the container offers, without publishing them.'),
  dnsSearch: words('`--dns-search`: DNS search domains.', 256),
  dnsOptions: words('`--dns-option`: resolver options, e.g. `ndots:2`.', 256),
  domainname: text(253).optional().describe('`--domainname`: the NIS domain name the container sees.'),
  ipv4Address: text(64).optional().describe('`--ip`: a fixed IPv4 address on its user network.'),
  ipv6Address: text(64).optional().describe('`--ip6`: a fixed IPv6 address on its user network.'),
  macAddress: text(64).optional().describe('`--mac-address`: its MAC address, e.g. `92:d0:c6:0a:29:33`.'),
  aliases: words('`--network-alias`: more names it answers to on its user network.', 256),
  links: words('`--link NAME[:ALIAS]`: legacy links to other containers; user networks replace them.', 512),
  linkLocalIps: words('`--link-local-ip`: link-local addresses on its network.', 64),
  driverOptions: textMap("`--network name=NET,driver-opt=KEY=VALUE`: options for the network driver, for this container's endpoint on NET."),
});
export type NetworkingSpec = z.output<typeof networkingSchema>;

export const loggingSchema = params({
  driver: text(256).optional().describe("`--log-driver`: e.g. `json-file`, `local`, `journald`, `syslog`, `none`. Left out: the engine's default."),
  options: textMap('`--log-opt KEY=VALUE`: the log driver\'s options, e.g. `max-size=10m`.'),
});

export const lifecycleSchema = params({
  stopSignal: text(64).optional().describe("`--stop-signal`: the signal that asks it to stop, e.g. `SIGINT`. Left out: the image's, else SIGTERM."),
  stopTimeoutSeconds: wholeNumber.min(-1).optional().describe('`--stop-timeout`: seconds to wait after the stop signal before killing it; -1 waits forever.'),
  pull: z.enum(['missing', 'always', 'never']).default('missing').describe('`--pull`: pull the image first `always`, only when `missing` (the default), or `never`.'),
  platform: text(128)
    .regex(/^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+){0,2}$/, 'must look like linux/amd64 or linux/arm/v7')
    .optional()
    .describe('`--platform OS/ARCH[/VARIANT]`: which platform of a multi-platform image to pull and run.'),
});

const mountTypes = ['bind', 'volume', 'tmpfs', 'npipe', 'cluster', 'image'] as const;

/** One `--mount`, field for field as the CLI reads it and the engine keeps it (`HostConfig.Mounts`). */
export const mountFlagSchema = params({
  type: z.enum(mountTypes).default('volume').describe('`type=`: `bind`, `volume` (the default), `tmpfs`, `npipe`, `cluster` or `image`.'),
  source: text().optional().describe('`source=`: the host path (bind) or volume name (volume); left out of a volume: an anonymous one.'),
  target: text().min(1, 'is empty').describe('`target=`: the path inside the container.'),
  readOnly: z.boolean().default(false).describe('`readonly`: mount it read-only.'),
  consistency: z.enum(['default', 'consistent', 'cached', 'delegated']).optional().describe('`consistency=` (only Docker Desktop on macOS acts on it).'),
  bindPropagation: z.enum(['private', 'rprivate', 'shared', 'rshared', 'slave', 'rslave']).optional().describe('`bind-propagation=`.'),
  bindNonRecursive: z.boolean().optional().describe('`bind-recursive=disabled`: do not mount what is mounted below the source.'),
  bindReadOnlyNonRecursive: z.boolean().optional().describe('`bind-recursive=writable`: read-only, but submounts stay writable (API 1.44).'),
  bindReadOnlyForceRecursive: z.boolean().optional().describe('`bind-recursive=readonly`: read-only all the way down, or fail (API 1.44).'),
  volumeNoCopy: z.boolean().optional().describe("`volume-nocopy`: do not copy the image's files into a new volume."),
  volumeLabels: z.record(text(), text()).optional().describe('`volume-label=KEY=VALUE`: labels of a volume it creates.'),
  volumeDriver: text(256).optional().describe('`volume-driver=`: the driver of a volume it creates.'),
  volumeOptions: z.record(text(), text()).optional().describe('`volume-opt=KEY=VALUE`: driver options of a volume it creates.'),
  volumeSubpath: text().optional().describe('`volume-subpath=`: mount only this path inside the volume (API 1.45).'),
  imageSubpath: text().optional().describe('`image-subpath=`: mount only this path inside the image (API 1.47).'),
  tmpfsSizeBytes: byteCount.optional().describe('`tmpfs-size=`: the size of the tmpfs, in bytes.'),
  tmpfsMode: wholeNumber.min(0).max(0o7777).optional().describe('`tmpfs-mode=`: its file mode (written in octal on the flag, e.g. 1777).'),
});
export type MountFlagSpec = z.output<typeof mountFlagSchema>;
export type MountFlagInput = z.input<typeof mountFlagSchema>;
