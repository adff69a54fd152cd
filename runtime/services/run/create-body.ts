import type { RunSpec } from '../../api/index.js';
import { apiBefore } from '../../api/run-flag-table.js';
import { hostConfigOfResources } from '../../engine/resources.js';
import { endpointsConfig, healthConfig, moreHostConfig } from './create-body-more.js';

/**
 * RunSpec -> the body of `POST /containers/create`, field for field what the docker CLI sends
 * for `docker run -d` with the same flags (captured from CLI 28 against API 1.41). The CLI sends
 * every field, zero values included, and some zero values are not the engine's defaults
 * (`MemorySwappiness: -1`, `NetworkMode: "default"`, empty `Dns` lists), so they are sent here
 * too: the engine then stores the same `Config` and `HostConfig` for both.
 */

export interface PortBinding {
  HostIp: string;
  HostPort: string;
}

export interface CreateBody {
  Hostname: string;
  Domainname: string;
  User: string;
  AttachStdin: boolean;
  AttachStdout: boolean;
  AttachStderr: boolean;
  Tty: boolean;
  OpenStdin: boolean;
  StdinOnce: boolean;
  Env: string[] | null;
  Cmd: string[] | null;
  Image: string;
  Volumes: Record<string, Record<string, never>>;
  WorkingDir: string;
  Entrypoint: string[] | null;
  OnBuild: null;
  Labels: Record<string, string>;
  ExposedPorts?: Record<string, Record<string, never>>;
  MacAddress?: string;
  Healthcheck?: Record<string, unknown>;
  StopSignal?: string;
  StopTimeout?: number;
  HostConfig: Record<string, unknown> & {
    Binds: string[] | null;
    PortBindings: Record<string, PortBinding[]>;
    Tmpfs?: Record<string, string>;
    Init?: boolean;
  };
  NetworkingConfig: { EndpointsConfig: Record<string, Record<string, unknown>> };
}

export interface CreateOptions {
  /** The engine's API version: `--mac-address` goes in `Config` before 1.44 and on the endpoint from then on. Default 1.41. */
  apiVersion?: string;
}

/** `--cap-add net_admin` -> `CAP_NET_ADMIN`: upper case, `CAP_` prefix (not on `ALL`), deduplicated and sorted, as the CLI's client does. */
export function normalizeCapabilities(capabilities: string[]): string[] | null {
  if (capabilities.length === 0) return null;
  const normalized = capabilities.map((capability) => {
    const upper = capability.trim().toUpperCase();
    return upper === 'ALL' || upper.startsWith('CAP_') ? upper : `CAP_${upper}`;
  });
  return [...new Set(normalized)].sort();
}

/** `-v SOURCE:TARGET[:OPTIONS]` as the CLI sends it: `ro` first, then the other options as written. */
export function bindText(mount: Extract<RunSpec['mounts'][number], { type: 'bind' | 'volume' }>): string {
  const options = [...(mount.readOnly ? ['ro'] : []), ...(mount.options ?? '').split(',').filter(Boolean)];
  return `${mount.source}:${mount.target}${options.length > 0 ? `:${options.join(',')}` : ''}`;
}

export function portKey(containerPort: number, protocol: string): string {
  return `${containerPort}/${protocol}`;
}

export function createBody(spec: RunSpec, options: CreateOptions = {}): CreateBody {
  const apiVersion = options.apiVersion ?? '1.41';
  const volumes: CreateBody['Volumes'] = {};
  const binds: string[] = [];
  const tmpfs: Record<string, string> = {};
  for (const mount of spec.mounts) {
    if (mount.type === 'anonymous') volumes[mount.target] = {};
    else if (mount.type === 'tmpfs') tmpfs[mount.target] = mount.options ?? '';
    else binds.push(bindText(mount));
  }

  const exposed: Record<string, Record<string, never>> = {};
  const portBindings: Record<string, PortBinding[]> = {};
  for (const port of spec.networking.expose) exposed[portKey(port.containerPort, port.protocol)] = {};
  for (const port of spec.ports) {
    const key = portKey(port.containerPort, port.protocol);
    exposed[key] = {};
    const hostPort = port.hostPort === undefined ? '' : port.hostPortEnd === undefined ? String(port.hostPort) : `${port.hostPort}-${port.hostPortEnd}`;
    (portBindings[key] ??= []).push({ HostIp: port.hostIp ?? '', HostPort: hostPort });
  }

  const hostConfig: CreateBody['HostConfig'] = {
    Binds: binds.length > 0 ? binds : null,
    ContainerIDFile: '',
    LogConfig: { Type: spec.logging.driver ?? '', Config: spec.logging.options },
    NetworkMode: spec.network ?? 'default',
    PortBindings: portBindings,
    RestartPolicy: { Name: spec.restart?.name ?? 'no', MaximumRetryCount: spec.restart?.maxRetries ?? 0 },
    AutoRemove: spec.autoRemove,
    VolumeDriver: spec.volumeDriver ?? '',
    VolumesFrom: spec.volumesFrom.length > 0 ? spec.volumesFrom : null,
    ConsoleSize: [0, 0],
    CapAdd: normalizeCapabilities(spec.capAdd),
    CapDrop: normalizeCapabilities(spec.capDrop),
    CgroupnsMode: '',
    Dns: spec.dns,
    DnsOptions: spec.networking.dnsOptions,
    DnsSearch: spec.networking.dnsSearch,
    ExtraHosts: spec.extraHosts.length > 0 ? spec.extraHosts : null,
    GroupAdd: null,
    IpcMode: spec.ipcMode ?? '',
    Cgroup: '',
    // Sent whatever the network: on a user network the CLI puts them on the endpoint as well.
    Links: spec.networking.links.length > 0 ? spec.networking.links : null,
    OomScoreAdj: 0,
    PidMode: spec.pidMode ?? '',
    Privileged: spec.privileged,
    PublishAllPorts: spec.publishAll,
    ReadonlyRootfs: spec.readOnlyRootfs,
    SecurityOpt: null,
    UTSMode: '',
    UsernsMode: '',
    ShmSize: 0,
    Isolation: '',
    CpuShares: 0,
    Memory: 0,
    NanoCpus: 0,
    CgroupParent: '',
    BlkioWeight: 0,
    BlkioWeightDevice: [],
    BlkioDeviceReadBps: [],
    BlkioDeviceWriteBps: [],
    BlkioDeviceReadIOps: [],
    BlkioDeviceWriteIOps: [],
    CpuPeriod: 0,
    CpuQuota: 0,
    CpuRealtimePeriod: 0,
    CpuRealtimeRuntime: 0,
    CpusetCpus: '',
    CpusetMems: '',
    Devices: [],
    DeviceCgroupRules: null,
    DeviceRequests: null,
    MemoryReservation: 0,
    MemorySwap: 0,
    MemorySwappiness: -1,
    OomKillDisable: false,
    PidsLimit: 0,
    Ulimits: [],
    CpuCount: 0,
    CpuPercent: 0,
    IOMaximumIOps: 0,
    IOMaximumBandwidth: 0,
    MaskedPaths: null,
    ReadonlyPaths: null,
  };
  // Zero for every limit not given, as the CLI sends them; the spec's own values over them, in place.
  Object.assign(hostConfig, moreHostConfig(spec), hostConfigOfResources(spec.resources));
  if (Object.keys(tmpfs).length > 0) hostConfig.Tmpfs = tmpfs;
  // The CLI sets Init only when --init is given; absent means "the engine's default".
  if (spec.init) hostConfig.Init = true;

  const body: CreateBody = {
    Hostname: spec.hostname ?? '',
    Domainname: spec.networking.domainname ?? '',
    User: spec.user ?? '',
    // Berth always runs detached, and `docker run -d` clears every attach flag and StdinOnce.
    AttachStdin: false,
    AttachStdout: false,
    AttachStderr: false,
    Tty: spec.tty,
    OpenStdin: spec.interactive,
    StdinOnce: false,
    Env: spec.env.length > 0 ? spec.env.map(({ key, value }) => (value === undefined ? key : `${key}=${value}`)) : null,
    Cmd: spec.command !== undefined && spec.command.length > 0 ? spec.command : null,
    Image: spec.image,
    Volumes: volumes,
    WorkingDir: spec.workdir ?? '',
    // `--entrypoint ""` is sent as [""]: the engine then runs no entrypoint AND does not fall back to the image's CMD.
    Entrypoint: spec.entrypoint === undefined ? null : spec.entrypoint.length === 0 ? [''] : spec.entrypoint,
    OnBuild: null,
    Labels: spec.labels,
    HostConfig: hostConfig,
    // The CLI omits the endpoint of a single network without options, except the implicit "default" one.
    NetworkingConfig: { EndpointsConfig: endpointsConfig(spec, apiVersion) },
  };
  if (Object.keys(exposed).length > 0) body.ExposedPorts = exposed;
  // Before API 1.44 the engine takes the MAC address only here (docker CLI 20.10 sends it so; CLI 25+ refuses such engines).
  if (spec.networking.macAddress !== undefined && apiBefore(apiVersion, '1.44')) body.MacAddress = spec.networking.macAddress;
  const health = healthConfig(spec);
  if (health !== undefined) body.Healthcheck = health;
  if (spec.lifecycle.stopSignal !== undefined && spec.lifecycle.stopSignal !== '') body.StopSignal = spec.lifecycle.stopSignal;
  if (spec.lifecycle.stopTimeoutSeconds !== undefined) body.StopTimeout = spec.lifecycle.stopTimeoutSeconds;
  return body;
}
