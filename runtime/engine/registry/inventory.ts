import path from 'node:path';
import type { EngineEndpoint } from '../../api/index.js';
import { readContexts, type ContextFiles } from '../docker-contexts.js';

/**
 * Every engine found the way the docker CLI finds them, for the Engines page: `--engine`,
 * `DOCKER_HOST`, every docker context in `~/.docker/contexts`, the default socket, rootless
 * Docker and Podman's sockets (those only when the socket is there). Which one Berth connects
 * to first is discovery.ts's job; this lists them all. Pure: the file system comes in.
 */

export interface InventoryInput extends ContextFiles {
  flag?: string | undefined;
  /** Whether a socket (or any file) is there. */
  exists(file: string): Promise<boolean>;
}

/** A found engine, with the name it is shown under until the user renames it. */
export interface FoundEngine extends EngineEndpoint {
  name: string;
}

export async function findEngines(input: InventoryInput): Promise<FoundEngine[]> {
  const found: FoundEngine[] = [];
  const add = (engine: FoundEngine) => {
    if (!found.some((other) => other.url === engine.url)) found.push(engine);
  };
  if (input.flag) add({ url: input.flag, source: 'flag', why: 'given with --engine', name: nameFromUrl(input.flag) });
  const dockerHost = input.env.DOCKER_HOST;
  if (dockerHost) add({ url: dockerHost, source: 'DOCKER_HOST', why: 'DOCKER_HOST is set', name: nameFromUrl(dockerHost) });
  for (const context of await readContexts(input)) {
    if (context.host !== null) add({ url: context.host, source: 'context', why: `docker context "${context.name}"`, name: context.name });
  }
  const sockets: FoundEngine[] = [{ url: 'unix:///var/run/docker.sock', source: 'default_socket', why: 'the default Docker socket', name: 'docker' }];
  const runtimeDir = input.env.XDG_RUNTIME_DIR;
  if (runtimeDir) {
    sockets.push(
      { url: `unix://${path.join(runtimeDir, 'docker.sock')}`, source: 'rootless_socket', why: 'the rootless Docker socket', name: 'docker (rootless)' },
      { url: `unix://${path.join(runtimeDir, 'podman', 'podman.sock')}`, source: 'podman_rootless', why: "Podman's rootless socket", name: 'podman (rootless)' },
    );
  }
  sockets.push({ url: 'unix:///run/podman/podman.sock', source: 'podman_rootful', why: "Podman's system socket", name: 'podman' });
  for (const socket of sockets) {
    if (await input.exists(socket.url.slice('unix://'.length))) add(socket);
  }
  return found;
}

/** A short name for an engine known only by its URL: the host, or the socket's file name. */
export function nameFromUrl(url: string): string {
  const unix = /^unix:\/\/(.+)$/.exec(url);
  if (unix?.[1]) return path.basename(unix[1]).replace(/\.sock$/, '') || unix[1];
  const remote = /^[a-z]+:\/\/(?:[^@/]+@)?(\[[^\]]+\]|[^:/]+)/.exec(url);
  return remote?.[1] ?? url;
}
