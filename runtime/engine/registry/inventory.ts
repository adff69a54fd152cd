import { createHash } from 'node:crypto';
import path from 'node:path';
import type { EngineEndpoint } from '../../api/index.js';

/**
 * Every engine found the way the docker CLI finds them, for the Engines page: `--engine`,
 * `DOCKER_HOST`, every docker context in `~/.docker/contexts`, the default socket, rootless
 * Docker and Podman's sockets (those only when the socket is there). Which one Berth connects
 * to first is discovery.ts's job; this lists them all. Pure: the file system comes in.
 */

export interface InventoryInput {
  env: Record<string, string | undefined>;
  homeDir: string;
  flag?: string | undefined;
  readText(file: string): Promise<string | null>;
  listDir(dir: string): Promise<string[]>;
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
  for (const context of await contexts(input)) {
    add({ url: context.host, source: 'context', why: `docker context "${context.name}"`, name: context.name });
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

/** Every context the docker CLI knows, with a docker endpoint (`contexts/meta/<sha256>/meta.json`). */
async function contexts(input: InventoryInput): Promise<{ name: string; host: string }[]> {
  const configDir = input.env.DOCKER_CONFIG || path.join(input.homeDir, '.docker');
  const metaRoot = path.join(configDir, 'contexts', 'meta');
  const result: { name: string; host: string }[] = [];
  for (const dir of (await input.listDir(metaRoot)).sort()) {
    const meta = parseJson(await input.readText(path.join(metaRoot, dir, 'meta.json')));
    const name = isRecord(meta) && typeof meta.Name === 'string' ? meta.Name : null;
    const endpoints = isRecord(meta) ? meta.Endpoints : undefined;
    const docker = isRecord(endpoints) ? endpoints.docker : undefined;
    const host = isRecord(docker) ? docker.Host : undefined;
    // The directory is named by the name's hash: anything else is not the CLI's.
    if (name === null || typeof host !== 'string' || host === '') continue;
    if (createHash('sha256').update(name).digest('hex') !== dir) continue;
    result.push({ name, host });
  }
  return result;
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
