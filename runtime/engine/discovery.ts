import path from 'node:path';
import type { EngineEndpoint } from '../api/index.js';
import { dockerConfigDir, isRecord, parseJson, readContexts } from './docker-contexts.js';

/**
 * Where to look for an engine, in the order the docker CLI uses, then Podman's sockets.
 * Pure: the file system comes in through `readText`, so the order is unit-tested.
 *
 * An explicit choice (the --engine flag, DOCKER_HOST, DOCKER_CONTEXT or a current context
 * other than "default") is authoritative: Berth reports why it fails rather than quietly
 * managing a different engine than the user pointed it at. Only the default locations are
 * probed one after another.
 */
export interface DiscoveryInput {
  env: Record<string, string | undefined>;
  homeDir: string;
  /** Reads a file as text, or returns null when it does not exist or cannot be read. */
  readText(file: string): Promise<string | null>;
  /** Lists a directory's entries, or [] when missing. */
  listDir(dir: string): Promise<string[]>;
  /** `--engine URL` from the command line. */
  flag?: string | undefined;
}

export interface DiscoveryPlan {
  /** Candidates to try in order. */
  candidates: EngineEndpoint[];
  /** True when the first candidate was chosen explicitly; then it is the only one. */
  explicit: boolean;
  /** Set when a context was named but could not be read. */
  problem?: string;
}

export async function planDiscovery(input: DiscoveryInput): Promise<DiscoveryPlan> {
  const { env, flag } = input;
  if (flag) return { explicit: true, candidates: [{ url: flag, source: 'flag', why: 'given with --engine' }] };
  if (env.DOCKER_HOST) {
    return { explicit: true, candidates: [{ url: env.DOCKER_HOST, source: 'DOCKER_HOST', why: 'DOCKER_HOST is set' }] };
  }

  const context = await currentContext(input);
  if (context && context.name !== 'default') {
    if (context.host) {
      return {
        explicit: true,
        candidates: [{ url: context.host, source: 'context', why: `docker context "${context.name}" is current (${context.from})` }],
      };
    }
    return { explicit: true, candidates: [], problem: `docker context "${context.name}" is current (${context.from}) but its endpoint could not be read from ~/.docker/contexts.` };
  }

  const candidates: EngineEndpoint[] = [
    { url: 'unix:///var/run/docker.sock', source: 'default_socket', why: 'the default Docker socket' },
  ];
  const runtimeDir = env.XDG_RUNTIME_DIR;
  if (runtimeDir) {
    candidates.push(
      { url: `unix://${path.join(runtimeDir, 'docker.sock')}`, source: 'rootless_socket', why: 'the rootless Docker socket' },
      { url: `unix://${path.join(runtimeDir, 'podman', 'podman.sock')}`, source: 'podman_rootless', why: "Podman's rootless socket" },
    );
  }
  candidates.push({ url: 'unix:///run/podman/podman.sock', source: 'podman_rootful', why: "Podman's system socket" });
  return { explicit: false, candidates };
}

interface ContextChoice {
  name: string;
  from: string;
  host: string | null;
}

async function currentContext(input: DiscoveryInput): Promise<ContextChoice | null> {
  let name = input.env.DOCKER_CONTEXT;
  let from = 'DOCKER_CONTEXT is set';
  if (!name) {
    const config = parseJson(await input.readText(path.join(dockerConfigDir(input), 'config.json')));
    const current = isRecord(config) ? config.currentContext : undefined;
    if (typeof current !== 'string' || current === '') return null;
    name = current;
    from = 'currentContext in ~/.docker/config.json';
  }
  if (name === 'default') return { name, from, host: null };
  const [context] = await readContexts(input, name);
  return { name, from, host: context?.host ?? null };
}
