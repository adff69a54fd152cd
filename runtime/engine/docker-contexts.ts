import { createHash } from 'node:crypto';
import path from 'node:path';

/**
 * The docker CLI's contexts as it writes them: `<config dir>/contexts/meta/<sha256(name)>/meta.json`
 * with the docker endpoint's `Host`. Read by discovery (the current context) and by the Engines
 * list (every context). The file system comes in, so both stay unit-tested.
 */

export interface ContextFiles {
  env: Record<string, string | undefined>;
  homeDir: string;
  /** Reads a file as text, or returns null when it does not exist or cannot be read. */
  readText(file: string): Promise<string | null>;
  /** Lists a directory's entries, or [] when missing. */
  listDir(dir: string): Promise<string[]>;
}

export interface DockerContext {
  name: string;
  /** The docker endpoint, e.g. `ssh://me@build`; null when the context names none. */
  host: string | null;
}

/** `DOCKER_CONFIG`, else `~/.docker`. */
export function dockerConfigDir(files: ContextFiles): string {
  return files.env.DOCKER_CONFIG || path.join(files.homeDir, '.docker');
}

/** Every context, in the order of their directories; `only` reads just the one with that name. */
export async function readContexts(files: ContextFiles, only?: string): Promise<DockerContext[]> {
  const metaRoot = path.join(dockerConfigDir(files), 'contexts', 'meta');
  const hashOf = (name: string) => createHash('sha256').update(name).digest('hex');
  // The directory is named by the name's hash: look there first for a named context.
  const dirs = (await files.listDir(metaRoot)).sort();
  const ordered = only === undefined ? dirs : [hashOf(only), ...dirs.filter((dir) => dir !== hashOf(only))];
  const contexts: DockerContext[] = [];
  for (const dir of ordered) {
    const meta = parseJson(await files.readText(path.join(metaRoot, dir, 'meta.json')));
    if (!isRecord(meta) || typeof meta.Name !== 'string') continue;
    if (only !== undefined && meta.Name !== only) continue;
    const endpoints = meta.Endpoints;
    const docker = isRecord(endpoints) ? endpoints.docker : undefined;
    const host = isRecord(docker) && typeof docker.Host === 'string' && docker.Host !== '' ? docker.Host : null;
    contexts.push({ name: meta.Name, host });
    if (only !== undefined) break;
  }
  return contexts;
}

export function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
