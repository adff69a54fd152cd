import type { EngineContainer, EngineContainerListItem } from './json/container.js';
import type { EngineImageRemoval } from './json/image.js';
import type { EngineEvent } from './json/streams.js';
import type { EngineVersion } from './json/system.js';

/**
 * Which Docker-compatible engine answers, for the few places its JSON differs from Docker's.
 * Every such difference is settled here, as the engine's JSON is read, so nothing above
 * runtime/engine needs to know which engine it is talking to.
 */
export type EngineDialect = 'docker' | 'podman';

/** Podman names itself among the components of `/version`. */
export function dialectOf(version: EngineVersion): EngineDialect {
  return version.Components?.some((component) => /podman/i.test(component.Name ?? '')) ? 'podman' : 'docker';
}

const podmanLocal = 'localhost/';
/** Podman's default /dev/shm: 65536k in its own words, decimal. */
const podmanShmBytes = 65_536_000;

/**
 * Podman keeps the images it builds, commits or tags under `localhost/` (`localhost/app:1`)
 * where Docker, and the user who typed `app:1`, say `app:1`; Podman resolves the short name
 * back to its local image. On Docker `localhost/app` is a registry name and stays as it is.
 */
export function imageNameAsDocker(name: string, dialect: EngineDialect): string {
  return dialect === 'podman' && name.startsWith(podmanLocal) ? name.slice(podmanLocal.length) : name;
}

const names = (list: string[] | null | undefined, dialect: EngineDialect) => (list ? list.map((name) => imageNameAsDocker(name, dialect)) : list);

export function containerListItemAsDocker(item: EngineContainerListItem, dialect: EngineDialect): EngineContainerListItem {
  if (dialect === 'docker' || !item.Image) return item;
  return { ...item, Image: imageNameAsDocker(item.Image, dialect) };
}

/**
 * What Podman records in its own words, said as Docker records it:
 * - the image name the user chose (`Config.Image`; the top-level `Image` is an id);
 * - `HOSTNAME=<the hostname>` in `Config.Env`: Podman keeps there what every engine sets in the
 *   process by itself; Docker records only what the user gave, so "Copy as docker run" would
 *   hand the next container this one's hostname as `-e HOSTNAME=`;
 * - `PidMode: "private"`, Podman's name for its default (a PID namespace of the container's
 *   own), which Docker records as `""` and the docker CLI cannot even say (`--pid` takes
 *   `host` or `container:NAME`);
 * - its own defaults where Docker has others, so "Copy as docker run" does not print them as
 *   choices: 65536000 bytes of /dev/shm (Docker's default is 64 MiB), the runtime `oci` (Docker
 *   records the runtime it used, or nothing), and a memory swappiness of 0 whether or not one
 *   was given (Docker records none as null).
 */
export function containerAsDocker(container: EngineContainer, dialect: EngineDialect): EngineContainer {
  if (dialect === 'docker') return container;
  const { Config: config, HostConfig: host } = container;
  const read = { ...container };
  if (config) {
    read.Config = { ...config };
    if (config.Image) read.Config.Image = imageNameAsDocker(config.Image, dialect);
    if (config.Env && config.Hostname) read.Config.Env = config.Env.filter((entry) => entry !== `HOSTNAME=${config.Hostname ?? ''}`);
  }
  if (host) {
    const docker = { ...host };
    if (host.PidMode === 'private') docker.PidMode = '';
    if (host.ShmSize === podmanShmBytes) docker.ShmSize = 64 * 1024 * 1024;
    if (host.Runtime === 'oci') docker.Runtime = '';
    if (host.MemorySwappiness === 0) docker.MemorySwappiness = null;
    read.HostConfig = docker;
  }
  return read;
}

export function imageAsDocker<I extends { RepoTags?: string[] | null | undefined; RepoDigests?: string[] | null | undefined }>(image: I, dialect: EngineDialect): I {
  if (dialect === 'docker') return image;
  return { ...image, RepoTags: names(image.RepoTags, dialect), RepoDigests: names(image.RepoDigests, dialect) };
}

export function imageRemovalAsDocker(removal: EngineImageRemoval, dialect: EngineDialect): EngineImageRemoval {
  if (dialect === 'docker' || !removal) return removal;
  return removal.map((item) => (item.Untagged ? { ...item, Untagged: imageNameAsDocker(item.Untagged, dialect) } : item));
}

/**
 * An `/events` message as Docker sends it. Podman 4 names a volume in its event's
 * `Actor.Attributes.name` and leaves `Actor.ID` empty, where Docker puts the volume's name (its
 * id) in `Actor.ID`.
 */
export function eventAsDocker(event: EngineEvent, dialect: EngineDialect): EngineEvent {
  if (dialect === 'docker' || event.Type !== 'volume' || event.Actor.ID !== '') return event;
  const name = event.Actor.Attributes?.name;
  return name ? { ...event, Actor: { ...event.Actor, ID: name } } : event;
}

/**
 * Whether the engine sends an event when a network is created or removed. Docker does (`create`,
 * `destroy`); Podman 4 does not (only `connect` and `disconnect`), so nothing kept from its events
 * can know of a network made or removed from a shell.
 */
export function announcesNetworkLifecycle(dialect: EngineDialect): boolean {
  return dialect === 'docker';
}
