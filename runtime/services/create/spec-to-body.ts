import type { RunSpec } from '../../api/index.js';

/** The body of `POST /containers/create`: Config fields at the top, HostConfig and NetworkingConfig inside. */
export interface CreateBody {
  [field: string]: unknown;
  HostConfig: Record<string, unknown>;
  NetworkingConfig?: { EndpointsConfig: Record<string, Record<string, never>> };
}

const builtinNetworks = new Set(['bridge', 'host', 'none', 'default']);

/**
 * RunSpec -> the create body the docker CLI sends for the same `docker run -d` flags, so that
 * the engine stores the same Config and HostConfig. Pure.
 */
export function specToCreateBody(spec: RunSpec): CreateBody {
  const exposed: Record<string, Record<string, never>> = {};
  const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const port of spec.ports) {
    const key = `${port.containerPort}/${port.protocol}`;
    exposed[key] = {};
    (bindings[key] ??= []).push({ HostIp: port.hostIp ?? '', HostPort: port.hostPort === undefined ? '' : String(port.hostPort) });
  }

  const binds: string[] = [];
  const volumes: Record<string, Record<string, never>> = {};
  const tmpfs: Record<string, string> = {};
  for (const mount of spec.mounts) {
    if (mount.type === 'bind' || mount.type === 'volume') binds.push(`${mount.source}:${mount.target}${mount.readOnly ? ':ro' : ''}`);
    else if (mount.type === 'anonymous') volumes[mount.target] = {};
    else tmpfs[mount.target] = mount.options ?? '';
  }

  const { resources } = spec;
  const network = spec.network ?? 'default';
  const restart = spec.restart ?? { name: 'no' as const };
  const hostConfig: Record<string, unknown> = {
    Binds: binds.length > 0 ? binds : null,
    NetworkMode: network,
    PortBindings: bindings,
    RestartPolicy: { Name: restart.name, MaximumRetryCount: restart.name === 'on-failure' ? (restart.maxRetries ?? 0) : 0 },
    AutoRemove: spec.autoRemove,
    CapAdd: spec.capAdd.length > 0 ? normalizeCapabilities(spec.capAdd) : null,
    CapDrop: spec.capDrop.length > 0 ? normalizeCapabilities(spec.capDrop) : null,
    Dns: spec.dns,
    // The CLI always sends these lists, empty when no flag fills them; the engine keeps [] vs null.
    DnsOptions: [],
    DnsSearch: [],
    Devices: [],
    Ulimits: [],
    BlkioWeightDevice: [],
    BlkioDeviceReadBps: [],
    BlkioDeviceReadIOps: [],
    BlkioDeviceWriteBps: [],
    BlkioDeviceWriteIOps: [],
    ExtraHosts: spec.extraHosts.length > 0 ? spec.extraHosts : null,
    IpcMode: spec.ipcMode ?? '',
    PidMode: spec.pidMode ?? '',
    Privileged: spec.privileged,
    PublishAllPorts: spec.publishAll,
    ReadonlyRootfs: spec.readOnlyRootfs,
    Memory: resources.memoryBytes ?? 0,
    MemoryReservation: resources.memoryReservationBytes ?? 0,
    MemorySwap: resources.memorySwapBytes ?? 0,
    NanoCpus: resources.cpus === undefined ? 0 : Math.round(resources.cpus * 1e9),
    CpuShares: resources.cpuShares ?? 0,
    CpusetCpus: resources.cpusetCpus ?? '',
    ...(resources.pidsLimit === undefined ? {} : { PidsLimit: resources.pidsLimit }),
    ...(Object.keys(tmpfs).length > 0 ? { Tmpfs: tmpfs } : {}),
    ...(spec.init ? { Init: true } : {}),
  };

  const body: CreateBody = {
    Hostname: spec.hostname ?? '',
    User: spec.user ?? '',
    AttachStdin: false,
    AttachStdout: false,
    AttachStderr: false,
    ExposedPorts: exposed,
    Tty: spec.tty,
    OpenStdin: spec.interactive,
    StdinOnce: false,
    Env: spec.env.filter((variable) => variable.value !== undefined).map((variable) => `${variable.key}=${variable.value ?? ''}`),
    Cmd: spec.command ?? null,
    Image: spec.image,
    Volumes: volumes,
    WorkingDir: spec.workdir ?? '',
    // `--entrypoint ""` clears the image's entrypoint: the CLI sends [""] for it.
    Entrypoint: spec.entrypoint === undefined ? null : spec.entrypoint.length === 0 ? [''] : spec.entrypoint,
    Labels: spec.labels,
    HostConfig: hostConfig,
  };
  if (!builtinNetworks.has(network) && !network.startsWith('container:')) {
    body.NetworkingConfig = { EndpointsConfig: { [network]: {} } };
  }
  return body;
}

/** As the CLI writes them: upper case with the `CAP_` prefix, except `ALL`; no duplicates. */
export function normalizeCapabilities(capabilities: string[]): string[] {
  const normalized = capabilities.map((capability) => {
    const upper = capability.trim().toUpperCase();
    return upper === 'ALL' || upper.startsWith('CAP_') ? upper : `CAP_${upper}`;
  });
  return [...new Set(normalized)];
}
