import type { MountFlagSpec, RunSpec } from '../../api/index.js';
import { apiBefore } from '../../api/run-flag-table.js';
import { durationNanos, seccompValue } from '../../api/run-flag-values.js';

/**
 * The parts of the create body that the flags beyond the everyday ones fill (see
 * create-body.ts for the rest): each as the docker CLI builds it, down to which fields it
 * leaves out and which it sends empty, since the engine stores what it is sent.
 */

/** `bridge`, `host`, `none`, `default` and `container:...` are the engine's own; anything else is a user network. */
export function isUserNetwork(network: string | undefined): boolean {
  return network !== undefined && !['default', 'bridge', 'host', 'none'].includes(network) && !network.startsWith('container:');
}

/** `Config.Healthcheck` as the CLI sends it: absent unless a health flag was given; zero fields left out. */
export function healthConfig(spec: RunSpec): Record<string, unknown> | undefined {
  const check = spec.healthcheck;
  if (check.disabled) return { Test: ['NONE'] };
  const timing = {
    Interval: durationNanos(check.interval),
    Timeout: durationNanos(check.timeout),
    StartPeriod: durationNanos(check.startPeriod),
    StartInterval: durationNanos(check.startInterval),
    Retries: check.retries ?? 0,
  };
  const command = check.command ?? '';
  if (command === '' && Object.values(timing).every((value) => value === 0)) return undefined;
  const config: Record<string, unknown> = command === '' ? {} : { Test: ['CMD-SHELL', command] };
  for (const [key, value] of Object.entries(timing)) if (value !== 0) config[key] = value;
  return config;
}

/** `--security-opt` as sent: `systempaths=unconfined` is the CLI's own (it empties the masked and read-only paths instead). */
export function securityOptions(spec: RunSpec): { SecurityOpt: string[] | null; MaskedPaths: string[] | null; ReadonlyPaths: string[] | null } {
  const options = spec.security.options;
  const unconfined = options.includes('systempaths=unconfined');
  return {
    SecurityOpt: options.length === 0 ? null : options.filter((option) => option !== 'systempaths=unconfined'),
    MaskedPaths: unconfined ? [] : null,
    ReadonlyPaths: unconfined ? [] : null,
  };
}

/** The seccomp profile value of the spec's security options, if any (for warnings and checks). */
export function seccompOf(spec: RunSpec): string | null {
  for (const option of spec.security.options) {
    const value = seccompValue(option);
    if (value !== null) return value;
  }
  return null;
}

/** One `--mount` as `HostConfig.Mounts` holds it: the option objects exist exactly when one of their options was given. */
export function engineMount(mount: MountFlagSpec): Record<string, unknown> {
  const out: Record<string, unknown> = { Type: mount.type };
  if (mount.source !== undefined && mount.source !== '') out.Source = mount.source;
  out.Target = mount.target;
  if (mount.readOnly) out.ReadOnly = true;
  if (mount.consistency !== undefined) out.Consistency = mount.consistency;
  const bind = pruned({
    Propagation: mount.bindPropagation,
    NonRecursive: mount.bindNonRecursive,
    ReadOnlyNonRecursive: mount.bindReadOnlyNonRecursive,
    ReadOnlyForceRecursive: mount.bindReadOnlyForceRecursive,
  });
  if (bind.given) out.BindOptions = bind.value;
  const volumeGiven = [mount.volumeNoCopy, mount.volumeLabels, mount.volumeDriver, mount.volumeOptions, mount.volumeSubpath].some((value) => value !== undefined);
  if (volumeGiven) {
    out.VolumeOptions = pruned({
      NoCopy: mount.volumeNoCopy,
      Labels: mount.volumeLabels,
      Subpath: mount.volumeSubpath,
      DriverConfig: pruned({ Name: mount.volumeDriver, Options: mount.volumeOptions }).value,
    }).value;
  }
  if (mount.imageSubpath !== undefined) out.ImageOptions = pruned({ Subpath: mount.imageSubpath }).value;
  const tmpfs = pruned({ SizeBytes: mount.tmpfsSizeBytes, Mode: mount.tmpfsMode });
  if (tmpfs.given) out.TmpfsOptions = tmpfs.value;
  return out;
}

/** The fields that were given, without their Go zero values (which `omitempty` leaves out of the JSON). */
function pruned(fields: Record<string, unknown>): { given: boolean; value: Record<string, unknown> } {
  const value: Record<string, unknown> = {};
  let given = false;
  for (const [key, field] of Object.entries(fields)) {
    if (field === undefined) continue;
    given = true;
    const empty = field === false || field === '' || field === 0 || (typeof field === 'object' && field !== null && Object.keys(field).length === 0);
    if (!empty || key === 'DriverConfig') value[key] = field;
  }
  return { given, value };
}

/** `HostConfig` fields of the further limits, devices and security (zero values as the CLI sends them). */
export function moreHostConfig(spec: RunSpec): Record<string, unknown> {
  const { limits, devices, security } = spec;
  const gpus = devices.gpus.map((gpu) => ({
    Driver: gpu.driver ?? '',
    Count: gpu.count ?? 0,
    DeviceIDs: gpu.deviceIds ?? null,
    Capabilities: [gpu.capabilities],
    Options: gpu.options,
  }));
  const cdi = devices.cdi.length === 0 ? [] : [{ Driver: 'cdi', Count: 0, DeviceIDs: devices.cdi, Capabilities: null, Options: null }];
  const host: Record<string, unknown> = {
    CgroupnsMode: security.cgroupnsMode ?? '',
    GroupAdd: security.groupAdd.length > 0 ? security.groupAdd : null,
    OomScoreAdj: limits.oomScoreAdj ?? 0,
    ...securityOptions(spec),
    UTSMode: security.utsMode ?? '',
    UsernsMode: security.usernsMode ?? '',
    ShmSize: limits.shmSizeBytes ?? 0,
    Isolation: security.isolation ?? '',
    CgroupParent: security.cgroupParent ?? '',
    BlkioWeight: limits.blkioWeight ?? 0,
    BlkioWeightDevice: limits.blkioWeightDevices.map(({ path, weight }) => ({ Path: path, Weight: weight })),
    BlkioDeviceReadBps: limits.deviceReadBps.map(rate),
    BlkioDeviceWriteBps: limits.deviceWriteBps.map(rate),
    BlkioDeviceReadIOps: limits.deviceReadIops.map(rate),
    BlkioDeviceWriteIOps: limits.deviceWriteIops.map(rate),
    CpuPeriod: limits.cpuPeriod ?? 0,
    CpuQuota: limits.cpuQuota ?? 0,
    CpuRealtimePeriod: limits.cpuRealtimePeriod ?? 0,
    CpuRealtimeRuntime: limits.cpuRealtimeRuntime ?? 0,
    CpusetMems: limits.cpusetMems ?? '',
    Devices: devices.mappings.map(({ source, target, permissions }) => ({ PathOnHost: source, PathInContainer: target, CgroupPermissions: permissions })),
    DeviceCgroupRules: devices.cgroupRules.length > 0 ? devices.cgroupRules : null,
    DeviceRequests: gpus.length + cdi.length > 0 ? [...gpus, ...cdi] : null,
    MemorySwappiness: limits.memorySwappiness ?? -1,
    OomKillDisable: limits.oomKillDisable,
    // The CLI sorts them by name, one per name.
    Ulimits: [...limits.ulimits].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map(({ name, soft, hard }) => ({ Name: name, Hard: hard, Soft: soft })),
    CpuCount: limits.cpuCount ?? 0,
    CpuPercent: limits.cpuPercent ?? 0,
    IOMaximumIOps: limits.ioMaximumIops ?? 0,
    IOMaximumBandwidth: limits.ioMaximumBandwidthBytes ?? 0,
  };
  // Sent by the CLI only on the API versions that took it (1.40 and 1.41); omitted when zero.
  if (limits.kernelMemoryBytes !== undefined && limits.kernelMemoryBytes !== 0) host.KernelMemory = limits.kernelMemoryBytes;
  if (Object.keys(security.sysctls).length > 0) host.Sysctls = security.sysctls;
  if (security.runtime !== undefined && security.runtime !== '') host.Runtime = security.runtime;
  if (Object.keys(limits.storageOpts).length > 0) host.StorageOpt = limits.storageOpts;
  if (spec.mountFlags.length > 0) host.Mounts = spec.mountFlags.map(engineMount);
  if (Object.keys(spec.annotations).length > 0) host.Annotations = spec.annotations;
  return host;
}

const rate = ({ path, rate: value }: { path: string; rate: number }) => ({ Path: path, Rate: value });

/**
 * `NetworkingConfig.EndpointsConfig`: the endpoint of the one network, with the per-endpoint
 * flags (`--network-alias`, `--link` on a user network, `--ip`, `--ip6`, `--link-local-ip`,
 * `--mac-address` from API 1.44, and the long form's `driver-opt=`). The implicit `default` network is always sent; a named
 * network only when it has settings, as the CLI does.
 */
export function endpointsConfig(spec: RunSpec, apiVersion: string): Record<string, Record<string, unknown>> {
  const { networking } = spec;
  const network = spec.network ?? 'default';
  const endpoint: Record<string, unknown> = {};
  if (networking.aliases.length > 0) endpoint.Aliases = networking.aliases;
  if (isUserNetwork(network) && networking.links.length > 0) endpoint.Links = networking.links;
  const ipam = { IPv4Address: networking.ipv4Address, IPv6Address: networking.ipv6Address, LinkLocalIPs: networking.linkLocalIps.length > 0 ? networking.linkLocalIps : undefined };
  if (Object.values(ipam).some((value) => value !== undefined)) endpoint.IPAMConfig = JSON.parse(JSON.stringify(ipam)) as unknown;
  if (networking.macAddress !== undefined && !apiBefore(apiVersion, '1.44')) endpoint.MacAddress = networking.macAddress;
  if (Object.keys(networking.driverOptions).length > 0) endpoint.DriverOpts = networking.driverOptions;
  if (spec.network === undefined || Object.keys(endpoint).length > 0) return { [network]: endpoint };
  return {};
}
