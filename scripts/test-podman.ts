import { mkdir, readdir, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { probeEngine } from '../runtime/engine/probe.js';
import { capture } from './process.js';
import { importTestImage } from './test-images.js';
import { createNetworkNamespace, ownerVariable, spawnService, stopService, waitForService } from './test-service.js';
import { registryPaths, stopRegistry } from './test-registry.js';

/**
 * The test environment's Podman: Debian's Podman 4.3 serving its Docker-compatible API
 * (`podman system service`) on a socket in the run's directory, with storage, run root,
 * locks, events and containers.conf of its own, so the machine's Podman state is never
 * touched.
 *
 * Rootful Podman keeps some state where it cannot be told otherwise (network namespaces in
 * /run/netns, netavark's IPAM database in /run/containers, the blob cache in
 * /var/lib/containers) and its networks live on the host: bridges named podman0, podman1...
 * from one subnet pool for every Podman on the machine, with iptables rules that outlive
 * it. So it runs in namespaces of its own: a mount namespace with run directories bound over
 * /run and /var/lib, and a network namespace with nothing but a loopback, where its bridges,
 * NAT and port forwards stay, and from which no container can reach off it. The registry is
 * reachable there at the same 127.0.0.1:PORT: a second docker-registry serves the same
 * storage inside the namespace. What a test cannot do on this engine: reach a container or a
 * published port from the host.
 */

export function podmanPaths(dataDir: string) {
  const root = path.join(dataDir, 'podman');
  const socket = path.join(root, 'podman.sock');
  return {
    root,
    socket,
    url: `unix://${socket}`,
    storage: path.join(root, 'storage'),
    runRoot: path.join(root, 'run'),
    tmp: path.join(root, 'tmp'),
    networks: path.join(root, 'networks'),
    containersConf: path.join(root, 'containers.conf'),
    registriesConf: path.join(root, 'registries.conf'),
    events: path.join(root, 'events.log'),
    logFile: path.join(root, 'service.log'),
    registryLogFile: path.join(root, 'registry.log'),
    /** The network namespace, kept by a bind mount on this file. */
    netns: path.join(root, 'netns'),
    namespaceRun: path.join(root, 'ns-run'),
    namespaceVarLib: path.join(root, 'ns-var-lib'),
  };
}

function containersConf(dataDir: string): string {
  const paths = podmanPaths(dataDir);
  return [
    '[containers]',
    '# This sandbox cannot raise the ulimits Podman sets by default.',
    'default_ulimits = []',
    'log_driver = "k8s-file"',
    '[engine]',
    'cgroup_manager = "cgroupfs"',
    'events_logger = "file"',
    `events_logfile_path = "${paths.events}"`,
    '# Never rotated: at its default 1 MB a rotation ends every open /events stream (a full test run',
    "# writes more), and Berth then takes the engine for gone until it reconnects a moment later.",
    'events_logfile_max_size = "0"',
    `tmp_dir = "${paths.tmp}"`,
    `image_copy_tmp_dir = "${paths.tmp}"`,
    '# File locks in tmp_dir, not the machine-wide /dev/shm/libpod_lock.',
    'lock_type = "file"',
    '[network]',
    'network_backend = "netavark"',
    `network_config_dir = "${paths.networks}"`,
    '',
  ].join('\n');
}

/** The registry speaks plain HTTP; no short name is ever resolved against a registry off the host. */
function registriesConf(registry: string): string {
  return ['unqualified-search-registries = []', '', '[[registry]]', `location = "${registry}"`, 'insecure = true', ''].join('\n');
}

/** The docker CLI pointed at Podman's socket. */
export function podmanDockerEnv(dataDir: string): NodeJS.ProcessEnv {
  return { ...process.env, DOCKER_HOST: podmanPaths(dataDir).url, DOCKER_CONFIG: path.join(dataDir, 'docker-config') };
}

/** Whether `GET http://ADDRESS/v2/` answers inside the namespace (busybox's wget: the host's tools cannot enter it). */
async function registryAnswersIn(netns: string, address: string): Promise<boolean> {
  return (await capture('nsenter', [`--net=${netns}`, '--', '/bin/busybox', 'wget', '-q', '-O', '/dev/null', `http://${address}/v2/`], { timeoutMs: 5_000 })).code === 0;
}

export interface PodmanProgress {
  pid?: number;
  registryPid?: number;
}

/**
 * Makes the namespaces, starts the registry inside and the service, waits for `/_ping`, and
 * imports the test image through the Docker API (so it gets the name Docker would give it:
 * Podman lists it as `docker.io/berth-test/busybox:latest`), then runs it once on the
 * default network. `record` is told the pids as soon as they exist.
 */
export async function startPodman(dataDir: string, registry: Promise<string>, tarball: Promise<string>, record: (progress: PodmanProgress) => Promise<void>): Promise<string> {
  const paths = podmanPaths(dataDir);
  for (const dir of [paths.storage, paths.runRoot, paths.tmp, paths.networks, paths.namespaceRun, path.join(paths.namespaceVarLib, 'containers')]) {
    await mkdir(dir, { recursive: true, mode: 0o700 });
  }
  await writeFile(paths.containersConf, containersConf(dataDir));
  await createNetworkNamespace(paths.netns);
  const progress: PodmanProgress = {};

  const address = await registry;
  await writeFile(paths.registriesConf, registriesConf(address));
  const registryOptions = {
    name: 'docker-registry (in Podman\'s namespace)',
    command: 'docker-registry',
    args: ['serve', registryPaths(dataDir).configFile],
    env: { PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin', [ownerVariable]: dataDir },
    logFile: paths.registryLogFile,
    netns: paths.netns,
  };
  const registryInside = await spawnService(registryOptions);
  progress.registryPid = registryInside.pid;
  await record(progress);

  const options = {
    name: 'podman system service',
    command: 'podman',
    args: ['--root', paths.storage, '--runroot', paths.runRoot, 'system', 'service', '--time=0', paths.url],
    env: {
      PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin',
      CONTAINERS_CONF: paths.containersConf,
      CONTAINERS_REGISTRIES_CONF: paths.registriesConf,
      [ownerVariable]: dataDir,
    },
    logFile: paths.logFile,
    binds: [
      { source: paths.namespaceRun, target: '/run' },
      { source: paths.namespaceVarLib, target: '/var/lib' },
    ],
    netns: paths.netns,
  };
  const service = await spawnService(options);
  progress.pid = service.pid;
  await record(progress);
  await waitForService(registryInside, registryOptions, () => registryAnswersIn(paths.netns, address));
  await waitForService(service, options, async () => (await probeEngine(paths.url, { timeoutMs: 1000 })).ok);
  await importTestImage(podmanDockerEnv(dataDir), await tarball);
  return paths.url;
}

/**
 * Stops the service and the registry inside, each only when its pid still runs our
 * directory. The containers were removed through the API first (test-env.ts), and whatever
 * conmon or container process is left after a crash is ended by the leftover sweep; the
 * namespaces go with the last of them and the unmount of the namespace file.
 */
export async function stopPodman(dataDir: string, progress: PodmanProgress): Promise<void> {
  if (progress.pid !== undefined) await stopService(progress.pid, podmanPaths(dataDir).root);
  if (progress.registryPid !== undefined) await stopRegistry(progress.registryPid, registryPaths(dataDir).configFile);
}

/** Ids of the containers in our Podman's storage. */
export async function podmanContainerIds(dataDir: string): Promise<string[]> {
  try {
    return (await readdir(path.join(podmanPaths(dataDir).storage, 'overlay-containers'))).filter((id) => /^[0-9a-f]{64}$/.test(id));
  } catch {
    return [];
  }
}

/**
 * Podman with cgroupfs puts conmon in /libpod_parent/conmon and each container in
 * /libpod_parent/libpod-ID of every hierarchy; removes ours and those two when empty (a
 * cgroup still in use, another run's, refuses rmdir).
 */
export async function removePodmanCgroups(containerIds: readonly string[]): Promise<void> {
  let hierarchies: string[];
  try {
    hierarchies = ['', ...(await readdir('/sys/fs/cgroup'))];
  } catch {
    return;
  }
  for (const hierarchy of hierarchies) {
    const parent = path.join('/sys/fs/cgroup', hierarchy, 'libpod_parent');
    for (const dir of [...containerIds.map((id) => path.join(parent, `libpod-${id}`)), path.join(parent, 'conmon'), parent]) {
      await rmdir(dir).catch(() => undefined);
    }
  }
}
