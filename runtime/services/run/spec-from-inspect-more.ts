import type { MountFlagInput, RunSpecInput, UlimitSpec } from '../../api/index.js';
import { ulimitNames } from '../../api/index.js';
import { writeDurationNanos } from '../../api/run-flag-values.js';
import { joinShellWords } from '../../api/shell-words.js';
import type { EngineContainer, EngineMount } from '../../engine/json/container.js';
import type { EngineImageConfig } from '../../engine/json/image.js';

/**
 * "Copy as docker run" for the flags beyond the everyday ones (spec-from-inspect.ts does the
 * rest): the engine's inspect answer -> the RunSpec groups, leaving out what the image set and
 * what the engine fills in by itself (its default runtime, log driver and cgroup namespace,
 * 64 MiB of /dev/shm, the container's own id among its aliases), so the printed line is the one
 * a person would have typed.
 */

/** What the engine uses when a flag is not given (`/info`). */
export interface EngineDefaults {
  runtime?: string;
  loggingDriver?: string;
  /** `host` on cgroup v1 hosts, `private` on cgroup v2 ones. */
  cgroupnsMode?: string;
}

const defaultShmBytes = 64 * 1024 * 1024;

type Spec = RunSpecInput;
type Record_ = Record<string, unknown>;

/** Sets `group.key` only when the value says something (not undefined, 0, '' or an empty list or map). */
function put(spec: Spec, group: string, key: string, value: unknown): void {
  const empty = value === undefined || value === null || value === 0 || value === '' || value === false;
  if (empty || (Array.isArray(value) && value.length === 0) || (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0)) return;
  const holder = ((spec as Record_)[group] ??= {}) as Record_;
  holder[key] = value;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function moreFromInspect(spec: Spec, container: EngineContainer, image: EngineImageConfig, defaults: EngineDefaults): void {
  const config = container.Config ?? {};
  const host = container.HostConfig ?? {};

  healthFromInspect(spec, config.Healthcheck, image.Healthcheck);

  const ulimits = (host.Ulimits ?? []).flatMap((limit): UlimitSpec[] =>
    (ulimitNames as readonly string[]).includes(limit.Name ?? '') ? [{ name: limit.Name as UlimitSpec['name'], soft: limit.Soft ?? 0, hard: limit.Hard ?? 0 }] : [],
  );
  put(spec, 'limits', 'ulimits', ulimits);
  if (host.ShmSize !== defaultShmBytes) put(spec, 'limits', 'shmSizeBytes', host.ShmSize);
  if (host.MemorySwappiness !== -1) put(spec, 'limits', 'memorySwappiness', host.MemorySwappiness ?? undefined);
  // 0 is a swappiness of its own, which `put` would drop as "nothing".
  if (host.MemorySwappiness === 0) ((spec.limits ??= {}) as Record_).memorySwappiness = 0;
  put(spec, 'limits', 'oomKillDisable', host.OomKillDisable);
  put(spec, 'limits', 'oomScoreAdj', host.OomScoreAdj);
  put(spec, 'limits', 'kernelMemoryBytes', host.KernelMemory);
  // CPU limits given as period and quota (not as --cpus, which the engine keeps as NanoCpus).
  if (!(host.NanoCpus ?? 0)) {
    put(spec, 'limits', 'cpuPeriod', host.CpuPeriod);
    put(spec, 'limits', 'cpuQuota', host.CpuQuota);
  }
  put(spec, 'limits', 'cpuRealtimePeriod', host.CpuRealtimePeriod);
  put(spec, 'limits', 'cpuRealtimeRuntime', host.CpuRealtimeRuntime);
  put(spec, 'limits', 'cpusetMems', host.CpusetMems);
  put(spec, 'limits', 'blkioWeight', host.BlkioWeight);
  put(spec, 'limits', 'blkioWeightDevices', (host.BlkioWeightDevice ?? []).map((device) => ({ path: device.Path ?? '', weight: device.Weight ?? 0 })));
  const rates = (list: typeof host.BlkioDeviceReadBps) => (list ?? []).map((device) => ({ path: device.Path ?? '', rate: device.Rate ?? 0 }));
  put(spec, 'limits', 'deviceReadBps', rates(host.BlkioDeviceReadBps));
  put(spec, 'limits', 'deviceWriteBps', rates(host.BlkioDeviceWriteBps));
  put(spec, 'limits', 'deviceReadIops', rates(host.BlkioDeviceReadIOps));
  put(spec, 'limits', 'deviceWriteIops', rates(host.BlkioDeviceWriteIOps));
  put(spec, 'limits', 'storageOpts', host.StorageOpt ?? undefined);
  put(spec, 'limits', 'cpuCount', host.CpuCount);
  put(spec, 'limits', 'cpuPercent', host.CpuPercent);
  put(spec, 'limits', 'ioMaximumIops', host.IOMaximumIOps);
  put(spec, 'limits', 'ioMaximumBandwidthBytes', host.IOMaximumBandwidth);

  put(spec, 'devices', 'mappings', (host.Devices ?? []).map((device) => ({ source: device.PathOnHost ?? '', target: device.PathInContainer ?? '', permissions: device.CgroupPermissions || 'rwm' })));
  put(spec, 'devices', 'cgroupRules', host.DeviceCgroupRules ?? undefined);
  const requests = host.DeviceRequests ?? [];
  put(spec, 'devices', 'cdi', requests.filter((request) => request.Driver === 'cdi').flatMap((request) => request.DeviceIDs ?? []));
  put(
    spec,
    'devices',
    'gpus',
    requests
      .filter((request) => request.Driver !== 'cdi')
      .map((request) => {
        const gpu: Record_ = { capabilities: request.Capabilities?.[0] ?? ['gpu'], options: request.Options ?? {} };
        if (request.Driver) gpu.driver = request.Driver;
        if (request.Count) gpu.count = request.Count;
        if (request.DeviceIDs) gpu.deviceIds = request.DeviceIDs;
        return gpu;
      }),
  );

  const options = [...(host.SecurityOpt ?? [])];
  if (same(host.MaskedPaths, []) && same(host.ReadonlyPaths, [])) options.push('systempaths=unconfined');
  put(spec, 'security', 'options', options);
  put(spec, 'security', 'groupAdd', host.GroupAdd ?? undefined);
  put(spec, 'security', 'usernsMode', host.UsernsMode);
  put(spec, 'security', 'utsMode', host.UTSMode);
  if (host.CgroupnsMode !== defaults.cgroupnsMode) put(spec, 'security', 'cgroupnsMode', host.CgroupnsMode);
  put(spec, 'security', 'cgroupParent', host.CgroupParent);
  put(spec, 'security', 'sysctls', host.Sysctls ?? undefined);
  if (host.Runtime !== defaults.runtime) put(spec, 'security', 'runtime', host.Runtime);
  put(spec, 'security', 'isolation', host.Isolation);
  if (host.Annotations && Object.keys(host.Annotations).length > 0) spec.annotations = host.Annotations;

  networkingFromInspect(spec, container, image);

  if (host.LogConfig?.Type && host.LogConfig.Type !== defaults.loggingDriver) put(spec, 'logging', 'driver', host.LogConfig.Type);
  put(spec, 'logging', 'options', host.LogConfig?.Config ?? undefined);

  if (config.StopSignal && config.StopSignal !== (image.StopSignal ?? '')) put(spec, 'lifecycle', 'stopSignal', config.StopSignal);
  if (typeof config.StopTimeout === 'number') ((spec.lifecycle ??= {}) as Record_).stopTimeoutSeconds = config.StopTimeout;

  const mountFlags = (host.Mounts ?? []).map(mountFromEngine);
  if (mountFlags.length > 0) spec.mountFlags = mountFlags;
  if (host.VolumesFrom && host.VolumesFrom.length > 0) spec.volumesFrom = host.VolumesFrom;
  if (host.VolumeDriver) spec.volumeDriver = host.VolumeDriver;
}

type Health = NonNullable<EngineContainer['Config']>['Healthcheck'];

function healthFromInspect(spec: Spec, health: Health, imageHealth: Health): void {
  if (!health || same(health, imageHealth)) return;
  const test = health.Test ?? [];
  const check: Record_ = {};
  if (test[0] === 'NONE') check.disabled = true;
  else if (!same(test, imageHealth?.Test ?? [])) {
    // `CMD` (from an image or the API) has no flag of its own: the shell runs the same words.
    if (test[0] === 'CMD-SHELL') check.command = test.slice(1).join(' ');
    else if (test[0] === 'CMD') check.command = joinShellWords(test.slice(1));
  }
  const durations: [string, number | null | undefined][] = [
    ['interval', health.Interval],
    ['timeout', health.Timeout],
    ['startPeriod', health.StartPeriod],
    ['startInterval', health.StartInterval],
  ];
  for (const [key, nanos] of durations) if (nanos) check[key] = writeDurationNanos(nanos);
  if (health.Retries) check.retries = health.Retries;
  if (Object.keys(check).length > 0) spec.healthcheck = check;
}

function networkingFromInspect(spec: Spec, container: EngineContainer, image: EngineImageConfig): void {
  const config = container.Config ?? {};
  const host = container.HostConfig ?? {};
  const published = new Set(Object.keys(host.PortBindings ?? {}));
  const fromImage = new Set(Object.keys(image.ExposedPorts ?? {}));
  const expose = Object.keys(config.ExposedPorts ?? {})
    .filter((port) => !published.has(port) && !fromImage.has(port))
    .map((port) => {
      const [number = '', protocol = 'tcp'] = port.split('/');
      return { containerPort: Number(number), protocol };
    })
    .sort((a, b) => a.containerPort - b.containerPort || a.protocol.localeCompare(b.protocol));
  put(spec, 'networking', 'expose', expose);
  put(spec, 'networking', 'dnsSearch', host.DnsSearch ?? undefined);
  put(spec, 'networking', 'dnsOptions', host.DnsOptions ?? undefined);
  put(spec, 'networking', 'domainname', config.Domainname);
  put(spec, 'networking', 'macAddress', config.MacAddress);

  const networkName = host.NetworkMode && host.NetworkMode !== 'default' ? host.NetworkMode : 'bridge';
  const endpoint = container.NetworkSettings?.Networks?.[networkName];
  const shortId = container.Id.slice(0, 12);
  put(spec, 'networking', 'aliases', (endpoint?.Aliases ?? []).filter((alias) => alias !== shortId));
  put(spec, 'networking', 'ipv4Address', endpoint?.IPAMConfig?.IPv4Address);
  put(spec, 'networking', 'ipv6Address', endpoint?.IPAMConfig?.IPv6Address);
  put(spec, 'networking', 'linkLocalIps', endpoint?.IPAMConfig?.LinkLocalIPs ?? undefined);
  put(spec, 'networking', 'driverOptions', endpoint?.DriverOpts ?? undefined);
  // Legacy links are kept as `/other:/this/alias`; on a user network the endpoint has them as given.
  const links = (host.Links ?? []).map((link) => {
    const [target = '', alias = ''] = link.split(':');
    const name = target.replace(/^\//, '');
    const shortAlias = alias.split('/').at(-1) ?? '';
    return shortAlias === name ? name : `${name}:${shortAlias}`;
  });
  put(spec, 'networking', 'links', links.length > 0 ? links : (endpoint?.Links ?? undefined));
}

function mountFromEngine(mount: EngineMount): MountFlagInput {
  const out: MountFlagInput = { type: (mount.Type ?? 'volume') as MountFlagInput['type'], target: mount.Target ?? '' };
  if (mount.Source) out.source = mount.Source;
  if (mount.ReadOnly) out.readOnly = true;
  if (mount.Consistency) out.consistency = mount.Consistency as MountFlagInput['consistency'];
  const bind = mount.BindOptions;
  if (bind) {
    if (bind.Propagation) out.bindPropagation = bind.Propagation as MountFlagInput['bindPropagation'];
    // An empty BindOptions is what `bind-nonrecursive=false` sends; keep it so the engine gets it again.
    out.bindNonRecursive = bind.NonRecursive === true ? true : bind.Propagation || bind.ReadOnlyNonRecursive || bind.ReadOnlyForceRecursive ? undefined : false;
    if (out.bindNonRecursive === undefined) delete out.bindNonRecursive;
    if (bind.ReadOnlyNonRecursive) out.bindReadOnlyNonRecursive = true;
    if (bind.ReadOnlyForceRecursive) out.bindReadOnlyForceRecursive = true;
  }
  const volume = mount.VolumeOptions;
  if (volume) {
    out.volumeNoCopy = volume.NoCopy === true;
    if (volume.Labels && Object.keys(volume.Labels).length > 0) out.volumeLabels = volume.Labels;
    if (volume.DriverConfig?.Name) out.volumeDriver = volume.DriverConfig.Name;
    if (volume.DriverConfig?.Options && Object.keys(volume.DriverConfig.Options).length > 0) out.volumeOptions = volume.DriverConfig.Options;
    if (volume.Subpath) out.volumeSubpath = volume.Subpath;
  }
  if (mount.ImageOptions?.Subpath) out.imageSubpath = mount.ImageOptions.Subpath;
  if (mount.TmpfsOptions?.SizeBytes) out.tmpfsSizeBytes = mount.TmpfsOptions.SizeBytes;
  if (mount.TmpfsOptions?.Mode) out.tmpfsMode = mount.TmpfsOptions.Mode;
  return out;
}
