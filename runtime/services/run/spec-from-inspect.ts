import { BerthError, runSpecSchema, type EnvVar, type MountSpec, type PortSpec, type ResourcesSpec, type RunSpec, type RunSpecInput } from '../../api/index.js';
import type { EngineContainer, EngineContainerConfig, EngineHostConfig } from '../../engine/json/container.js';
import type { EngineImageConfig } from '../../engine/json/image.js';
import { readPortBindings, type EnginePort } from '../../engine/ports.js';
import { limitsOfHostConfig } from '../../engine/resources.js';
import { moreFromInspect, type EngineDefaults } from './spec-from-inspect-more.js';

/**
 * "Copy as docker run" for any container, also one made elsewhere: the engine's inspect answer
 * -> the RunSpec of what the user chose. What the image itself sets (CMD, ENTRYPOINT, ENV,
 * LABEL, VOLUME, WORKDIR, USER) and what the engine fills in by itself (hostname = short id,
 * swap = 2 x memory, IPC mode "private") are left out, so the printed line is the one a
 * person would have typed, and running it gives the same Config and HostConfig.
 */

export interface InspectContext {
  image: EngineImageConfig;
  /** The engine host's name (`/info` Name): with `--network host` the container takes it as its hostname. */
  engineHostname?: string;
  /** What the engine uses without `--runtime`, `--log-driver`, `--cgroupns`: left out of the spec when the container has it. */
  defaults?: EngineDefaults;
}

const emptyToNull = (list: string[] | null | undefined): string[] | null => (list && list.length > 0 ? list : null);
const sameList = (a: string[] | null, b: string[] | null): boolean => JSON.stringify(a) === JSON.stringify(b);

export function specFromInspect(container: EngineContainer, context: InspectContext): RunSpec {
  const config = container.Config ?? {};
  const host = container.HostConfig ?? {};
  const { image } = context;
  const network = host.NetworkMode && host.NetworkMode !== 'default' ? host.NetworkMode : undefined;
  const spec: RunSpecInput = { image: config.Image ?? '', name: (container.Name ?? '').replace(/^\//, '') };

  Object.assign(spec, commandAndEntrypoint(config, image));
  const env = userEnv(config.Env, image.Env);
  if (env.length > 0) spec.env = env;
  const ports = publishedPorts(host.PortBindings);
  if (ports.length > 0) spec.ports = ports;
  if (host.PublishAllPorts) spec.publishAll = true;
  const mounts = userMounts(container, image);
  if (mounts.length > 0) spec.mounts = mounts;

  const restartName = host.RestartPolicy?.Name;
  if (restartName === 'always' || restartName === 'unless-stopped' || restartName === 'on-failure') {
    const retries = host.RestartPolicy?.MaximumRetryCount ?? 0;
    spec.restart = restartName === 'on-failure' && retries > 0 ? { name: restartName, maxRetries: retries } : { name: restartName };
  }
  const resources = userResources(host);
  if (Object.keys(resources).length > 0) spec.resources = resources;

  if (network !== undefined) spec.network = network;
  const hostname = config.Hostname ?? '';
  const engineChosen =
    hostname === '' ||
    hostname === container.Id.slice(0, 12) ||
    network?.startsWith('container:') === true ||
    (network === 'host' && hostname === context.engineHostname);
  if (!engineChosen) spec.hostname = hostname;
  if (host.ExtraHosts && host.ExtraHosts.length > 0) spec.extraHosts = host.ExtraHosts;
  if (host.Dns && host.Dns.length > 0) spec.dns = host.Dns;
  if (config.User && config.User !== (image.User ?? '')) spec.user = config.User;
  if (config.WorkingDir && config.WorkingDir !== (image.WorkingDir ?? '')) spec.workdir = config.WorkingDir;
  const labels = Object.entries(config.Labels ?? {}).filter(([key, value]) => image.Labels?.[key] !== value);
  if (labels.length > 0) spec.labels = Object.fromEntries(labels);

  if (host.AutoRemove) spec.autoRemove = true;
  if (config.OpenStdin) spec.interactive = true;
  if (config.Tty) spec.tty = true;
  if (host.ReadonlyRootfs) spec.readOnlyRootfs = true;
  if (host.Init === true) spec.init = true;
  if (host.Privileged) spec.privileged = true;
  if (host.PidMode) spec.pidMode = host.PidMode;
  // "private" is what the engine fills in when --ipc is not given (default-ipc-mode since Docker 20.10).
  if (host.IpcMode && host.IpcMode !== 'private') spec.ipcMode = host.IpcMode;
  if (host.CapAdd && host.CapAdd.length > 0) spec.capAdd = host.CapAdd;
  if (host.CapDrop && host.CapDrop.length > 0) spec.capDrop = host.CapDrop;
  moreFromInspect(spec, container, image, context.defaults ?? {});

  const parsed = runSpecSchema.safeParse(spec);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BerthError('internal', `The container's settings cannot be expressed as a docker run command: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }
  return parsed.data;
}

/**
 * The engine fills the image's CMD only when the user gave no entrypoint. So an entrypoint is
 * part of the spec whenever leaving it out would not give the same Entrypoint and Cmd back.
 */
function commandAndEntrypoint(config: EngineContainerConfig, image: EngineImageConfig): Pick<RunSpecInput, 'command' | 'entrypoint'> {
  const entrypoint = emptyToNull(config.Entrypoint);
  const command = emptyToNull(config.Cmd);
  const imageEntrypoint = emptyToNull(image.Entrypoint);
  const imageCommand = emptyToNull(image.Cmd);
  if (sameList(entrypoint, imageEntrypoint) && (command !== null || imageCommand === null)) {
    return sameList(command, imageCommand) || command === null ? {} : { command };
  }
  return command === null ? { entrypoint: entrypoint ?? [] } : { entrypoint: entrypoint ?? [], command };
}

function userEnv(env: string[] | null | undefined, imageEnv: string[] | null | undefined): EnvVar[] {
  const inherited = new Set(imageEnv ?? []);
  return (env ?? [])
    .filter((entry) => !inherited.has(entry))
    .map((entry) => {
      const eq = entry.indexOf('=');
      return eq < 0 ? { key: entry } : { key: entry.slice(0, eq), value: entry.slice(eq + 1) };
    });
}

function publishedPorts(bindings: EngineHostConfig['PortBindings']): PortSpec[] {
  return readPortBindings(bindings)
    // An exposed port with no binding is not published; a binding with neither address nor port (`-p 80`) is.
    .filter((binding) => hasBinding(bindings, binding))
    .map((binding) => {
      const port: PortSpec = { containerPort: binding.containerPort, protocol: binding.protocol };
      if (binding.hostIp) port.hostIp = binding.hostIp;
      const range = /^(\d+)(?:-(\d+))?$/.exec(binding.hostPort ?? '');
      if (range) port.hostPort = Number(range[1]);
      // A host port range ("8000-8010"): the engine takes a free one of them.
      if (range?.[2] !== undefined) port.hostPortEnd = Number(range[2]);
      return port;
    });
}

/** Whether the engine holds at least one binding for the port. */
function hasBinding(bindings: EngineHostConfig['PortBindings'], port: EnginePort): boolean {
  return (bindings?.[`${port.containerPort}/${port.protocol}`] ?? []).length > 0;
}

function userMounts(container: EngineContainer, image: EngineImageConfig): MountSpec[] {
  const config = container.Config ?? {};
  const host = container.HostConfig ?? {};
  const mounts: MountSpec[] = [];
  for (const bind of host.Binds ?? []) {
    const [source = '', target = '', options = ''] = bind.split(':');
    const all = options.split(',').filter(Boolean);
    const others = all.filter((option) => option !== 'ro').join(',');
    const mount: Extract<MountSpec, { type: 'bind' | 'volume' }> = { type: source.startsWith('/') ? 'bind' : 'volume', source, target, readOnly: all.includes('ro') };
    mounts.push(others === '' ? mount : { ...mount, options: others });
  }
  // `--mount` ones (HostConfig.Mounts) are the spec's mountFlags, kept as the engine has them (spec-from-inspect-more.ts).
  const taken = new Set([...mounts.map((mount) => mount.target), ...(host.Mounts ?? []).map((mount) => mount.Target ?? '')]);
  const imageVolumes = new Set(Object.keys(image.Volumes ?? {}));
  for (const target of Object.keys(config.Volumes ?? {})) {
    if (!imageVolumes.has(target) && !taken.has(target)) mounts.push({ type: 'anonymous', target });
  }
  for (const [target, options] of Object.entries(host.Tmpfs ?? {})) {
    mounts.push(options === '' ? { type: 'tmpfs', target } : { type: 'tmpfs', target, options });
  }
  return mounts;
}

function userResources(host: EngineHostConfig): ResourcesSpec {
  const limits = limitsOfHostConfig(host);
  const resources: ResourcesSpec = {};
  if (limits.memoryBytes > 0) resources.memoryBytes = limits.memoryBytes;
  if (limits.memoryReservationBytes > 0) resources.memoryReservationBytes = limits.memoryReservationBytes;
  const swap = limits.memorySwapBytes;
  // With --memory alone the engine records swap as twice the memory: that is its default, not a choice.
  if (swap !== 0 && !(limits.memoryBytes > 0 && swap === limits.memoryBytes * 2)) resources.memorySwapBytes = swap;
  // --cpus only: a quota and period given as such are printed as --cpu-quota / --cpu-period (spec-from-inspect-more.ts).
  if ((host.NanoCpus ?? 0) > 0) resources.cpus = limits.cpus;
  if (limits.cpuShares > 0) resources.cpuShares = limits.cpuShares;
  if (limits.cpusetCpus) resources.cpusetCpus = limits.cpusetCpus;
  // null, 0 and -1 all mean "unlimited" to the engine, which stores them as null.
  if (limits.pidsLimit > 0) resources.pidsLimit = limits.pidsLimit;
  return resources;
}
